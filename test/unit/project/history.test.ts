/** The undo log table: recording, the redo branch, the size limit and the revision counter. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeRecorder } from '../../../electron/services/project/changes.js';
import {
  HISTORY_LIMIT,
  historyState,
  recordEdit,
  redoNext,
  undoLast,
} from '../../../electron/services/project/history.js';
import { MIGRATIONS } from '../../../electron/services/project/migrations/index.js';
import { migrate } from '../../../electron/services/project/migrations/runner.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  db.exec(`INSERT INTO project (id, name, aspect, width, height, fps_num, fps_den, created_at) VALUES ('p', 'n', '16:9', 2, 2, 24, 1, 'now');
    INSERT INTO shots (id, position, title, duration_frames) VALUES ('a', 0, 't0', 24);`);
});
afterEach(() => db.close());

function setTitle(title: string): void {
  const rec = new ChangeRecorder(db);
  rec.update('shots', { id: 'a' }, { title });
  recordEdit(db, `title ${title}`, rec.changes, 'now');
}
const title = () => db.prepare("SELECT title FROM shots WHERE id = 'a'").pluck().get();

describe('history', () => {
  it('undoes and redoes edits in order and counts revisions', () => {
    setTitle('t1');
    setTitle('t2');
    expect(historyState(db)).toEqual({ canUndo: true, canRedo: false, revision: 2, undoLabel: 'title t2' });
    expect(undoLast(db)?.label).toBe('title t2');
    expect(title()).toBe('t1');
    expect(undoLast(db)?.label).toBe('title t1');
    expect(undoLast(db)).toBeNull();
    expect(title()).toBe('t0');
    expect(redoNext(db)?.label).toBe('title t1');
    expect(title()).toBe('t1');
    // The labels name what undo and redo would do next (the UI shows "Undo <label>").
    expect(historyState(db)).toEqual({
      canUndo: true,
      canRedo: true,
      revision: 5,
      undoLabel: 'title t1',
      redoLabel: 'title t2',
    });
  });

  it('a new edit drops the redo branch', () => {
    setTitle('t1');
    setTitle('t2');
    undoLast(db);
    undoLast(db);
    setTitle('x');
    expect(redoNext(db)).toBeNull();
    expect(db.prepare('SELECT label FROM history ORDER BY id').pluck().all()).toEqual(['title x']);
  });

  it(`keeps the latest ${HISTORY_LIMIT} entries`, () => {
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) setTitle(`t${i}`);
    expect(db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(HISTORY_LIMIT);
    let undone = 0;
    while (undoLast(db)) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    expect(title()).toBe('t5');
  });
});
