/**
 * Stills from media: frame grabs (continuity: "start from the previous shot's last frame")
 * and thumbnails. Both write to a temp name beside the target and rename when complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';
import type { Asset } from '../../../shared/model/entities.js';
import { grabFrameInvocation, thumbnailInvocation } from '../../../shared/media/frames.js';
import { TEMP_PREFIX, thumbRelPath } from '../../../shared/media/store.js';
import type { FfPaths } from '../ffmpeg/binaries.js';
import { runFfmpeg } from '../ffmpeg/runner.js';
import { assetAbsPath } from './import.js';

export interface StillOptions {
  signal?: AbortSignal;
  /** Default 30 s: one frame of a local file takes well under a second. */
  timeoutMs?: number;
  paths?: FfPaths;
}

const STILL_TIMEOUT_MS = 30_000;

export async function sizeOf(file: string): Promise<number | null> {
  return stat(file).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
}

export async function requireInput(file: string, name: string): Promise<void> {
  if ((await sizeOf(file)) === null) {
    throw new AppError(
      'MEDIA_MISSING',
      `"${name}" was not found at ${file}: it may have been moved, renamed or deleted.`,
      { file },
    );
  }
}

/** Runs `make(tmp)` and renames tmp to `target` when ffmpeg wrote something; removes tmp otherwise. */
export async function writeAtomically(
  target: string,
  make: (tmp: string) => FfmpegInvocation,
  opts: StillOptions,
  nothing: () => AppError,
): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  // Same folder (rename is atomic only within a file system), same extension (ffmpeg picks the
  // image format from it).
  const tmp = join(dirname(target), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}${extname(target)}`);
  try {
    await runFfmpeg(make(tmp), {
      timeoutMs: opts.timeoutMs ?? STILL_TIMEOUT_MS,
      ...(opts.signal && { signal: opts.signal }),
      ...(opts.paths && { paths: opts.paths }),
    });
    // ffmpeg exits 0 without writing when there is no frame to write (e.g. a time past the end).
    if (!((await sizeOf(tmp)) ?? 0)) throw nothing();
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true }).catch(() => {});
  }
}

/**
 * Writes one frame of `absPath` at `atSec` seconds (or its last frame) to `outPath` (.png, .jpg
 * or .webp), upright and with square pixels. Resolves to outPath. Rejects MEDIA_MISSING,
 * INVALID_INPUT (no frame at that time), FFMPEG_FAILED, MEDIA_TIMEOUT, CANCELED.
 */
export async function grabFrame(
  absPath: string,
  atSec: number | 'last',
  outPath: string,
  opts: StillOptions & { isStillImage?: boolean } = {},
): Promise<string> {
  const input = resolve(absPath);
  const target = resolve(outPath);
  const name = basename(input);
  await requireInput(input, name);
  const when = atSec === 'last' ? 'at the end' : `at ${atSec} s`;
  await writeAtomically(
    target,
    (tmp) =>
      grabFrameInvocation({
        input,
        atSec,
        output: tmp,
        ...(opts.isStillImage !== undefined && { isStillImage: opts.isStillImage }),
      }),
    opts,
    () => new AppError('INVALID_INPUT', `"${name}" has no frame ${when}.`, { file: input, atSec }),
  );
  return target;
}

/**
 * The asset's thumbnail (JPEG, at most 320 px wide, ~10% into clips; a waveform for audio),
 * made once and then reused. Resolves to its project-relative path: media/thumbs/<sha256>.jpg.
 */
export async function makeThumbnail(projectDir: string, asset: Asset, opts: StillOptions = {}): Promise<string> {
  const rel = thumbRelPath(asset.id);
  const target = assetAbsPath(projectDir, rel);
  if (await sizeOf(target)) return rel;
  const input = assetAbsPath(projectDir, asset.path);
  await requireInput(input, asset.originalName);
  await writeAtomically(
    target,
    (tmp) => thumbnailInvocation({ input, info: asset.info, output: tmp }),
    opts,
    () =>
      new AppError(
        'MEDIA_CORRUPT',
        `No thumbnail could be made of "${asset.originalName}": ffmpeg found no picture in it.`,
        { file: input },
      ),
  );
  return rel;
}
