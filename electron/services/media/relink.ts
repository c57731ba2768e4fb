/**
 * Relink (quality.md MEDIA-4): an asset whose file is gone (listed by missingMedia.ts) can be
 * pointed at a file again, one by one or by searching a folder.
 *
 * The asset id IS the sha256 of its bytes (content-addressed store), so a chosen file whose
 * hash equals the id is the same file: it is copied back into the store, verified. A file with
 * other bytes (re-encoded, re-downloaded) is relinked only when the user confirms after seeing
 * how it differs (kind must match; duration and size are shown): the asset keeps its id and
 * original name, gets the new file and facts, and the stale caches (thumbnails, filmstrips,
 * waveforms, clip facts) are dropped. Every relink writes a provenance row.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { keyedError, type AppError } from '../../../shared/errors.js';
import type { Asset, MediaInfo, ProjectSnapshot } from '../../../shared/model/entities.js';
import { MEDIA_DIR, mediaRelPath, storeExtension, TEMP_PREFIX, THUMBS_DIR } from '../../../shared/media/store.js';
import { resolveStoredPath } from '../project/paths.js';
import { fsyncDir } from './import.js';
import { listMissingMedia } from './missingMedia.js';
import { probeFile, type ProbeOptions } from './probe.js';

/** The store operations relink needs (ProjectStore satisfies it). */
export interface RelinkStore {
  dir: string;
  snapshot(): ProjectSnapshot;
  getAsset(id: string): Asset;
  relinkAsset(
    id: string,
    update: { path: string; bytes: number; info: MediaInfo },
    provenance: Record<string, unknown>,
  ): Asset;
}

/**
 * The sha256 the asset's file must have: the store names files by their hash
 * (media/ab/<sha256>.<ext>), which is also the id of an asset as imported; after a confirmed
 * relink to other bytes the id stays and the file name carries the new hash.
 */
