/**
 * media.collectGarbage: deletes media no record needs. The database decides (project/garbage.ts:
 * the rule keeps everything an undo or redo could bring back, and removes the asset rows first,
 * in one transaction); this module then deletes those files with their thumbnails and
 * filmstrips, and files in the store that no asset row names (left by a crash between a
 * collection's commit and its deletes, or between an import's rename and its record).
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isSha256Hex, MEDIA_DIR, THUMBS_DIR } from '../../../shared/media/store.js';
import type { ProjectStore } from '../project/store.js';
import { assetAbsPath } from './import.js';

export interface GarbageResult {
  removedFiles: number;
  freedBytes: number;
}

export interface GarbageOptions {
  /** Assets (and unrecorded files) younger than this are kept; see project/garbage.ts. */
  graceMs?: number;
}

async function removeFile(file: string): Promise<number> {
  const st = await lstat(file).catch(() => null);
  if (!st?.isFile()) return -1;
  await rm(file, { force: true });
  return st.size;
}

export async function collectGarbage(store: ProjectStore, opts: GarbageOptions = {}): Promise<GarbageResult> {
  const doomed = store.purgeUnreferenced(opts.graceMs !== undefined ? { graceMs: opts.graceMs } : {});
  let removedFiles = 0;
  let freedBytes = 0;
  const count = (size: number): void => {
    if (size < 0) return;
    removedFiles += 1;
    freedBytes += size;
  };
  for (const a of doomed) count(await removeFile(store.absPath(a.path)));
  const known = new Set(store.listAssets().map((a) => a.id));
  const graceMs = opts.graceMs ?? 120_000;
  // Derived files (thumbnails, filmstrips) of assets that are gone.
  const thumbs = assetAbsPath(store.dir, THUMBS_DIR);
  for (const name of await readdir(thumbs).catch(() => [] as string[])) {
    const id = name.slice(0, 64);
    if (isSha256Hex(id) && !known.has(id)) count(await removeFile(join(thumbs, name)));
  }
  // Store files no asset row names: media/<2 hex>/<sha256>.<ext>.
  const media = assetAbsPath(store.dir, MEDIA_DIR);
  for (const sub of await readdir(media).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    for (const name of await readdir(join(media, sub)).catch(() => [] as string[])) {
      const id = name.slice(0, 64);
      if (!isSha256Hex(id) || known.has(id)) continue;
      const file = join(media, sub, name);
      const st = await lstat(file).catch(() => null);
      // An import renames its file into place a moment before it records the asset.
      if (!st?.isFile() || Date.now() - st.mtimeMs < graceMs) continue;
      count(await removeFile(file));
    }
  }
  return { removedFiles, freedBytes };
}
