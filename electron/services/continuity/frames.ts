/**
 * Decodes the frames the consistency check looks at, through THE ffmpeg runner: one run and one
 * decoder pass per take (or picture) writing every sampled frame at the working size into one
 * raw RGB file in a private temp folder, read back, split and removed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RgbImage } from '../../../shared/continuity/image.js';
import { decodeFramesInvocation, workSize } from '../../../shared/continuity/sampling.js';
import { AppError } from '../../../shared/errors.js';
import type { FfPaths } from '../ffmpeg/binaries.js';
import { runFfmpeg } from '../ffmpeg/runner.js';

export interface DecodeOptions {
  signal?: AbortSignal;
  paths?: FfPaths;
}

/** A local file decodes a handful of frames in well under a second; this only stops a hang. */
const DECODE_TIMEOUT_MS = 60_000;

/**
 * Frames of `file` (display size `width` x `height`) at `times` seconds, at the working size.
 * A still image gives one frame whatever `times` says.
 */
export async function decodeFrames(
  file: string,
  size: { width: number; height: number },
  times: readonly number[],
  isStillImage: boolean,
  opts: DecodeOptions = {},
): Promise<RgbImage[]> {
  const { width, height } = workSize(size.width, size.height);
  const dir = await mkdtemp(join(tmpdir(), 'storyboard-continuity-'));
  try {
    const output = join(dir, 'frames.rgb');
    await runFfmpeg(decodeFramesInvocation({ input: file, times, output, width, height, isStillImage }), {
      timeoutMs: DECODE_TIMEOUT_MS,
      ...(opts.signal && { signal: opts.signal }),
      ...(opts.paths && { paths: opts.paths }),
    });
    const data = await readFile(output).catch(() => null);
    const frameBytes = width * height * 3;
    const frames: RgbImage[] = [];
    // A time past the last frame selects nothing: that sample is missing, the others count.
    for (let at = 0; data && at + frameBytes <= data.length; at += frameBytes)
      frames.push({ width, height, data: new Uint8Array(data.buffer, data.byteOffset + at, frameBytes) });
    if (!frames.length) throw new AppError('INVALID_INPUT', `No frame could be read from "${file}".`, { file });
    return frames;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}
