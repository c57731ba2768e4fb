/**
 * The first frame as `input_reference`. The Sora shape refuses a reference whose size is not
 * the requested `size` exactly ("Inpaint image must match the requested width and height",
 * providers.md §1), so a frame of any other size (or a JPEG/WebP we cannot size cheaply) is
 * cover-fitted to that size by ffmpeg (shared/media/fitFrame.ts, through the one runner) into
 * a temp PNG that is read and removed at once. A PNG already of that size goes as it is.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../../../../shared/errors.js';
import { fitFrameInvocation } from '../../../../../shared/media/fitFrame.js';
import type { FrameRef } from '../../../../../shared/generation/request.js';
import type { runFfmpeg } from '../../../ffmpeg/runner.js';
import { readInputFile } from '../imageInput.js';

export type RunFfmpeg = typeof runFfmpeg;

export interface ReferenceImage {
  bytes: Buffer;
  type: string;
  name: string;
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};
/** One local still: well under a second; a stuck decoder must not hold the job for ever. */
const FIT_TIMEOUT_MS = 60_000;

/** A PNG's size from its IHDR chunk, else null. */
export function pngSize(b: Buffer): { w: number; h: number } | null {
  return b.length > 24 && b.toString('latin1', 12, 16) === 'IHDR'
    ? { w: b.readUInt32BE(16), h: b.readUInt32BE(20) }
    : null;
}

export function parseSize(size: string): { w: number; h: number } {
  const m = /^(\d+)x(\d+)$/.exec(size);
  if (!m) throw new AppError('INTERNAL', `Not a WxH video size: "${size}".`);
  return { w: Number(m[1]), h: Number(m[2]) };
}

export async function referenceImage(
  frame: FrameRef,
  size: string,
  shotNumber: number,
  opts: { tmpDir: string; run: RunFfmpeg; signal?: AbortSignal },
): Promise<ReferenceImage> {
  const ext = extname(frame.path).toLowerCase();
  const type = MIME[ext];
  if (!type)
    throw new AppError(
      'INVALID_INPUT',
      `The first frame of shot ${shotNumber} must be a PNG, JPEG or WebP picture: ${frame.path}`,
      { path: frame.path },
    );
  const bytes = await readInputFile(frame.path, `The first frame of shot ${shotNumber}`);
  const want = parseSize(size);
  const have = pngSize(bytes);
  // Already right: the user's bytes, untouched (no second encode).
  if (have && have.w === want.w && have.h === want.h) return { bytes, type, name: basename(frame.path) };

  const tmp = join(opts.tmpDir, `openai-videos-frame-${randomBytes(6).toString('hex')}.png`);
  try {
    await mkdir(opts.tmpDir, { recursive: true });
    await opts
      .run(
        fitFrameInvocation({
          input: frame.path,
          output: tmp,
          width: want.w,
          height: want.h,
          label: `first frame of shot ${shotNumber} at ${size}`,
        }),
        { timeoutMs: FIT_TIMEOUT_MS, ...(opts.signal ? { signal: opts.signal } : {}) },
      )
      .catch((err: unknown) => {
        // ffmpeg could not decode it: the picture is at fault, said as such (the tail says why).
        if (err instanceof AppError && err.code === 'FFMPEG_FAILED') {
          throw new AppError(
            'INVALID_INPUT',
            `The first frame of shot ${shotNumber} could not be read as a picture: ${frame.path} (${err.message})`,
            { path: frame.path },
          );
        }
        throw err;
      });
    const fitted = await readFile(tmp).catch(() => null);
    const got = fitted ? pngSize(fitted) : null;
    if (!fitted || !got || got.w !== want.w || got.h !== want.h) {
      throw new AppError(
        'INVALID_INPUT',
        `The first frame of shot ${shotNumber} could not be made ${size} for the gateway: ${frame.path}`,
        { path: frame.path, size },
      );
    }
    return { bytes: fitted, type: 'image/png', name: `${basename(frame.path, extname(frame.path))}.png` };
  } finally {
    await rm(tmp, { force: true });
  }
}
