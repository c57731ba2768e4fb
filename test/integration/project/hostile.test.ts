/**
 * A hostile project (issue 10, defects 1-3 and 10): every fixture is built here from a real
 * project with one real clip, then altered with a plain SQLite connection the way an attacker
 * would. The app must refuse what is foreign before it runs, never read outside the folder,
 * and offer a repaired copy that keeps the user's rows.
 */
import Database from 'better-sqlite3';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { makeThumbnail } from '../../../electron/services/media/frames.js';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { call, closeServices, services, servicesWithProject } from '../../helpers/services.js';
import { rejectionOf } from '../../helpers/errors.js';
import { ensureBuilt, storyboard } from '../../helpers/cli.js';
import { cfrClip } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir('sb hostile 项目-');
const CLIP = cfrClip();
let n = 0;

/** A closed project with one shot whose take is a real clip. */
async function project(): Promise<{ dir: string; assetId: string; assetPath: string }> {
  const name = `p${++n}`;
  const s = await servicesWithProject(root, name);
  const { snapshot } = await call(s, 'shots.add', { videoPath: CLIP });
  await closeServices(s);
  const asset = snapshot.assets[0]!;
  return { dir: join(root, name), assetId: asset.id, assetPath: asset.path };
}

function tamper(dir: string, sql: string): void {
  const db = new Database(join(dir, 'project.db'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

function count(dir: string, table: string): number {
  const db = new Database(join(dir, 'project.db'), { readonly: true });
  try {
    return Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  } finally {
    db.close();
  }
}

beforeAll(() => ensureBuilt());

describe('defect 1: stored paths never lead outside the project', () => {
  const outside = join(root, 'outside');
  beforeAll(() => {
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'private.mp4'), readFileSync(CLIP));
  });

  it('refuses an asset path with ".." in export, thumbnails and info --json', async () => {
    const { dir, assetId } = await project();
    tamper(dir, `UPDATE assets SET path = '../outside/private.mp4' WHERE id = '${assetId}'`);
    const store = ProjectStore.open(dir);
    try {
      const asset = store.getAsset(assetId);
      const out = join(root, `leak-${n}.mp4`);
      const err = await rejectionOf(runExport(store, { outPath: out, quality: 'draft' }));
      expect(err.code).toBe('FORBIDDEN');
      expect(existsSync(out)).toBe(false);
      expect((await rejectionOf(makeThumbnail(dir, asset))).code).toBe('FORBIDDEN');
    } finally {
      store.close();
    }
    const info = storyboard(['info', dir, '--json']);
    expect(info.status).toBe(0);
    expect(info.stdout).not.toContain(outside);
    const shot = (
      JSON.parse(info.stdout) as {
        shots: { selectedTake: { mediaPath: string | null; mediaProblem: string | null } | null }[];
      }
    ).shots[0];
    expect(shot?.selectedTake?.mediaPath).toBeNull();
    expect(shot?.selectedTake?.mediaProblem).toMatch(/climbs out/);
  });

  it('refuses a symlink and a hard link inside the project that point outside', async () => {
    const { dir, assetId, assetPath } = await project();
    const file = join(dir, ...assetPath.split('/'));
    renameSync(file, `${file}.gone`);
    symlinkSync(join(outside, 'private.mp4'), file);
    let store = ProjectStore.open(dir);
    try {
      expect((await rejectionOf(makeThumbnail(dir, store.getAsset(assetId)))).code).toBe('FORBIDDEN');
      expect(
        (await rejectionOf(runExport(store, { outPath: join(root, `sym-${n}.mp4`), quality: 'draft' }))).code,
      ).toBe('FORBIDDEN');
    } finally {
      store.close();
    }
    renameSync(file, `${file}.link`);
    linkSync(join(outside, 'private.mp4'), file);
    store = ProjectStore.open(dir);
    try {
      const err = await rejectionOf(runExport(store, { outPath: join(root, `hard-${n}.mp4`), quality: 'draft' }));
      expect(err.code).toBe('FORBIDDEN');
      expect(err.message).toMatch(/hard link/);
    } finally {
      store.close();
    }
  });
});

describe('defects 2 and 3: the project file is data, never code', () => {
  it('refuses a view that would hang every read, before running it (open, CLI info)', async () => {
    const { dir } = await project();
    tamper(
      dir,
      `ALTER TABLE shots RENAME TO shots_real;
      CREATE VIEW shots AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT s.* FROM shots_real s, c;`,
    );
    const err = (() => {
      try {
        ProjectStore.open(dir).close();
      } catch (e) {
        return e as { code?: string; message: string };
      }
      throw new Error('opened');
    })();
    expect(err.code).toBe('PROJECT_FOREIGN');
    expect(err.message).toContain('view "shots"');
    // The CLI answers at once with one line naming the object and the way out (no hang).
    const info = storyboard(['info', dir, '--json'], { timeoutMs: 30_000 });
    expect(info.error).toBeUndefined();
    expect(info.status).toBe(1);
    expect(info.stderr.trim().split('\n')).toHaveLength(1);
    expect(info.stderr).toContain('view "shots"');
    expect(info.stderr).toContain('storyboard repair');
  });

  it('refuses a foreign trigger; the repaired copy keeps every row and the trigger is gone', async () => {
    const { dir } = await project();
    tamper(dir, 'CREATE TRIGGER t AFTER INSERT ON shots BEGIN DELETE FROM takes; END;');
    const takesBefore = count(dir, 'takes');
    expect(takesBefore).toBe(1);
    const s = services();
    const refused = await call(s, 'project.open', { dir }).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    expect(refused?.code).toBe('PROJECT_FOREIGN');
    expect(refused?.message).toContain('trigger "t"');
    const copy = await call(s, 'project.openRepaired', { dir });
    expect(copy.dir).toBe(`${dir} (repaired)`);
    expect(copy.shots).toHaveLength(1);
    expect(copy.takes).toHaveLength(1);
    // The attack's payload: adding a shot in the copy deletes no take.
    const { snapshot } = await call(s, 'shots.add', { prompt: 'after repair' });
    expect(snapshot.takes).toHaveLength(1);
    // The original was not modified; the copy's media came along.
    expect(count(dir, 'takes')).toBe(1);
    expect(existsSync(join(copy.dir, ...copy.assets[0]!.path.split('/')))).toBe(true);
  });

  it('repairs a changed table (extra CHECK) and drops a foreign table, keeping the rows', async () => {
    const { dir } = await project();
    tamper(
      dir,
      `CREATE TABLE evil (x); CREATE INDEX evil_x ON evil(x);
      ALTER TABLE settings RENAME TO settings_old;
      CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL, extra TEXT CHECK (length(extra) < 5)) STRICT;
      INSERT INTO settings (key, value) SELECT key, value FROM settings_old; DROP TABLE settings_old;
      INSERT INTO settings (key, value) VALUES ('kept', 'yes');`,
    );
    const s = services();
    const copy = await call(s, 'project.openRepaired', { dir, copyDir: join(root, `repaired-${n}`) });
    expect(copy.shots).toHaveLength(1);
    await closeServices(s);
    const db = new Database(join(root, `repaired-${n}`, 'project.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").pluck().get()).toBe('yes');
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('evil', 'evil_x')").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
