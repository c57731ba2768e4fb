/**
 * Transitions with real ffmpeg: a 12-frame crossfade between a white and a black 2 s clip at
 * 24 fps makes exactly 48 + 48 − 12 frames, one AAC stereo 48 kHz track of the same length,
 * decodes clean, and the picture in the middle of the overlap is a blend (mid-grey); a dip to
 * black is dark mid-way. Measured with the system ffmpeg/ffprobe, independently of the app.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDelivery } from '../../../electron/services/export/deliveryRun.js';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { SegmentCache } from '../../../electron/services/export/segmentCache.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { findPreset, type Deliverable } from '../../../shared/export/deliverable.js';
import { countVideoFrames, decodeErrors, ffprobeJson } from '../../helpers/ffprobe.js';
import { lavfiClip } from '../../helpers/lavfiClip.js';
import { sineWav } from '../../helpers/sineWav.js';
import { tempDir } from '../../helpers/tmp.js';
import { grabGray } from '../generation/frames.js';

/** The exports here are 1:1 at 720p: 720x720. */
const SIDE = 720;

/** Mean luma (0..255) of output frame n of a square `side`-pixel picture, decoded by the system ffmpeg. */
function lumaAt(file: string, n: number, side = SIDE): number {
  const raw = grabGray(file, n, side, side).data;
  let sum = 0;
  for (const v of raw) sum += v;
  return sum / raw.length;
}

/** Mean luma of the left/right/top/bottom half of frame n of a square `side`-pixel picture. */
function halves(file: string, n: number, side: number): { left: number; right: number; top: number; bottom: number } {
  const raw = grabGray(file, n, side, side).data;
  const acc = { left: 0, right: 0, top: 0, bottom: 0 };
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = raw[y * side + x] ?? 0;
      acc[x < side / 2 ? 'left' : 'right'] += v;
      acc[y < side / 2 ? 'top' : 'bottom'] += v;
    }
  }
  const half = (side * side) / 2;
  return { left: acc.left / half, right: acc.right / half, top: acc.top / half, bottom: acc.bottom / half };
}

function audioSamples(file: string): number {
  const raw = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-map', '0:a:0', '-f', 's16le', '-acodec', 'pcm_s16le', '-'],
    { maxBuffer: 1 << 26 },
  );
  return raw.length / 4;
}

