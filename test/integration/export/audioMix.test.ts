/**
 * Audio items mixed under the picture, with real ffmpeg and the real (silent) AI clips: the
 * output keeps the picture's exact length and one AAC stereo 48 kHz track; a music bed placed
 * at 1 s is silent before and audible after; its gain is measurable; undoing the add takes it
 * out of the next export. Measured on PCM decoded independently with the system ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import type { ProjectStore } from '../../../electron/services/project/store.js';
import { countVideoFrames, ffprobeJson } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { sineWav } from '../../helpers/sineWav.js';
import { silentCut } from './audioFixtures.js';

const RATE = 48_000;

/** The output's audio as interleaved stereo float samples, decoded by the system ffmpeg. */
function decodePcm(file: string): Float32Array {
  const raw = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-map', '0:a:0', '-f', 'f32le', '-acodec', 'pcm_f32le', '-'],
    { maxBuffer: 1 << 26 },
  );
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}

/** RMS and peak of stereo samples between two times (seconds). */
function level(pcm: Float32Array, fromSec: number, toSec: number): { rms: number; peak: number } {
  let sum = 0;
  let peak = 0;
  const from = Math.round(fromSec * RATE) * 2;
  const to = Math.min(pcm.length, Math.round(toSec * RATE) * 2);
  for (let i = from; i < to; i++) {
    const v = pcm[i] ?? 0;
    sum += v * v;
    peak = Math.max(peak, Math.abs(v));
  }
  return { rms: Math.sqrt(sum / Math.max(1, to - from)), peak };
}

describe('export mixes audio items under the picture', () => {
  const root = tempDir();
  let store: ProjectStore;
  let musicId: string;

  beforeAll(async () => {
    store = await silentCut(join(root, 'mix 混音'), 'Mix'); // the cut is 4 s
    // A 6 s mono 44.1 kHz sine bed (ffmpeg's sine is 1/8 full scale): longer than the cut.
    const wav = join(root, "bed 'music' 100%.wav");
    sineWav(wav, 440, 6, { rate: 44100, channels: 1 });
    musicId = (await importFile(store, wav, 'imported')).id;
  });

  afterAll(() => store.close());

  it('keeps the exact length and one AAC stereo 48 kHz track; silent before the item, audible after; gain is applied', async () => {
    const ops = store.audio;
    const id = ops.add(musicId, 'music', 8); // at 1 s
    ops.update(id, { fadeInFrames: 2 }); // 0.25 s fade-in

    const loud = join(root, 'loud.mp4');
    const result = await runExport(store, { outPath: loud, quality: 'draft' });
    expect(result.mode).toBe('reencode');
    expect(countVideoFrames(loud)).toBe(32);
    const audio = ffprobeJson(loud).streams.filter((s) => s.codec_type === 'audio');
    expect(audio).toHaveLength(1);
    expect(audio[0]).toMatchObject({ codec_name: 'aac', channels: 2, sample_rate: '48000' });
    const pcm = decodePcm(loud);
    // The graph makes exactly 4 s; AAC then pads its last 1024-sample frame (192512 here), and
    // the MP4 muxer records no end trim, so a decoder may give up to one frame more.
    expect(pcm.length / 2).toBeGreaterThanOrEqual(4 * RATE);
    expect(pcm.length / 2).toBeLessThan(4 * RATE + 1024);
    // Before 1 s: silence (a margin for the codec's pre-echo at the boundary).
    expect(level(pcm, 0, 0.95).peak).toBeLessThan(1e-3);
    // During the fade-in it is rising; after it, the sine at ~1/8 full scale (RMS ~0.088).
    const fading = level(pcm, 1.0, 1.1).rms;
    const full = level(pcm, 1.5, 3.9).rms;
    expect(fading).toBeLessThan(full * 0.6);
    expect(full).toBeGreaterThan(0.06);
    expect(full).toBeLessThan(0.11);

    ops.update(id, { gainDb: -20 });
    const quiet = join(root, 'quiet.mp4');
    await runExport(store, { outPath: quiet, quality: 'draft' });
    const ratio = level(decodePcm(quiet), 1.5, 3.9).rms / full;
    // -20 dB is a tenth of the amplitude.
    expect(ratio).toBeGreaterThan(0.08);
    expect(ratio).toBeLessThan(0.125);
    expect(countVideoFrames(quiet)).toBe(32);
  });

  it('undoing the add takes the item out of the next export', async () => {
    const ops = store.audio;
    ops.add(musicId, 'sfx', 0);
    expect(store.snapshot().audioItems.some((i) => i.lane === 'sfx')).toBe(true);
    expect(store.undo()).toBe(true);
    expect(store.snapshot().audioItems.some((i) => i.lane === 'sfx')).toBe(false);
    // The music item of the previous test is still there at 1 s: the first second stays silent.
    const out = join(root, 'undone.mp4');
    await runExport(store, { outPath: out, quality: 'draft' });
    const pcm = decodePcm(out);
    expect(level(pcm, 0, 0.95).peak).toBeLessThan(1e-3);
    expect(level(pcm, 1.5, 3.9).rms).toBeGreaterThan(0.004);
  });
});
