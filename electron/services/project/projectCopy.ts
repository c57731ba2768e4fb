/**
 * Copies of a project folder: "Save a copy" / `storyboard backup` (DATA-6) while the project
 * stays open, and the repaired copy of a project holding foreign schema objects (repair.ts).
 *
 * The database goes through SQLite's online backup API (https://www.sqlite.org/backup.html,
 * better-sqlite3 `db.backup()`): a consistent copy of every page even while the source is open
 * in WAL and exclusive mode, never a byte copy of a file that may be mid-transaction. Media
 * files are copied through the one stored-path resolver (a hostile path is skipped and shows
 * as missing in the copy, never read from outside). Order: the database under a temp
 * name, verified with integrity_check, then the media it lists, then the rename into place: a copy interrupted at any point
 * is not a project, and a failed copy removes the folder it created (nothing half-written).
 */
import Database from 'better-sqlite3';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors.js';
import { diskFullError, isDiskFull } from '../util/diskSpace.js';
import { isNotWritable } from '../util/notWritable.js';
import { DB_FILE, integrityProblems } from './db.js';
import { resolveStoredPath } from './paths.js';

/** A fresh or empty folder to copy into; PROJECT_EXISTS for anything else. Returns whether we made it. */
export async function prepareCopyFolder(dest: string): Promise<boolean> {
  const st = await stat(dest).catch(() => null);
  if (st === null) {
    await mkdir(dest, { recursive: true });
    return true;
  }
  if (!st.isDirectory() || (await readdir(dest)).length > 0) {
    throw new AppError(
      'PROJECT_EXISTS',
      `"${dest}" already exists and is not an empty folder; choose a new folder for the copy.`,
      { dir: dest },
    );
  }
  return false;
}

export interface MediaCopyResult {
  copied: number;
  bytes: number;
  /** Stored paths that were not copied: refused by the resolver, or missing at the source. */
  skipped: string[];
}

/** Copies each stored media path from `srcDir` to the same place in `destDir` (copy-on-write where the file system can). */
export async function copyStoredMedia(
  srcDir: string,
  destDir: string,
  relPaths: readonly string[],
  opts: { link?: boolean } = {},
): Promise<MediaCopyResult> {
  const result: MediaCopyResult = { copied: 0, bytes: 0, skipped: [] };
  for (const rel of new Set(relPaths)) {
    let from: string;
    try {
      from = resolveStoredPath(srcDir, rel);
    } catch {
      result.skipped.push(rel);
      continue;
    }
    const st = await stat(from).catch(() => null);
    if (!st?.isFile()) {
      result.skipped.push(rel);
      continue;
    }
    const to = resolveStoredPath(destDir, rel);
    await mkdir(dirname(to), { recursive: true });
    // A hard link shares the file (media are content-addressed and never rewritten in place);
    // another volume (EXDEV) or a file system without links falls back to a copy.
    const linked = opts.link
      ? await link(from, to).then(
          () => true,
          () => false,
        )
      : false;
    if (!linked) await copyFile(from, to, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
    result.copied++;
    result.bytes += st.size;
  }
  return result;
}

function assetPathsOf(file: string, nativeBinding?: string): string[] {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return db.prepare('SELECT path FROM assets').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** Throws PROJECT_DAMAGED unless the database file at `file` passes integrity_check. */
export function verifyCopy(file: string, nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const problems = integrityProblems(db, 'integrity_check');
    if (problems.length > 0)
      throw new AppError(
        'PROJECT_DAMAGED',
        `The copy "${file}" failed its integrity check (${problems.slice(0, 3).join('; ')}).`,
        { file },
      );
  } finally {
    db.close();
  }
}

export interface CopyProjectInput {
  /** Source project folder. */
  srcDir: string;
  destDir: string;
  /** Writes a consistent copy of the database to the given path (the backup API). */
  backupDb(toFile: string): Promise<void>;
  /** Fixes the copied database before it is verified (repair.ts); runs on the temp file. */
  fixDb?(file: string): void;
  nativeBinding?: string;
  /** Media as hard links to the source's files (copied where a link cannot be made). */
  linkMedia?: boolean;
}

export interface CopyProjectResult extends MediaCopyResult {
  dir: string;
}

/** The copy (see the header): media, then the database under a temp name, verified, renamed. */
export async function copyProject(input: CopyProjectInput): Promise<CopyProjectResult> {
  const dest = resolve(input.destDir);
  if (resolve(input.srcDir) === dest)
    throw new AppError('INVALID_INPUT', 'The copy must go to another folder than the project itself.');
  const created = await prepareCopyFolder(dest).catch((err: unknown) => {
    throw isNotWritable(err) ? copyNotWritable(dest) : err;
  });
  const tmp = join(dest, `.${DB_FILE}.copy-tmp`);
  try {
    await input.backupDb(tmp);
    input.fixDb?.(tmp);
    verifyCopy(tmp, input.nativeBinding);
    // The asset list of the copy itself (its schema is ours by now), so media and rows agree.
    const media = await copyStoredMedia(input.srcDir, dest, assetPathsOf(tmp, input.nativeBinding), {
      link: input.linkMedia === true,
    });
    await rename(tmp, join(dest, DB_FILE));
    return { dir: dest, ...media };
  } catch (err) {
    // Nothing half-written: the folder we made goes; in a folder the user gave us empty, only what we wrote.
    if (created) await rm(dest, { recursive: true, force: true }).catch(() => {});
    else await emptyFolder(dest);
    if (isDiskFull(err)) throw diskFullError(dest, `the copy of the project`, await projectBytes(input.srcDir));
    throw isNotWritable(err) ? copyNotWritable(dest) : err;
  }
}

function copyNotWritable(dir: string): AppError {
  return keyedError(
    'OUTPUT_NOT_WRITABLE',
    'serviceErrors.copyFolderReadOnly',
    { dir },
    `Cannot save a copy of the project in "${dir}": the folder is not writable.`,
  );
}

async function emptyFolder(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[]))
    await rm(join(dir, name), { recursive: true, force: true }).catch(() => {});
}

/** The size of project.db plus media, for "space needed" (an estimate, links not followed). */
async function projectBytes(dir: string): Promise<number | null> {
  const walk = async (d: string): Promise<number> => {
    let total = 0;
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) total += await walk(join(d, e.name));
      else if (e.isFile()) total += (await stat(join(d, e.name)).catch(() => null))?.size ?? 0;
    }
    return total;
  };
  const db = (await stat(join(dir, DB_FILE)).catch(() => null))?.size ?? 0;
  return db + (await walk(join(dir, 'media')));
}
