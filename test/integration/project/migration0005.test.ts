/**
 * 0005 asset_copy_facts: the clip facts a version-4 project kept inside assets.info move to
 * their own table and leave info, in the migration's transaction; the table goes with its asset.
 */
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
  const db = new Database(join(root, `m5-${++n}.db`));
  db.pragma('foreign_keys = ON');
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const info = { kind: 'video', container: 'mov,mp4', width: 720, height: 480, durationSec: 6.125 };
const facts = {
  version: 1,
  facts: { codec: 'h264', packets: { count: 49, firstPts: 0 }, audio: null, ratio: 0.5, name: '马 "q" %' },
};

function addAsset(db: Database.Database, id: string, assetInfo: object): void {
  db.prepare(
    `INSERT INTO assets (id, path, original_name, bytes, origin, kind, info, created_at)
    VALUES (?, ?, 'clip.mp4', 1, 'imported', 'video', ?, 'now')`,
  ).run(id, `media/${id}.mp4`, JSON.stringify(assetInfo));
}
const infoOf = (db: Database.Database, id: string): unknown =>
  JSON.parse(db.prepare('SELECT info FROM assets WHERE id = ?').pluck().get(id) as string);
const factsOf = (db: Database.Database, id: string): unknown => {
  const text = db.prepare('SELECT facts FROM asset_copy_facts WHERE asset_id = ?').pluck().get(id) as
    string | undefined;
  return text === undefined ? undefined : JSON.parse(text);
};

describe('migration 0005 asset_copy_facts', () => {
  it("moves a version-4 project's info.copyFacts to their own table, leaving the rest of info as it was", () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS.slice(0, 4));
    addAsset(db, 'with', { ...info, copyFacts: facts });
    addAsset(db, 'without', info);
    addAsset(db, 'image', { ...info, kind: 'image' });
    expect(MIGRATIONS[4]?.version).toBe(5);
    expect(migrate(db, MIGRATIONS.slice(0, 5))).toEqual({ from: 4, to: 5 });
    expect(factsOf(db, 'with')).toEqual(facts);
    expect(infoOf(db, 'with')).toEqual(info);
    expect(infoOf(db, 'without')).toEqual(info);
    expect(infoOf(db, 'image')).toEqual({ ...info, kind: 'image' });
    expect(factsOf(db, 'without')).toBeUndefined();
    expect(db.prepare('SELECT count(*) FROM asset_copy_facts').pluck().get()).toBe(1);
    expect(migrate(db, MIGRATIONS.slice(0, 5))).toEqual({ from: 5, to: 5 });
  });

  it('drops a malformed copyFacts from info instead of moving it', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS.slice(0, 4));
    addAsset(db, 'odd', { ...info, copyFacts: 'not an object' });
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(infoOf(db, 'odd')).toEqual(info);
    expect(factsOf(db, 'odd')).toBeUndefined();
  });

  it('keeps facts only of an existing asset, as JSON, and deletes them with it', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS.slice(0, 5));
    addAsset(db, 'a', info);
    const put = db.prepare('INSERT INTO asset_copy_facts (asset_id, facts) VALUES (?, ?)');
    put.run('a', JSON.stringify(facts));
    expect(() => put.run('ghost', JSON.stringify(facts))).toThrow(/FOREIGN KEY/);
    addAsset(db, 'b', info);
    expect(() => put.run('b', '{not json')).toThrow(/CHECK/);
    db.prepare("DELETE FROM assets WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) FROM asset_copy_facts').pluck().get()).toBe(0);
  });
});