export function contentHashOf(asset: Pick<Asset, 'id' | 'path'>): string {
  const m = /(?:^|\/)([0-9a-f]{64})\.[^/]*$/.exec(asset.path);
  return m?.[1] ?? asset.id;
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface RelinkResult {
  assetId: string;
  /** hash: the same bytes; confirmed: other bytes the user accepted. */
  verified: 'hash' | 'confirmed';
  path: string;
}

/** Seconds two durations may differ by and still be "the same length" (one frame at 24 fps). */
const DURATION_TOLERANCE_SEC = 0.05;

/** How a chosen file differs, as a message key (pathErrors.relink.*) and its English reason. */
type Difference = 'unreadable' | 'picture' | 'notPicture' | 'otherKind' | 'length' | 'size' | 'content';

function mismatch(
  asset: Asset,
  file: string,
  info: MediaInfo | null,
  bytes: number,
  difference: Difference,
  why: string,
): AppError {
  const dur = (i: MediaInfo | null): number | null => (i && i.kind !== 'image' ? i.durationSec : null);
  const found = dur(info);
  const expected = dur(asset.info);
  // Each reason its own sentence (en + zh-CN), numbers as parameters: no English reason is
  // pasted into a translated sentence.
  return keyedError(
    'MEDIA_MISMATCH',
    `pathErrors.relink.${difference}`,
    {
      name: basename(file),
      originalName: asset.originalName,
      why,
      ...(found !== null ? { foundSec: found.toFixed(2) } : {}),
      ...(expected !== null ? { expectedSec: expected.toFixed(2) } : {}),
      foundBytes: bytes,
      expectedBytes: asset.bytes,
    },
    `"${basename(file)}" is not the file "${asset.originalName}" was (${why}). Relink it anyway only if it is the same shot.`,
    {
      assetId: asset.id,
      file,
      canConfirm: info !== null && info.kind === asset.info.kind,
      expected: { bytes: asset.bytes, durationSec: expected, kind: asset.info.kind },
      found: { bytes, durationSec: found, kind: info?.kind ?? null },
    },
  );
}

/** Copies `src` into the store at `rel` (temp + rename, fsync), replacing nothing that is there. */
async function storeCopy(dir: string, src: string, rel: string): Promise<void> {
  const dest = resolveStoredPath(dir, rel);
  const media = resolveStoredPath(dir, MEDIA_DIR);
  await mkdir(dirname(dest), { recursive: true });
  const tmp = join(media, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
  try {
    await copyFile(src, tmp);
    await rename(tmp, dest);
    await fsyncDir(dirname(dest));
  } finally {
    await rm(tmp, { force: true }).catch(() => {});
  }
}

/** Drops the caches made from the asset's old file (thumbnails, filmstrips, waveforms). */
async function dropCaches(dir: string, assetId: string): Promise<void> {
  let thumbs: string;
  try {
    thumbs = resolveStoredPath(dir, THUMBS_DIR);
  } catch {
    return;
  }
  for (const name of await readdir(thumbs).catch(() => [] as string[])) {
    if (name.startsWith(`${assetId}.`)) await rm(join(thumbs, name), { force: true });
  }
}

/**
 * Points the asset at `file`. Same bytes (sha256 = id): done, verified. Other bytes: refused
 * with MEDIA_MISMATCH (what differs) unless `confirm`; a file of another kind is always refused.
 */
export async function relinkAsset(
  store: RelinkStore,
  assetId: string,
  file: string,
  opts: ProbeOptions & { confirm?: boolean } = {},
): Promise<RelinkResult> {
  const asset = store.getAsset(assetId);
  const src = resolve(file);
  const st = await lstat(src).catch(() => null);
  if (!st?.isFile())
    throw keyedError(
      'MEDIA_MISSING',
      'pathErrors.relink.missing',
      { name: basename(src), file: src },
      `"${basename(src)}" was not found or is not a regular file.`,
    );
  const hash = await sha256Of(src);
  const previous = { path: asset.path, bytes: asset.bytes };
  if (hash === contentHashOf(asset)) {
    // Keep the stored path when it is usable; a hostile or odd one moves to the canonical place.
    let rel = asset.path;
    try {
      resolveStoredPath(store.dir, rel);
    } catch {
      rel = mediaRelPath(hash, storeExtension(asset.originalName, asset.info));
    }
    await storeCopy(store.dir, src, rel);
    store.relinkAsset(
      asset.id,
      { path: rel, bytes: st.size, info: asset.info },
      { file: basename(src), verified: 'hash', previous },
    );
    return { assetId, verified: 'hash', path: rel };
  }
  const info = await probeFile(src, opts).catch(() => null);
  if (info === null || info.kind !== asset.info.kind) {
    const difference: Difference =
      info === null
        ? 'unreadable'
        : info.kind === 'image'
          ? 'picture'
          : asset.info.kind === 'image'
            ? 'notPicture'
            : 'otherKind';
    throw mismatch(
      asset,
      src,
      info,
      st.size,
      difference,
      info === null
        ? "it can't be read as media"
        : `it is ${info.kind === 'image' ? 'a picture' : `a ${info.kind} file`}, not ${asset.info.kind === 'image' ? 'a picture' : `a ${asset.info.kind} file`}`,
    );
  }
  if (!opts.confirm) {
    const d0 = asset.info.kind === 'image' ? null : asset.info.durationSec;
    const d1 = info.kind === 'image' ? null : info.durationSec;
    const sameLength = d0 === null || d1 === null || Math.abs(d0 - d1) <= DURATION_TOLERANCE_SEC;
    const difference: Difference = !sameLength ? 'length' : st.size !== asset.bytes ? 'size' : 'content';
    const why = !sameLength
      ? `its content differs and it lasts ${d1?.toFixed(2)} s instead of ${d0?.toFixed(2)} s`
      : st.size !== asset.bytes
        ? `its content differs: ${st.size} bytes instead of ${asset.bytes}`
        : 'its content differs';
    throw mismatch(asset, src, info, st.size, difference, why);
  }
  const rel = mediaRelPath(hash, storeExtension(basename(src), info));
  await storeCopy(store.dir, src, rel);
  await dropCaches(store.dir, asset.id);
  store.relinkAsset(
    asset.id,
    { path: rel, bytes: st.size, info },
    { file: basename(src), verified: 'confirmed', sha256: hash, previous },
  );
  return { assetId, verified: 'confirmed', path: rel };
}

export interface SearchResult {
  relinked: RelinkResult[];
  /** Missing assets with a same-named file of other bytes: relink by file, with confirmation. */
  candidates: { assetId: string; file: string }[];
  notFound: string[];
}

/** Files looked at per search at most, and folder depth: a search of a whole disk stays bounded. */
const SEARCH_MAX_FILES = 20_000;
const SEARCH_MAX_DEPTH = 6;

async function walk(root: string, visit: (file: string, size: number) => void): Promise<void> {
  let seen = 0;
  const go = async (dir: string, depth: number): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (seen >= SEARCH_MAX_FILES) return;
      const full = join(dir, e.name);
      // Links are not followed (a loop, or a way out of the folder the user pointed at).
      if (e.isDirectory() && depth < SEARCH_MAX_DEPTH) await go(full, depth + 1);
      else if (e.isFile()) {
        seen++;
        const st = await stat(full).catch(() => null);
        if (st) visit(full, st.size);
      }
    }
  };
  await go(resolve(root), 0);
}

/**
 * Searches `folder` for the missing media: a file with the original name or the same size is
 * hashed, and one whose hash is the asset's id is relinked (verified). Same-named files with
 * other bytes are returned as candidates to confirm one by one.
 */
export async function relinkFromFolder(store: RelinkStore, folder: string): Promise<SearchResult> {
  const missing = await listMissingMedia(store);
  const result: SearchResult = { relinked: [], candidates: [], notFound: [] };
  if (missing.length === 0) return result;
  const byName = new Map<string, string[]>();
  const bySize = new Map<number, string[]>();
  await walk(folder, (file, size) => {
    const name = basename(file).toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), file]);
    bySize.set(size, [...(bySize.get(size) ?? []), file]);
  });
  const assets = new Map(store.snapshot().assets.map((a) => [a.id, a]));
  for (const m of missing) {
    const want = contentHashOf(assets.get(m.assetId) ?? { id: m.assetId, path: '' });
    const files = [...new Set([...(byName.get(m.originalName.toLowerCase()) ?? []), ...(bySize.get(m.bytes) ?? [])])];
    let done = false;
    for (const f of files) {
      if ((await sha256Of(f).catch(() => '')) === want) {
        result.relinked.push(await relinkAsset(store, m.assetId, f));
        done = true;
        break;
      }
    }
    if (done) continue;
    const named = byName.get(m.originalName.toLowerCase())?.[0];
    if (named) result.candidates.push({ assetId: m.assetId, file: named });
    else result.notFound.push(m.assetId);
  }
  return result;
}
