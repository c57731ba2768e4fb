/** 0004: shots.extends_take_id ("extend this take"): added to an existing project, kept by edits, undone. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/services/project/migrations/index.js';
import { migrate } from '../../../electron/services/project/migrations/runner.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
let n = 0;
const dbs: Database.Database[] = [];
function emptyDb(): Database.Database {
  const db = new Database(join(root, `m4-${++n}.db`));
  db.pragma('foreign_keys = ON');
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('migration 0004 shot_extends', () => {
  it('adds a nullable extends_take_id to the shots of a version-3 project, which stay as they were', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS.slice(0, 3));
    db.exec(`INSERT INTO project (id, name, aspect, width, height, fps_num, fps_den, created_at) VALUES ('p', 'n', '16:9', 2, 2, 24, 1, 'now');
      INSERT INTO shots (id, position, duration_frames, prompt) VALUES ('s', 0, 24, 'a horse');`);
    expect(MIGRATIONS[3]?.version).toBe(4);
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toEqual({ from: 3, to: 4 });
    const cols = db.prepare('PRAGMA table_info(shots)').all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
    }[];
    expect(cols.find((c) => c.name === 'extends_take_id')).toMatchObject({
      type: 'TEXT',
      notnull: 0,
      dflt_value: 'NULL',
    });
    expect(db.prepare("SELECT prompt, extends_take_id FROM shots WHERE id = 's'").get()).toEqual({
      prompt: 'a horse',
      extends_take_id: null,
    });
    // Text only (strict table): an id, never a number.
    expect(() => db.prepare("UPDATE shots SET extends_take_id = 4 WHERE id = 's'").run()).not.toThrow();
    expect(db.prepare("SELECT typeof(extends_take_id) FROM shots WHERE id = 's'").pluck().get()).toBe('text');
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toEqual({ from: 4, to: 4 });
  });
});
