/**
 * Numbered migrations tracked by `PRAGMA user_version`. Each migration runs in its own
 * transaction together with its user_version bump (both live in the database file), so a
 * migration killed midway leaves the file fully at the old or fully at the new version
 * (DATA-9, https://www.sqlite.org/atomiccommit.html). Before upgrading an existing project a
 * copy is written next to it (`project.db.v<N>.bak`), as editors do on a project-version upgrade.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { keyedError } from '../../../../shared/errors.js';
import type { Db } from '../db.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export interface MigrateResult {
  from: number;
  to: number;
}

/**
 * Test hook for DATA-9: when this variable names a migration version, the process SIGKILLs
 * itself inside that migration's transaction, after its changes and user_version bump and
 * before COMMIT. Read only here and only acted on when set.
 */
export const KILL_HOOK_ENV = 'STORYBOARD_TEST_KILL_IN_MIGRATION';

export function userVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function applicationId(db: Db): number {
  return Number(db.pragma('application_id', { simple: true }));
}

function checkList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order: entry ${i} is version ${m.version}`);
  });
}

/** Applies every migration above the file's user_version, one transaction each. */
export function migrate(db: Db, migrations: readonly Migration[]): MigrateResult {
  checkList(migrations);
  const from = userVersion(db);
  const killAt = process.env[KILL_HOOK_ENV];
  for (const m of migrations) {
    if (m.version <= userVersion(db)) continue;
    db.transaction(() => {
      m.up(db);
      // user_version is in the file header and is written by this same transaction.
      db.pragma(`user_version = ${m.version}`);
      if (killAt !== undefined && Number(killAt) === m.version) process.kill(process.pid, 'SIGKILL');
    }).immediate();
  }
  return { from, to: userVersion(db) };
}

/** Copies the database with VACUUM INTO to a temp name, syncs it, then renames it into place. */
export function writeBackup(db: Db, target: string): void {
  const tmp = `${target}.tmp`;
  rmSync(tmp, { force: true });
  // VACUUM INTO does not fsync its output (https://www.sqlite.org/lang_vacuum.html#vacuuminto).
  db.prepare('VACUUM INTO ?').run(tmp);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
}

/**
 * Checks that a file is a Storyboard project this version can read. Only reads, so it runs
 * before anything is written: an empty or foreign database and one written by a newer
 * Storyboard are refused (PROJECT_DAMAGED) untouched, never guessed at.
 */
export function assertProjectFile(db: Db, file: string, latest: number, appId: number): void {
  const version = userVersion(db);
  if (version === 0 || applicationId(db) !== appId) {
    throw keyedError(
      'PROJECT_DAMAGED',
      'pathErrors.project.foreign',
      { file },
      `"${file}" is not a Storyboard project database (it is empty or was made by another program).`,
    );
  }
  if (version > latest) {
    throw keyedError(
      'PROJECT_DAMAGED',
      'pathErrors.project.newer',
      { file, version, latest },
      `Project file "${file}" was made by a newer version of Storyboard (schema ${version}; this version reads up to ${latest}). Update Storyboard to open it.`,
    );
  }
}

/** Brings a checked project's schema up to date, writing `project.db.v<N>.bak` first. */
export function upgradeProject(db: Db, file: string, migrations: readonly Migration[]): MigrateResult {
  const version = userVersion(db);
  if (version >= migrations.length) return { from: version, to: version };
  writeBackup(db, `${file}.v${version}.bak`);
  return migrate(db, migrations);
}
