/**
 * Importing into the content-addressed media store (design.md §4). Order matters:
 * 1. probe the source: a bad file is rejected before anything is written;
 * 2. copy it to media/.tmp-<random> while hashing (sha256), fsync;
 * 3. rename to media/<2 hex>/<sha256>.<ext> (atomic), or drop the temp when that file is
 *    already there (dedupe); fsync the folder so the rename survives a power cut;
 * 4. only then record the asset. A failure at any step removes the temp: nothing half-written
 *    is ever referenced (quality.md DATA-3, JOB-7), and sweepMediaTemps cleans up after a crash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, lstat, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { keyedError, type AppError } from '../../../shared/errors.js';
import type { Asset, MediaInfo } from '../../../shared/model/entities.js';
import { MEDIA_DIR, mediaRelPath, storeExtension, TEMP_PREFIX, THUMBS_DIR } from '../../../shared/media/store.js';
import type { StoredClipFacts } from '../../../shared/export/storedFacts.js';
import { probeMedia, type ProbeOptions } from './probe.js';
import { checkPictureSize } from '../../../shared/media/pictureLimit.js';
import { resolveStoredPath } from '../project/paths.js';

/** The part of the project store that importing needs (ProjectStore satisfies it). */
export interface AssetStore {
  /** The project folder. */
  dir: string;
  /** `copyFacts`: a video's clip facts, stored apart from the asset (never in a snapshot). */
  upsertAsset(asset: Asset, copyFacts?: StoredClipFacts | null): void;
  findAsset(id: string): Asset | undefined;
}

export type AssetOrigin = Asset['origin'];

/**
 * A store-relative path (forward slashes) as an absolute path on this system, through the one
 * stored-path resolver (project/paths.ts): `..`, absolute paths and links are refused.
 */
export function assetAbsPath(projectDir: string, relPath: string): string {
  return resolveStoredPath(projectDir, relPath);
}

async function writeAll(fh: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** Copies src to dest (which must not exist) and returns the sha256 and size of what was copied. */
async function copyHashing(src: string, dest: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const out = await open(dest, 'wx');
  try {
    for await (const chunk of createReadStream(src, { highWaterMark: 1024 * 1024 })) {
      const buf = chunk as Buffer;
      hash.update(buf);
      await writeAll(out, buf);
      bytes += buf.length;
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Makes a rename durable (POSIX); Windows can't open folders and needs no such step. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: FileHandle | null = null;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // best effort: not supported on this platform/file system
  } finally {
    await fh?.close().catch(() => {});
  }
}

const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

function writeError(err: unknown, name: string, src: string): AppError | unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return keyedError(
      'OUTPUT_NOT_WRITABLE',
      'svc.media.importNoSpace',
      { name },
      `Not enough disk space to import "${name}" into the project. Nothing was changed; free some space and try again.`,
      { file: src },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return keyedError(
      'OUTPUT_NOT_WRITABLE',
      'svc.media.importReadOnly',
      { name, code },
      `The project's media folder can't be written (${code}), so "${name}" was not imported.`,
      { file: src },
    );
  }
  if (code === 'ENOENT') {
    return keyedError(
      'MEDIA_MISSING',
      'svc.media.vanished',
      { name },
      `"${name}" disappeared while it was being imported.`,
      {
        file: src,
      },
    );
  }
  return err;
}

/**
 * Imports a file into the project's media store and records it. Returns the new asset, or the
 * existing one when the same bytes are already in the store (dedupe by sha256). Rejects with the
 * codes of probeFile, or OUTPUT_NOT_WRITABLE (disk full, read-only project).
 */
export interface ImportOptions extends ProbeOptions {
  /**
   * Refuses a file by what the probe found (throw an AppError), before anything is copied:
   * a first frame must be an image, an audio item needs sound. Runs on the one probe import
   * makes anyway, so callers never probe twice.
   */
  accept?: (info: MediaInfo, fileName: string) => void;
}

export async function importFile(
  store: AssetStore,
  srcPath: string,
  origin: AssetOrigin,
  opts: ImportOptions = {},
): Promise<Asset> {
  const src = resolve(srcPath);
  const name = basename(src);
  const { info, copyFacts } = await probeMedia(src, opts);
  // From the header only: a decompression bomb is refused before anything decodes it.
  checkPictureSize(info, name);
  opts.accept?.(info, name);
  let tmp = '';
  try {
    const mediaDir = assetAbsPath(store.dir, MEDIA_DIR);
    tmp = join(mediaDir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    await mkdir(mediaDir, { recursive: true });
    const { sha256, bytes } = await copyHashing(src, tmp);
    const existing = store.findAsset(sha256);
    const rel = existing?.path ?? mediaRelPath(sha256, storeExtension(name, info));
    const dest = assetAbsPath(store.dir, rel);
    if (await exists(dest)) {
      await rm(tmp, { force: true });
    } else {
      // Also restores the file of a known asset whose file was deleted from the store.
      await mkdir(dirname(dest), { recursive: true });
      await rename(tmp, dest);
      await fsyncDir(dirname(dest));
    }
    if (existing) return existing;
    const asset: Asset = {
      id: sha256,
      path: rel,
      originalName: name,
      bytes,
      origin,
      info,
      createdAt: new Date().toISOString(),
    };
    store.upsertAsset(asset, copyFacts);
    return asset;
  } catch (err) {
    if (tmp) await rm(tmp, { force: true }).catch(() => {});
    throw writeError(err, name, src);
  }
}

export interface SweepOptions {
  /** Keep temps modified more recently than this (default 0: the project was just opened, and
   * the project lock means nobody else is writing into it). */
  olderThanMs?: number;
}

/**
 * Removes leftovers of interrupted writes (media/.tmp-*, media/thumbs/.tmp-*). Call when a
 * project is opened. Returns the removed paths, relative to the project.
 */
export async function sweepMediaTemps(projectDir: string, opts: SweepOptions = {}): Promise<string[]> {
  const olderThanMs = opts.olderThanMs ?? 0;
  const removed: string[] = [];
  for (const rel of [MEDIA_DIR, THUMBS_DIR]) {
    let dir: string;
    try {
      dir = assetAbsPath(projectDir, rel);
    } catch {
      continue; // a linked media folder is never swept (nothing outside is deleted)
    }
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const entry of names) {
      if (!entry.startsWith(TEMP_PREFIX)) continue;
      const file = join(dir, entry);
      const st = await lstat(file).catch(() => null);
      if (!st || Date.now() - st.mtimeMs < olderThanMs) continue;
      await rm(file, { recursive: true, force: true });
      removed.push(`${rel}/${entry}`);
    }
  }
  return removed;
}
