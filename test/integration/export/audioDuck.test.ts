/**
 * Ducking with real ffmpeg: a 1 kHz music bed flagged `duck` under a 1 s 440 Hz voice-over.
 * The 1 kHz level is measured on PCM decoded independently by the system ffmpeg (a Goertzel
 * filter at exactly 1 kHz, so the voice-over's tone does not count): ≈ -12 dB while the
 * voice-over plays, unchanged away from it; with the flag off nothing changes.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { REAL_CLIPS } from '../../helpers/media.js';
import { sineWav } from '../../helpers/sineWav.js';
import { tempDir } from '../../helpers/tmp.js';

const RATE = 48_000;

/** Left channel of the output's audio as float samples, decoded by the system ffmpeg. */
function decodeLeft(file: string): Float32Array {
  const raw = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-map',
      '0:a:0',
      '-ac',
      '1',
      '-af',
      'pan=mono|c0=c0',
      '-f',
      'f32le',
      '-acodec',
      'pcm_f32le',
      '-',
    ],
    { maxBuffer: 1 << 26 },
  );
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}

/** Amplitude of the 1 kHz component between two times (Goertzel over whole cycles). */
function amplitude1k(pcm: Float32Array, fromSec: number, toSec: number): number {
  const from = Math.round(fromSec * RATE);
  const n = Math.floor((Math.round(toSec * RATE) - from) / 48) * 48; // whole 1 kHz cycles
  const w = (2 * Math.PI * 1000) / RATE;
  const coeff = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = (pcm[from + i] ?? 0) + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return (2 * Math.sqrt(power)) / n;
}

const db = (ratio: number) => 20 * Math.log10(ratio);

describe('export ducks music under voice-over', () => {
  const root = tempDir();
  let store: ProjectStore;
  let musicItem: string;

  beforeAll(async () => {
    store = ProjectStore.create(join(root, 'duck 闪避'), {
      name: 'Duck',
      aspect: '16:9',
      resolution: '720p',
      fps: { num: 8, den: 1 },
    });
    const asset = await importFile(store, REAL_CLIPS.horse, 'imported');
    const shot = store.shots.add({ durationFrames: 32, importedTake: { assetId: asset.id } });
    store.shots.setTrim(shot.id, 0, 32); // a 4 s cut
    const music = join(root, 'bed 1k.wav');
    sineWav(music, 1000, 5);
    const voice = join(root, "voice 'vo'.wav");
    sineWav(voice, 440, 1);
    const ops = store.audio;
    musicItem = ops.add((await importFile(store, music, 'imported')).id, 'music', 0);
    ops.add((await importFile(store, voice, 'imported')).id, 'voiceover', 12); // 1.5 s .. 2.5 s
  });

  afterAll(() => store.close());

  async function levels(name: string) {
    const out = join(root, name);
    await runExport(store, { outPath: out, quality: 'draft' });
    const pcm = decodeLeft(out);
    return {
      before: amplitude1k(pcm, 0.2, 1.1),
      inside: amplitude1k(pcm, 1.6, 2.4),
      after: amplitude1k(pcm, 2.9, 3.8),
    };
  }

  it('lowers the music by about 12 dB while the voice-over plays, only then; off, nothing changes', async () => {
    const off = await levels('off.mp4');
    // Sanity of the measure: the bed is 1/8 full scale and the 440 Hz voice does not leak in.
    expect(off.before).toBeGreaterThan(0.05); // 1/8 full scale, -3 dB per channel from mono
    expect(Math.abs(db(off.inside / off.before))).toBeLessThan(0.5);

    store.audio.update(musicItem, { duck: true });
    expect(store.snapshot().audioItems.find((i) => i.id === musicItem)!.duck).toBe(true);
    const on = await levels('on.mp4');
    const inside = db(on.inside / off.inside);
    expect(inside).toBeGreaterThan(-13.5);
    expect(inside).toBeLessThan(-10.5);
    expect(Math.abs(db(on.before / off.before))).toBeLessThan(0.5);
    expect(Math.abs(db(on.after / off.after))).toBeLessThan(0.5);
    console.info(
      `ducking: inside ${inside.toFixed(2)} dB, before ${db(on.before / off.before).toFixed(2)} dB, after ${db(on.after / off.after).toFixed(2)} dB`,
    );

    // One undo step puts the flag back, and the next export is as before.
    expect(store.undo()).toBe(true);
    const undone = await levels('undone.mp4');
    expect(Math.abs(db(undone.inside / off.inside))).toBeLessThan(0.5);
  });
});
