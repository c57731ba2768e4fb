/**
 * Finding a project (facade/folders.ts): the recent list keeps only clean absolute paths from
 * its file (stored paths are hostile data: relative, `..`, control characters, non-strings are
 * dropped) and puts an opened project first; the folder browser lists real sub-folders inside
 * its roots only — a path outside, or a link inside that points outside, is refused or not
 * listed.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecent, RecentProjects, RECENT_FILE } from '../../../electron/services/project/recentProjects.js';
import { folderRoots, listFolder } from '../../../electron/services/util/folderBrowser.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir('sb folders-');

describe('recent projects', () => {
  it('drops hostile or malformed stored entries and keeps clean ones, deduplicated', () => {
    expect(
      parseRecent([
        { dir: '/films/a', name: 'A' },
        { dir: 'films/relative', name: 'rel' },
        { dir: '/films/../etc', name: 'dots' },
        { dir: '/films//double', name: 'double' },
        { dir: '/films/nul\u0000x', name: 'nul' },
        { dir: 42, name: 'number' },
        { dir: '/films/a/', name: 'A again' },
        { dir: '/films/b', name: 'B\u001b[31mred' },
        'not an object',
        null,
      ]),
    ).toEqual([
      { dir: '/films/a', name: 'A' },
      { dir: '/films/b', name: 'B [31mred' },
    ]);
    expect(parseRecent({ dir: '/x' })).toEqual([]);
  });

  it('remembers newest first, at most 10, and says which still hold a project', () => {
    const config = join(root, 'config');
    const recent = new RecentProjects(config);
    const film = join(root, 'film 影片');
    mkdirSync(film, { recursive: true });
    writeFileSync(join(film, 'project.db'), '');
    for (let i = 0; i < 12; i++) recent.remember(join(root, `gone-${i}`), `Gone ${i}`);
    recent.remember(film, '影片');
    const list = recent.list();
    expect(list).toHaveLength(10);
    expect(list[0]).toEqual({ dir: film, name: '影片', available: true });
    expect(list[1]).toMatchObject({ name: 'Gone 11', available: false });
    recent.remember(join(root, 'gone-5'), 'Gone 5');
    expect(recent.list()[0]!.name).toBe('Gone 5');
    expect(JSON.parse(readFileSync(join(config, RECENT_FILE), 'utf8'))).toHaveLength(10);
  });
});

describe('the folder browser', () => {
  const home = join(root, 'home');
  const outside = join(root, 'outside');
  mkdirSync(join(home, 'Films', 'Trailer'), { recursive: true });
  mkdirSync(join(home, '.hidden'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(home, 'Films', 'Trailer', 'project.db'), '');
  writeFileSync(join(home, 'notes.txt'), 'a file, not a folder');
  symlinkSync(outside, join(home, 'Films', 'escape'));
  const roots = folderRoots([home, join(root, 'no such root')]);

  it('starts at the first root and lists real folders only (no files, hidden folders or links)', () => {
    const top = listFolder(undefined, roots);
    expect(top).toMatchObject({ path: roots[0], parent: null, project: false, truncated: false });
    expect(top.entries.map((e) => e.name)).toEqual(['Films']);
    const films = listFolder(join(home, 'Films'), roots);
    expect(films.entries).toEqual([{ name: 'Trailer', path: join(roots[0]!, 'Films', 'Trailer'), project: true }]);
    expect(films.parent).toBe(roots[0]);
  });

  it('refuses a folder outside the roots, by path, by `..` or through a link', () => {
    for (const p of [outside, join(home, '..', 'outside'), join(home, 'Films', 'escape'), '/']) {
      expect(() => listFolder(p, roots), p).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
    expect(() => listFolder(join(home, 'nope'), roots)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
