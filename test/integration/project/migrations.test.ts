/** Each migration from empty and stepwise, transactional failure, and version refusal. */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from '../../../electron/services/project/migrations/index.js';
import { migrate, type Migration } from '../../../electron/services/project/migrations/runner.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { tempDir } from '../../helpers/tmp.js';
import { inspect, makeV1Project, V1_SHOT } from './v1.js';

const root = tempDir();
let n = 0;
const dbs: Database.Database[] = [];
function emptyDb(): Database.Database {
  const db = new Database(join(root, `m${++n}.db`));
  db.pragma('foreign_keys = ON');
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const TABLES = [
  'assets',
  'audio_items',
  'element_refs',
  'elements',
  'exports',
  'history',
  'jobs',
  'project',
  'project_style_refs',
  'provenance',
  'scenes',
  'settings',
  'shot_elements',
  'shots',
  'takes',
];
const V2_INDEXES = [
  'exports_state',
  'jobs_shot',
  'provenance_subject',
  'shot_elements_element',
  'shots_live_order',
  'takes_shot',
];

function schema(db: Database.Database, type: string): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all(type) as string[];
}

describe('migrations', () => {
  it('lists versions 1..n in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 creates the whole model from an empty file', () => {
    const db = emptyDb();
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(schema(db, 'table')).toEqual(TABLES);
    expect(schema(db, 'index')).toEqual(['jobs_state']);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const fks = db.pragma('foreign_key_list(takes)') as { table: string; on_delete: string }[];
    expect(fks.map((f) => [f.table, f.on_delete]).sort()).toEqual([
      ['assets', 'RESTRICT'],
      ['jobs', 'SET NULL'],
      ['shots', 'CASCADE'],
    ]);
    const jobCols = (db.pragma('table_info(jobs)') as { name: string }[]).map((c) => c.name);
    expect(jobCols).toEqual([
      'id',
      'shot_id',
      'provider',
      'model',
      'state',
      'request',
      'task_id',
      'progress',
      'error',
      'cost_estimate',
      'cost_actual',
      'result_asset_id',
      'take_id',
      'created_at',
      'updated_at',
    ]);
  });

  it('0002 adds its indexes on top of 0001', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect(schema(db, 'index')).toEqual(['jobs_state', ...V2_INDEXES].sort());
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toEqual({ from: 2, to: 2 });
  });

  it('0003 makes takes removable (hidden, not deleted) and keeps existing takes live', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS.slice(0, 2));
    db.exec(`INSERT INTO project (id, name, aspect, width, height, fps_num, fps_den, created_at) VALUES ('p', 'n', '16:9', 2, 2, 24, 1, 'now');
      INSERT INTO shots (id, position, duration_frames) VALUES ('s', 0, 24);
      INSERT INTO assets (id, path, original_name, bytes, origin, kind, info, created_at) VALUES ('a', 'media/a', 'a', 1, 'imported', 'video', '{}', 'now');
      INSERT INTO takes (id, shot_id, asset_id, provider, request, created_at) VALUES ('t', 's', 'a', 'x', '{}', 'now');`);
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toEqual({ from: 2, to: 3 });
    expect(db.prepare("SELECT removed FROM takes WHERE id = 't'").pluck().get()).toBe(0);
    expect(() => db.prepare("UPDATE takes SET removed = 2 WHERE id = 't'").run()).toThrow(/CHECK/);
    expect(schema(db, 'index')).toContain('takes_asset');
  });

  it('tables are strict and check their invariants', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    db.prepare(
      "INSERT INTO project (id, name, aspect, width, height, fps_num, fps_den, created_at) VALUES ('p', 'n', '16:9', 2, 2, 24, 1, 'now')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO project (id, name, aspect, width, height, fps_num, fps_den, created_at) VALUES ('q', 'n', '16:9', 2, 2, 24, 1, 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO shots (id, position, duration_frames) VALUES ('s', 0, 'long')").run()).toThrow(
      /cannot store TEXT/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO shots (id, position, duration_frames, trim_in_frames, trim_out_frames) VALUES ('s', 0, 5, 4, 4)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO takes (id, shot_id, asset_id, provider, request, created_at) VALUES ('t', 'nope', 'a', 'x', '{}', 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('a migration that fails midway leaves no trace and the old version', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER); ALTER TABLE shots ADD COLUMN extra TEXT;');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('disk on fire');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(schema(db, 'table')).not.toContain('half_done');
    expect((db.pragma('table_info(shots)') as { name: string }[]).map((c) => c.name)).not.toContain('extra');
  });

  it('refuses a migration list with a gap', () => {
    const db = emptyDb();
    expect(() => migrate(db, [MIGRATIONS[1]!])).toThrow(/out of order/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });
});

describe('opening older and newer projects', () => {
  it('upgrades a version-1 project with its data, keeping a backup', () => {
    const dir = join(root, 'old project 镜头');
    const file = makeV1Project(dir);
    const s = ProjectStore.open(dir);
    try {
      const snap = s.snapshot();
      expect(snap.project).toMatchObject({ id: 'p1', name: 'Old project', width: 1280, height: 720 });
      expect(snap.shots).toMatchObject([
        { ...V1_SHOT, durationFrames: 48, camera: 'static', transitionIn: { kind: 'cut', frames: 0 } },
      ]);
      s.shots.update(V1_SHOT.id, { title: 'edited after upgrade' });
      expect(s.undo()).toBe(true);
    } finally {
      s.close();
    }
    expect(inspect(file)).toMatchObject({ version: LATEST_VERSION, shots: 1, integrity: 'ok' });
    expect(inspect(file).indexes).toEqual(expect.arrayContaining(V2_INDEXES));
    expect(inspect(`${file}.v1.bak`)).toMatchObject({ version: 1, shots: 1, integrity: 'ok' });
  });

  it('makes no backup when nothing needs upgrading', () => {
    const dir = join(root, 'current');
    ProjectStore.create(dir, { name: 'x', aspect: '1:1', resolution: '720p', fps: { num: 25, den: 1 } }).close();
    ProjectStore.open(dir).close();
    expect(existsSync(join(dir, 'project.db.v1.bak'))).toBe(false);
  });

  it('refuses a project made by a newer version and leaves it untouched', () => {
    const dir = join(root, 'from the future');
    ProjectStore.create(dir, { name: 'x', aspect: '1:1', resolution: '720p', fps: { num: 25, den: 1 } }).close();
    const file = join(dir, 'project.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    let err: unknown;
    try {
      ProjectStore.open(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PROJECT_DAMAGED');
    expect((err as AppError).message).toContain('newer version of Storyboard');
    expect((err as AppError).message).toContain(file);
    expect(inspect(file).version).toBe(99);
    // The refusal released the project: once fixed it opens in this process.
    const fix = new Database(file);
    fix.pragma(`user_version = ${LATEST_VERSION}`);
    fix.close();
    ProjectStore.open(dir).close();
  });
});