describe('export with transitions', () => {
  const root = tempDir();
  let store: ProjectStore;
  let second: string;

  beforeAll(async () => {
    store = ProjectStore.create(join(root, 'fade 淡化'), {
      name: 'Fade',
      aspect: '1:1',
      resolution: '720p',
      fps: { num: 24, den: 1 },
    });
    for (const colour of ['white', 'black']) {
      const file = join(root, `${colour} 'clip' 100%.mp4`);
      // 2 s at 24 fps with a tone, so both sides have sound to crossfade.
      lavfiClip(file, {
        video: `color=c=${colour}:s=320x320:r=24`,
        audio: 'sine=frequency=440:sample_rate=44100',
        seconds: 2,
        shortest: true,
      });
      const asset = await importFile(store, file, 'imported');
      const shot = store.shots.add({ durationFrames: 48, importedTake: { assetId: asset.id } });
      store.shots.setTrim(shot.id, 0, 48);
      second = shot.id;
    }
  });

  afterAll(() => store.close());

  it('crossfades 12 frames: exact frame and sample counts, clean decode, a blend mid-way', async () => {
    store.shots.update(second, { transitionIn: { kind: 'crossfade', frames: 12 } });
    const out = join(root, 'crossfade.mp4');
    const result = await runExport(store, { outPath: out, quality: 'draft' });
    expect(result.mode).toBe('reencode');
    expect(countVideoFrames(out)).toBe(48 + 48 - 12);
    const audio = ffprobeJson(out).streams.filter((s) => s.codec_type === 'audio');
    expect(audio).toHaveLength(1);
    expect(audio[0]).toMatchObject({ codec_name: 'aac', channels: 2, sample_rate: '48000' });
    // 84 frames = 3.5 s = 168000 samples; AAC may pad up to one 1024-sample frame at the end.
    const samples = audioSamples(out);
    expect(samples).toBeGreaterThanOrEqual(168_000);
    expect(samples).toBeLessThan(168_000 + 1024);
    expect(decodeErrors(out)).toBe('');
    // Before the overlap: white; after: black; half-way through it (frame 36 + 6): grey.
    expect(lumaAt(out, 30)).toBeGreaterThan(225);
    expect(lumaAt(out, 60)).toBeLessThan(30);
    const mid = lumaAt(out, 42);
    expect(mid).toBeGreaterThan(90);
    expect(mid).toBeLessThan(165);
  });

  it('blends exactly the overlap frames, one step per frame, and the delivery path (segments) does the same', async () => {
    store.shots.update(second, { transitionIn: { kind: 'crossfade', frames: 12 } });
    const single = join(root, 'ramp.mp4');
    await runExport(store, { outPath: single, quality: 'draft' });
    const report = await runDelivery(store, new SegmentCache(join(root, 'cache')), {
      deliverables: [findPreset('instagram-1x1') as Deliverable],
      out: join(root, 'delivery'),
      quality: 'draft',
      fontFile: null,
    });
    const delivered = report.deliverables[0]?.outPath ?? '';
    expect(countVideoFrames(delivered)).toBe(84);
    // Frames 35..48: white up to the overlap's first frame (36: xfade starts at the outgoing
    // picture), darker each frame through 47, black from 48. Only these 12 frames are blended
    // (transitions.ts windowedXfadeChains): one frame off and the ramp starts or ends early.
    const ramp = (file: string, side: number) => Array.from({ length: 14 }, (_, k) => lumaAt(file, 35 + k, side));
    const a = ramp(single, SIDE);
    const b = ramp(delivered, 1080);
    expect(a[0]).toBeGreaterThan(225);
    expect(a[1]).toBeGreaterThan(225);
    expect(a[13]).toBeLessThan(30);
    for (let k = 1; k < 13; k++) expect(a[k + 1]).toBeLessThan(a[k] ?? 0);
    b.forEach((v, k) => expect(Math.abs(v - (a[k] ?? 0))).toBeLessThan(4));
  });

  it('dips to black: same length, dark in the middle of the overlap, white before it', async () => {
    store.shots.update(second, { transitionIn: { kind: 'dip_to_black', frames: 12 } });
    const out = join(root, 'dip.mp4');
    await runExport(store, { outPath: out, quality: 'draft' });
    expect(countVideoFrames(out)).toBe(84);
    expect(lumaAt(out, 30)).toBeGreaterThan(225);
    expect(lumaAt(out, 42)).toBeLessThan(40);
  });

  // White shot, then black. Mid-way (frame 36 + 6) xfade's wipeleft shows the incoming picture
  // on the right half, slidedown brings it in from the top; a dip to white is white a third of
  // the way through (a crossfade would be grey there, a dip to black dark).
  it('wipes, slides and dips to white: same length, the incoming picture where the direction puts it', async () => {
    const cases = [
      ['wipe_left', (h: ReturnType<typeof halves>) => h.left > 200 && h.right < 50],
      ['wipe_right', (h: ReturnType<typeof halves>) => h.left < 50 && h.right > 200],
      ['slide_down', (h: ReturnType<typeof halves>) => h.top < 50 && h.bottom > 200],
      ['slide_up', (h: ReturnType<typeof halves>) => h.top > 200 && h.bottom < 50],
    ] as const;
    for (const [kind, where] of cases) {
      store.shots.update(second, { transitionIn: { kind, frames: 12 } });
      const out = join(root, `${kind}.mp4`);
      await runExport(store, { outPath: out, quality: 'draft' });
      expect(countVideoFrames(out)).toBe(84);
      const h = halves(out, 42, SIDE);
      expect({ kind, ok: where(h), h }).toMatchObject({ kind, ok: true });
    }
    store.shots.update(second, { transitionIn: { kind: 'dip_to_white', frames: 12 } });
    const out = join(root, 'dip white.mp4');
    await runExport(store, { outPath: out, quality: 'draft' });
    expect(countVideoFrames(out)).toBe(84);
    expect(lumaAt(out, 40)).toBeGreaterThan(225);
    expect(lumaAt(out, 60)).toBeLessThan(30);
    expect(audioSamples(out)).toBeGreaterThanOrEqual(168_000);
  });
});

