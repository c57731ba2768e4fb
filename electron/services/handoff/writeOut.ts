/**
 * Writing a hand-off result: to a temp name beside the target, renamed when complete, so a
 * failure or a crash never leaves a half-written file (or draft folder) at the target.
 */
import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { keyedError } from '../../../shared/errors.js';

/** The target's folder must exist and be writable; a file target must not be a folder. */
export async function checkTarget(outPath: string, kind: 'file' | 'folder'): Promise<void> {
  const folder = dirname(outPath);
  const ok = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  // The same sentences as the MP4 export's (serviceErrors.export*), translated in the renderer.
  if (!ok)
    throw keyedError(
      'OUTPUT_NOT_WRITABLE',
      'serviceErrors.exportFolderMissing',
      { outPath, folder },
      `Cannot write ${outPath}: the folder ${folder} does not exist.`,
      { path: folder },
    );
  await access(folder, constants.W_OK).catch(() => {
    throw keyedError(
      'OUTPUT_NOT_WRITABLE',
      'serviceErrors.exportFolderReadOnly',
      { outPath, folder },
      `Cannot write ${outPath}: the folder ${folder} is not writable.`,
      { path: folder },
    );
  });
  const existing = await stat(outPath).catch(() => null);
  if (kind === 'file' && existing?.isDirectory()) {
    throw keyedError(
      'OUTPUT_NOT_WRITABLE',
      'serviceErrors.exportTargetIsFolder',
      { outPath },
      `Cannot write ${outPath}: a folder has that name.`,
      { path: outPath },
    );
  }
  if (kind === 'folder' && existing && !existing.isDirectory()) {
    throw keyedError(
      'OUTPUT_NOT_WRITABLE',
      'pathErrors.handoff.draftIsFile',
      { outPath },
      `Cannot write the draft folder ${outPath}: a file has that name.`,
      { path: outPath },
    );
  }
}

export function tempBeside(outPath: string): string {
  return join(dirname(outPath), `.${basename(outPath)}.${randomBytes(4).toString('hex')}.partial`);
}

/** Runs `make(tmp)`, then renames tmp onto `outPath` (a folder target replaces the old folder). */
export async function writeAtomic(
  outPath: string,
  kind: 'file' | 'folder',
  make: (tmp: string) => Promise<void>,
): Promise<void> {
  await checkTarget(outPath, kind);
  const tmp = tempBeside(outPath);
  try {
    if (kind === 'folder') await mkdir(tmp);
    await make(tmp);
    if (kind === 'folder') await rm(outPath, { recursive: true, force: true });
    await rename(tmp, outPath);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

export async function writeTextAtomic(outPath: string, text: string): Promise<void> {
  await writeAtomic(outPath, 'file', (tmp) => writeFile(tmp, text, 'utf8'));
}
