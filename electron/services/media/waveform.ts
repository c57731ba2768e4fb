/**
 * media.waveform: an asset's peak envelope for the audio lanes, made once per (asset, buckets)
 * and cached as JSON in media/thumbs/. ffmpeg (through the one runner) decodes to raw PCM in
 * the project's .storyboard/tmp; the peaks are computed by shared/media/waveform.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { Asset } from '../../../shared/model/entities.js';
import { TEMP_PREFIX } from '../../../shared/media/store.js';
import { computePeaks, pcmDurationSec, waveformInvocation, waveformRelPath } from '../../../shared/media/waveform.js';
import { runFfmpeg } from '../ffmpeg/runner.js';
import { requireInput, type StillOptions } from './frames.js';
import { assetAbsPath } from './import.js';

export interface Waveform {
  /** Max |sample| per bucket, 0..1. */
  peaks: number[];
  /** Seconds of decoded sound the peaks span. */
  durationSec: number;
}

const CachedSchema = z.object({ peaks: z.array(z.number().min(0).max(1)), durationSec: z.number().nonnegative() });

/** Decoding is fast (~100x real time), but an hour-long file still takes a while. */
const WAVEFORM_TIMEOUT_MS = 10 * 60_000;

async function readCached(file: string, buckets: number): Promise<Waveform | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = CachedSchema.safeParse(JSON.parse(text));
    // A damaged cache file is made again, never served.
    return parsed.success && parsed.data.peaks.length === buckets ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The asset's waveform. Rejects INVALID_INPUT (no sound), MEDIA_MISSING, FFMPEG_FAILED, CANCELED. */
export async function makeWaveform(
  projectDir: string,
  asset: Asset,
  buckets: number,
  opts: StillOptions = {},
): Promise<Waveform> {
  if (!(asset.info.kind === 'audio' || asset.info.hasAudio)) {
    throw new AppError('INVALID_INPUT', `"${asset.originalName}" has no sound: it has no waveform.`, {
      assetId: asset.id,
    });
  }
  const target = assetAbsPath(projectDir, waveformRelPath(asset.id, buckets));
  const cached = await readCached(target, buckets);
  if (cached) return cached;
  const input = assetAbsPath(projectDir, asset.path);
  await requireInput(input, asset.originalName);

  const tmpDir = join(projectDir, '.storyboard', 'tmp', 'waveform');
  await mkdir(tmpDir, { recursive: true });
  const pcmFile = join(tmpDir, `${randomBytes(6).toString('hex')}.pcm`);
  let wave: Waveform;
  try {
    await runFfmpeg(waveformInvocation({ input, output: pcmFile }), {
      timeoutMs: opts.timeoutMs ?? WAVEFORM_TIMEOUT_MS,
      ...(opts.signal && { signal: opts.signal }),
      ...(opts.paths && { paths: opts.paths }),
    });
    const pcm = await readFile(pcmFile);
    wave = { peaks: computePeaks(pcm, buckets), durationSec: pcmDurationSec(pcm) };
  } finally {
    await rm(pcmFile, { force: true }).catch(() => {});
  }
  // Temp name + rename: a half-written cache file is never read.
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.json`);
  try {
    await writeFile(tmp, JSON.stringify(wave));
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true }).catch(() => {});
  }
  return wave;
}
