/** The row-level change log behind undo/redo, on a real in-memory SQLite with the project schema. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeRecorder, ChangesSchema, redoChanges, undoChanges } from '../../../electron/services/project/changes.js';
import { MIGRATIONS } from '../../../electron/services/project/migrations/index.js';
import { migrate } from '../../../electron/services/project/migrations/runner.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS);
  db.exec(`INSERT INTO shots (id, position, title, duration_frames) VALUES ('a', 0, 'A', 24), ('b', 1, 'B', 24);
    INSERT INTO elements (id, kind, name, tag) VALUES ('e', 'character', 'Mia', '@mia');`);
});
afterEach(() => db.close());

const shots = () => db.prepare('SELECT id, position, title, prompt FROM shots ORDER BY id').all();
const links = () => db.prepare('SELECT * FROM shot_elements ORDER BY shot_id').all();

describe('ChangeRecorder', () => {
  it('records only the columns that changed', () => {
    const rec = new ChangeRecorder(db);
    rec.update('shots', { id: 'a' }, { title: 'A2', prompt: '', position: 0 });
    expect(rec.changes).toEqual([{ table: 'shots', key: { id: 'a' }, before: { title: 'A' }, after: { title: 'A2' } }]);
    rec.update('shots', { id: 'b' }, { title: 'B' });
    expect(rec.changes).toHaveLength(1);
  });

  it('undoes in reverse order and redoes in order, also for the same column twice', () => {
    const start = shots();
    const rec = new ChangeRecorder(db);
    rec.update('shots', { id: 'a' }, { title: 'one' });
    rec.update('shots', { id: 'a' }, { title: 'two' });
    rec.update('shots', { id: 'b' }, { position: 0 });
    rec.update('shots', { id: 'a' }, { position: 1 });
    const end = shots();
    undoChanges(db, rec.changes);
    expect(shots()).toEqual(start);
    redoChanges(db, rec.changes);
    expect(shots()).toEqual(end);
  });

  it('handles inserts and deletes, with composite keys', () => {
    const rec = new ChangeRecorder(db);
    rec.insert('shot_elements', { shot_id: 'a', element_id: 'e', position: 0 });
    rec.insert('shot_elements', { shot_id: 'b', element_id: 'e', position: 0 });
    rec.delete('shot_elements', { shot_id: 'a', element_id: 'e' });
    rec.update('shot_elements', { shot_id: 'b', element_id: 'e' }, { position: 3 });
    expect(links()).toEqual([{ shot_id: 'b', element_id: 'e', position: 3 }]);
    undoChanges(db, rec.changes);
    expect(links()).toEqual([]);
    redoChanges(db, rec.changes);
    expect(links()).toEqual([{ shot_id: 'b', element_id: 'e', position: 3 }]);
    // A stored log round-trips through its schema.
    expect(ChangesSchema.parse(JSON.parse(JSON.stringify(rec.changes)))).toEqual(rec.changes);
  });

  it('refuses columns that are not in the table, before any SQL runs', () => {
    const rec = new ChangeRecorder(db);
    expect(() => rec.update('shots', { id: 'a' }, { "title\" = 'x' --": 'y' })).toThrow(/unknown column/);
    const forged = [{ table: 'shots' as const, key: { id: 'a' }, before: { nope: 1 }, after: { title: 'A' } }];
    expect(() => undoChanges(db, forged)).toThrow(expect.objectContaining({ code: 'PROJECT_DAMAGED' }));
    expect(shots()).toEqual([
      { id: 'a', position: 0, title: 'A', prompt: '' },
      { id: 'b', position: 1, title: 'B', prompt: '' },
    ]);
  });

  it('a stored log may only name document tables', () => {
    const bad = [{ table: 'jobs', key: { id: 'j' }, before: null, after: { id: 'j' } }];
    expect(ChangesSchema.safeParse(bad).success).toBe(false);
    expect(
      ChangesSchema.safeParse([{ table: 'shots', key: { id: 'a' }, before: { x: { nested: 1 } }, after: null }])
        .success,
    ).toBe(false);
  });

  it('fails loudly when a row the log refers to is gone', () => {
    const rec = new ChangeRecorder(db);
    rec.update('shots', { id: 'a' }, { title: 'A2' });
    db.prepare("DELETE FROM shots WHERE id = 'a'").run();
    expect(() => undoChanges(db, rec.changes)).toThrow(/missing/);
  });
});
