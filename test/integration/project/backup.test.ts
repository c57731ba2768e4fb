/**
 * DATA-6: "Save a copy" / `storyboard backup` while the project stays open: the database goes
 * through SQLite's backup API (consistent even mid-WAL, under the exclusive lock), the media
 * comes along, the copy passes integrity_check and opens elsewhere with the same document.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { cfrClip } from '../../helpers/media.js';
import { call, servicesWithProject } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir('sb backup-');

describe('save a copy', () => {
  it('copies the open project (backup API + media); the copy passes integrity_check and opens elsewhere', async () => {
    const s = await servicesWithProject(root, 'film');
    await call(s, 'shots.add', { videoPath: cfrClip() });
    await call(s, 'shots.add', { prompt: 'a second shot 镜头', durationSec: 2 });
    const dest = join(root, 'film copy');
    const copy = await call(s, 'project.saveCopy', { dir: dest });
    expect(copy).toMatchObject({ dir: dest, copiedFiles: 1, skipped: [] });
    // The original is still open and editable.
    await call(s, 'shots.add', { prompt: 'after the copy' });
    const db = new Database(join(dest, 'project.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    const opened = ProjectStore.open(dest);
    try {
      const snap = opened.snapshot();
      expect(snap.shots.map((x) => x.prompt)).toEqual(['', 'a second shot 镜头']);
      expect(existsSync(opened.absPath(snap.assets[0]!.path))).toBe(true);
    } finally {
      opened.close();
    }
    // A second copy into a folder that is not empty is refused, and nothing is written there.
    const again = await call(s, 'project.saveCopy', { dir: dest }).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    expect(again?.code).toBe('PROJECT_EXISTS');
  });

  it('storyboard backup <dir> --out <dir2>', async () => {
    ensureBuilt();
    const src = join(root, 'film');
    const out = join(root, 'cli copy');
    const run = await runCli(['backup', src, '--out', out], process.env);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${out}\n`);
    expect(readdirSync(out).sort()).toEqual(['media', 'project.db']);
    expect((await runCli(['info', out, '--json'], process.env)).status).toBe(0);
  });
});
