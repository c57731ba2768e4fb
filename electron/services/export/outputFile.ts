/**
 * The export's output file: the target folder checked before anything runs, a temp file beside
 * the target created exclusively, flushed, then renamed over the target (quality.md MEDIA-1/2:
 * the target is only ever replaced by a complete file). Shared by runExport (exportJob.ts) and
 * the delivery exports (deliveryRun.ts).
 */
import { constants } from 'node:fs';
import { access, open, rename, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors.js';
import { diskFullError, isDiskFull } from '../util/diskSpace.js';

export async function checkOutputFolder(outPath: string): Promise<void> {
  const folder = dirname(outPath);
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    throw keyedError(
      'OUTPUT_NOT_WRITABLE',
      'serviceErrors.exportFolderMissing',
      { outPath, folder },
      `Cannot export to ${outPath}: the folder ${folder} does not exist.`,
      { path: folder },
    );
  }
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw keyedError(
      'OUTPUT_NOT_WRITABLE',
      'serviceErrors.exportFolderReadOnly',
      { outPath, folder },
      `Cannot export to ${outPath}: the folder ${folder} is not writable.`,
      { path: folder },
    );
  }
  const existing = await stat(outPath).catch(() => null);
  if (existing?.isDirectory()) {
    throw keyedError(
      'OUTPUT_NOT_WRITABLE',
      'serviceErrors.exportTargetIsFolder',
      { outPath },
      `Cannot export to ${outPath}: a folder has that name.`,
      { path: outPath },
    );
  }
}

/**
 * DISK_FULL for an export that ran out of space: what the temp reached, scaled by the progress
 * made, estimates the whole file (at least the bytes already written will be needed again).
 */
export async function exportDiskFull(tempPath: string, outPath: string, progress: number): Promise<AppError> {
  const written = (await stat(tempPath).catch(() => null))?.size ?? 0;
  const total = progress > 0.01 ? written / progress : null;
  const needed = total !== null ? Math.max(total - written, written * 0.1) : written > 0 ? written : null;
  return diskFullError(dirname(outPath), `the export "${basename(outPath)}"`, needed);
}

/** Creates the temp file exclusively: proves the folder takes new files before ffmpeg starts. */
export async function createTemp(tempPath: string): Promise<void> {
  try {
    const fh = await open(tempPath, 'wx');
    await fh.close();
  } catch (err) {
    if (isDiskFull(err)) throw diskFullError(dirname(tempPath), 'the export', null);
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new AppError('OUTPUT_NOT_WRITABLE', `Cannot write the export beside its target (${tempPath}): ${code}.`, {
      path: tempPath,
      code,
    });
  }
}

/** Flush the data before the rename, or a power cut can leave an empty file under the final name. */
export async function syncFile(file: string): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    if ((await fh.stat()).size === 0) throw new AppError('FFMPEG_FAILED', 'ffmpeg finished but wrote nothing.');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function replaceTarget(tempPath: string, outPath: string): Promise<void> {
  try {
    await rename(tempPath, outPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new AppError('OUTPUT_NOT_WRITABLE', `Cannot replace ${outPath} with the finished export: ${code}.`, {
      path: outPath,
      code,
    });
  }
  // Persist the rename itself (the directory entry). Not possible on Windows: best effort.
  try {
    const dir = await open(dirname(outPath), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // The file is complete either way; only the name's durability across a power cut is at stake.
  }
}
