/**
 * Making a new project file without ever leaving a half-made one: the database is built
 * under a temp name in the target folder (rollback journal, so no -wal file is tied to the
 * temp name), synced, then published as project.db with link(2), which fails instead of
 * overwriting when another create won the race. Leftover temp files of dead processes are
 * swept on the next create.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ProjectSchema, type Project } from '../../../shared/model/entities.js';
import { AspectSchema, outputSize, ResolutionSchema } from '../../../shared/model/format.js';
import { FpsSchema } from '../../../shared/model/time.js';
import { newProject } from '../../../shared/model/factories.js';
import { AppError, keyedError } from '../../../shared/errors.js';
import { DB_FILE, mapOpenError, type Db, type ProjectDbOptions } from './db.js';
import { migrate, type Migration } from './migrations/runner.js';
import { isProcessAlive } from '../util/process.js';
import { isNotWritable } from '../util/notWritable.js';
import { projectToRow } from './projectRows.js';
import { insertSql } from './rows.js';

export const CreateInitSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    aspect: AspectSchema,
    resolution: ResolutionSchema,
    fps: FpsSchema,
  })
  .strict();
export type CreateInit = z.input<typeof CreateInitSchema>;

const TEMP_PREFIX = `.${DB_FILE}.creating-`;

/** Removes temp files left by a create whose process died (their name carries its pid). */
function sweepStaleTemps(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(TEMP_PREFIX.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || isProcessAlive(pid))) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function fsyncPath(path: string, flags: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, flags);
    fsyncSync(fd);
  } catch (err) {
    // Directories cannot be opened for sync on every platform; the file sync is what matters.
    if (flags !== 'r') throw err;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** link() refuses to replace an existing file; file systems without hard links fall back to rename. */
function publish(tmp: string, file: string, dir: string): void {
  const exists = (): AppError =>
    keyedError(
      'PROJECT_EXISTS',
      'serviceErrors.projectExists',
      { dir },
      `A Storyboard project already exists in "${dir}".`,
    );
  try {
    linkSync(tmp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
    if (existsSync(file)) throw exists();
    renameSync(tmp, file);
  }
}

function buildDatabase(db: Db, project: Project, migrations: readonly Migration[]): void {
  db.pragma('trusted_schema = OFF');
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  const row = projectToRow(project);
  db.prepare(insertSql('project', row)).run(...Object.values(row));
}

function writeFailure(err: unknown, dir: string, file: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  // Before mapOpenError: SQLite's CANTOPEN on the temp file means this folder, not a project file.
  if (isNotWritable(err)) {
    return keyedError(
      'OUTPUT_NOT_WRITABLE',
      'serviceErrors.createFolderReadOnly',
      { dir },
      `Cannot create a project in "${dir}": the folder is not writable.`,
    );
  }
  if (code === 'ENOSPC')
    return new AppError('OUTPUT_NOT_WRITABLE', `Cannot create a project in "${dir}": the disk is full.`, { dir });
  if (code === 'ENOTDIR' || code === 'EEXIST')
    return new AppError('INVALID_INPUT', `"${dir}" is not a folder.`, { dir });
  return mapOpenError(err, dir, file);
}

/** Writes `<dir>/project.db` for a new project; `dir` must be absolute. */
export function createProjectFile(
  dir: string,
  init: CreateInit,
  opts: ProjectDbOptions,
  migrations: readonly Migration[],
): Project {
  const parsed = CreateInitSchema.safeParse(init);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'INVALID_INPUT',
      `The new project's settings are not valid (${issue?.path.join('.')}: ${issue?.message}).`,
    );
  }
  const { name, aspect, resolution, fps } = parsed.data;
  const file = join(dir, DB_FILE);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw writeFailure(err, dir, file);
  }
  if (existsSync(file))
    throw keyedError(
      'PROJECT_EXISTS',
      'serviceErrors.projectExists',
      { dir },
      `A Storyboard project already exists in "${dir}".`,
    );
  sweepStaleTemps(dir);
  const project = ProjectSchema.parse(
    newProject({
      id: randomUUID(),
      name,
      aspect,
      ...outputSize(aspect, resolution),
      fps,
      createdAt: new Date().toISOString(),
    }),
  );
  const tmp = join(dir, `${TEMP_PREFIX}${process.pid}-${randomUUID()}`);
  try {
    const db = new Database(tmp, { timeout: 0, nativeBinding: opts.nativeBinding });
    try {
      buildDatabase(db, project, migrations);
    } finally {
      db.close();
    }
    fsyncPath(tmp, 'r+');
    mkdirSync(join(dir, 'media'), { recursive: true });
    // A -wal/-shm/-journal left without its database would be applied to the new file and
    // corrupt it (https://www.sqlite.org/howtocorrupt.html#_mispairing_database_files).
    if (!existsSync(file)) for (const side of ['-wal', '-shm', '-journal']) rmSync(`${file}${side}`, { force: true });
    publish(tmp, file, dir);
    fsyncPath(dir, 'r');
  } catch (err) {
    throw writeFailure(err, dir, file);
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
  }
  return project;
}
