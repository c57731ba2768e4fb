/**
 * Waveforms for the audio lanes: ffmpeg decodes the first audio stream to raw mono 16-bit PCM
 * at a low rate (8 kHz is plenty for a peak envelope and keeps a 10-minute track at ~10 MB),
 * then peaks are computed here, in plain code, from the bytes. Pure: no I/O.
 */
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';
import { THUMBS_DIR } from './store.js';

export const WAVE_SAMPLE_RATE = 8000;
const BYTES_PER_SAMPLE = 2;
const FULL_SCALE = 32768;

/** Cache path of an asset's waveform with `buckets` peaks: media/thumbs/<sha>.wave-<buckets>.json. */
export function waveformRelPath(sha256: string, buckets: number): string {
  return `${THUMBS_DIR}/${sha256}.wave-${buckets}.json`;
}

/** Decode `input`'s first audio stream to mono s16le at WAVE_SAMPLE_RATE into `output`. */
export function waveformInvocation(args: { input: string; output: string }): FfmpegInvocation {
  return {
    label: `waveform ${args.input.split(/[\\/]/).pop() ?? args.input}`,
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: [{ options: [], source: args.input }],
    filterComplex: null,
    outputOptions: [
      // The first audio stream only, no picture (https://ffmpeg.org/ffmpeg.html#Advanced-options).
      '-map',
      '0:a:0',
      '-vn',
      '-sn',
      '-dn',
      // -ac 1 downmixes all channels into one, so a sound on either side shows.
      '-ac',
      '1',
      '-ar',
      String(WAVE_SAMPLE_RATE),
      '-c:a',
      'pcm_s16le',
      // Raw samples, no header: the byte count is the sample count (https://ffmpeg.org/ffmpeg-formats.html#pcm).
      '-f',
      's16le',
    ],
    output: args.output,
    durationSec: null,
  };
}

/** Number of whole 16-bit samples in `pcm`. */
export function sampleCount(pcm: Uint8Array): number {
  return Math.floor(pcm.length / BYTES_PER_SAMPLE);
}

/**
 * Max |sample| per bucket, scaled to 0..1, from little-endian signed 16-bit mono PCM. The
 * samples are split into `buckets` nearly equal runs (bucket i covers samples
 * floor(i*n/b)..floor((i+1)*n/b)); a bucket with no samples (fewer samples than buckets) is 0.
 */
export function computePeaks(pcm: Uint8Array, buckets: number): number[] {
  if (!Number.isSafeInteger(buckets) || buckets < 1)
    throw new RangeError(`buckets must be a positive integer, got ${buckets}`);
  const n = sampleCount(pcm);
  const view = new DataView(pcm.buffer, pcm.byteOffset, n * BYTES_PER_SAMPLE);
  const peaks = new Array<number>(buckets).fill(0);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let max = 0;
    for (let i = from; i < to; i++) {
      const v = Math.abs(view.getInt16(i * BYTES_PER_SAMPLE, true));
      if (v > max) max = v;
    }
    // -32768 has no positive twin: clamp so a full-scale sample reads exactly 1.
    peaks[b] = Math.min(1, max / FULL_SCALE);
  }
  return peaks;
}

/** Seconds of sound in `pcm` at WAVE_SAMPLE_RATE. */
export function pcmDurationSec(pcm: Uint8Array): number {
  return sampleCount(pcm) / WAVE_SAMPLE_RATE;
}
