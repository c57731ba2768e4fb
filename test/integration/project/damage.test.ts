/** A damaged or foreign project.db is reported (PROJECT_DAMAGED, naming the file), never guessed at. */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { tempDir } from '../../helpers/tmp.js';
import { INIT } from './fixtures.js';

const root = tempDir();
let n = 0;

function projectDir(): string {
  const dir = join(root, `damaged ${++n} 镜头`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A closed project with enough rows to span many pages. */
function bigProject(): string {
  const dir = join(root, `big ${++n}`);
  const s = ProjectStore.create(dir, INIT);
  for (let i = 0; i < 100; i++) s.shots.add({ title: `shot ${i}`, prompt: 'x'.repeat(4000), durationFrames: 24 });
  s.close();
  return dir;
}

function openFailure(dir: string): AppError {
  try {
    ProjectStore.open(dir).close();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('open did not fail');
}

function expectDamaged(dir: string): AppError {
  const before = readFileSync(join(dir, 'project.db'));
  const err = openFailure(dir);
  expect(err.code).toBe('PROJECT_DAMAGED');
  expect(err.message).toContain(join(dir, 'project.db'));
  // Reported, not repaired or overwritten.
  expect(readFileSync(join(dir, 'project.db')).equals(before)).toBe(true);
  return err;
}

describe('damaged project files', () => {
  it('garbage bytes', () => {
    const dir = projectDir();
    writeFileSync(join(dir, 'project.db'), randomBytes(8192));
    expect(expectDamaged(dir).message).toMatch(/damaged or is not a Storyboard project/);
  });

  it('an empty file', () => {
    const dir = projectDir();
    writeFileSync(join(dir, 'project.db'), '');
    expect(expectDamaged(dir).message).toMatch(/not a Storyboard project/);
  });

  it('a SQLite database made by another program', () => {
    const dir = projectDir();
    const db = new Database(join(dir, 'project.db'));
    db.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1);');
    db.pragma('user_version = 1');
    db.close();
    expect(expectDamaged(dir).message).toMatch(/not a Storyboard project database/);
  });

  it('a truncated file', () => {
    const dir = bigProject();
    const file = join(dir, 'project.db');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expectDamaged(dir);
  });

  it('a page overwritten in the middle', () => {
    const dir = bigProject();
    const file = join(dir, 'project.db');
    const fd = openSync(file, 'r+');
    // Page 40 of 4 KiB: inside the shots table's b-tree.
    writeSync(fd, randomBytes(4096), 0, 4096, 40 * 4096);
    closeSync(fd);
    expectDamaged(dir);
  });

  it('a row the model does not allow', () => {
    const dir = join(root, `bad row ${++n}`);
    const s = ProjectStore.create(dir, INIT);
    const shot = s.shots.add({ durationFrames: 24 });
    s.close();
    const db = new Database(join(dir, 'project.db'));
    db.prepare("UPDATE shots SET camera = 'barrel_roll' WHERE id = ?").run(shot.id);
    db.close();
    const err = openFailure(dir);
    expect(err.code).toBe('PROJECT_DAMAGED');
    expect(err.message).toContain(`shot "${shot.id}"`);
  });

  it('a tampered undo log is refused without changing the document', () => {
    const dir = join(root, `bad history ${++n}`);
    let s = ProjectStore.create(dir, INIT);
    const shot = s.shots.add({ title: 'keep', durationFrames: 24 });
    s.close();
    const db = new Database(join(dir, 'project.db'));
    const changes = JSON.stringify([
      { table: 'shots', key: { id: shot.id }, before: { 'title" = 1; --': 'x' }, after: { title: 'keep' } },
    ]);
    db.prepare('UPDATE history SET changes = ?').run(changes);
    db.close();
    s = ProjectStore.open(dir);
    try {
      let err: unknown;
      try {
        s.undo();
      } catch (e) {
        err = e;
      }
      expect((err as AppError).code).toBe('PROJECT_DAMAGED');
      expect((err as AppError).message).toContain('unknown column');
      expect(s.getShot(shot.id).title).toBe('keep');
      expect(s.historyState().canUndo).toBe(true);
    } finally {
      s.close();
    }
  });
});
