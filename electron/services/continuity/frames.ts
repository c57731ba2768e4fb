/**
 * Decodes the frames the consistency check looks at, through THE ffmpeg runner: one run per
 * take (or picture) writing one raw RGB file per frame into a private temp folder, read back
 * and removed.
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
    const n = isStillImage ? 1 : times.length;
    const outputs = Array.from({ length: n }, (_, i) => join(dir, `f${i}.rgb`));
    await runFfmpeg(
      decodeFramesInvocation({ input: file, times: isStillImage ? [0] : times, outputs, width, height, isStillImage }),
      {
        timeoutMs: DECODE_TIMEOUT_MS,
        ...(opts.signal && { signal: opts.signal }),
        ...(opts.paths && { paths: opts.paths }),
      },
    );
    const frames: RgbImage[] = [];
    for (const out of outputs) {
      const data = await readFile(out).catch(() => null);
      // A seek past the last frame writes nothing (or a short file): that sample is dropped.
      if (data && data.length === width * height * 3)
        frames.push({ width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) });
    }
    if (!frames.length) throw new AppError('INVALID_INPUT', `No frame could be read from "${file}".`, { file });
    return frames;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}