describe('export with a transition and an audio item', () => {
  const root = tempDir();

  it('mixes the item under the crossfaded sound and keeps the shortened length', async () => {
    const store = ProjectStore.create(join(root, 'mix'), {
      name: 'Mix',
      aspect: '1:1',
      resolution: '720p',
      fps: { num: 24, den: 1 },
    });
    try {
      for (const colour of ['white', 'black']) {
        const file = join(root, `${colour}.mp4`);
        lavfiClip(file, { video: `color=c=${colour}:s=160x160:r=24`, seconds: 1 });
        const asset = await importFile(store, file, 'imported');
        store.shots.add({ durationFrames: 24, importedTake: { assetId: asset.id } });
      }
      const second = store.snapshot().shots.find((x) => x.position === 1)!;
      store.shots.update(second.id, { transitionIn: { kind: 'crossfade', frames: 6 } });
      const wav = join(root, 'bed.wav');
      sineWav(wav, 440, 3, { rate: 44100 });
      store.audio.add((await importFile(store, wav, 'imported')).id, 'music', 0);
      const out = join(root, 'mixed.mp4');
      await runExport(store, { outPath: out, quality: 'draft' });
      expect(countVideoFrames(out)).toBe(42);
      // 42 frames = 1.75 s = 84000 samples.
      const samples = audioSamples(out);
      expect(samples).toBeGreaterThanOrEqual(84_000);
      expect(samples).toBeLessThan(84_000 + 1024);
      expect(decodeErrors(out)).toBe('');
    } finally {
      store.close();
    }
  });
});

describe('export with a chain of transitions at 30000/1001', () => {
  const root = tempDir();

  it('joins cut runs and two transitions to the exact frame and sample counts', async () => {
    const store = ProjectStore.create(join(root, 'ntsc'), {
      name: 'NTSC',
      aspect: '1:1',
      resolution: '720p',
      fps: { num: 30000, den: 1001 },
    });
    try {
      const ids: string[] = [];
      for (const [i, colour] of ['red', 'green', 'blue', 'white'].entries()) {
        const file = join(root, `${colour}.mp4`);
        lavfiClip(file, { video: `color=c=${colour}:s=160x160:r=30000/1001`, seconds: 1.2 });
        const asset = await importFile(store, file, 'imported');
        const shot = store.shots.add({ durationFrames: 30, importedTake: { assetId: asset.id } });
        store.shots.setTrim(shot.id, 0, 25 + i);
        ids.push(shot.id);
      }
      // 25 | cut | 26, crossfade 7 into 27, dip 5 into 28: 106 − 12 frames.
      store.shots.update(ids[2]!, { transitionIn: { kind: 'crossfade', frames: 7 } });
      store.shots.update(ids[3]!, { transitionIn: { kind: 'dip_to_black', frames: 5 } });
      const out = join(root, 'chain.mp4');
      await runExport(store, { outPath: out, quality: 'draft' });
      expect(countVideoFrames(out)).toBe(94);
      // sampleAtFrame(94) at 30000/1001 = round(94 × 1601.6) = 150550; AAC pads at most one frame.
      const samples = audioSamples(out);
      expect(samples).toBeGreaterThanOrEqual(150_550);
      expect(samples).toBeLessThan(150_550 + 1024);
      expect(decodeErrors(out)).toBe('');
    } finally {
      store.close();
    }
  });
});
