/**
 * The editor's contract methods through dispatch(), on real SQLite, real ffmpeg and the real AI
 * clips: split/undo, continuity from the previous shot's last frame (trim-aware), filmstrips
 * and thumbnails, events and history state.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../electron/services/app.js';
import { frameSize } from '../../helpers/ffprobe.js';
import { call, servicesWithProject } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { REAL_CLIPS, rgbFrame } from '../../helpers/media.js';

const rgb = rgbFrame;

function meanAbsDiff(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

describe('editor contract', () => {
  const root = tempDir();

  const project = (name: string): Promise<AppServices> => servicesWithProject(root, name);

  it("sets a shot's first frame to the frame the previous shot ends on, trim-aware", async () => {
    const s = await project('continuity 连续');
    const horse = await call(s, 'shots.add', { videoPath: REAL_CLIPS.horse });
    const next = await call(s, 'shots.add', { prompt: 'the horse turns' });
    await call(s, 'shots.setTrim', { shotId: horse.shotId, inFrames: 4, outFrames: 20 });
    const snap = await call(s, 'shots.setFrame', {
      shotId: next.shotId,
      which: 'first',
      source: { previousShotLastFrame: true },
    });
    const shot = snap.shots.find((x) => x.id === next.shotId)!;
    const asset = snap.assets.find((a) => a.id === shot.firstFrameAssetId)!;
    expect(asset).toMatchObject({ origin: 'derived', info: { kind: 'image', width: 720, height: 480 } });
    const grabbed = rgb(join(snap.dir, asset.path));
    // Out point 20 means the shot ends on clip frame 19: the grab is that frame, not a neighbour.
    const d19 = meanAbsDiff(grabbed, rgb(REAL_CLIPS.horse, 19));
    expect(d19).toBeLessThan(meanAbsDiff(grabbed, rgb(REAL_CLIPS.horse, 18)));
    expect(d19).toBeLessThan(meanAbsDiff(grabbed, rgb(REAL_CLIPS.horse, 20)));
    expect(d19).toBeLessThan(2); // PNG is lossless: only decode rounding differs

    // Untrimmed, the previous shot ends on the clip's very last frame (48 of 49).
    await call(s, 'shots.setTrim', { shotId: horse.shotId, inFrames: 0, outFrames: null });
    const snap2 = await call(s, 'shots.setFrame', {
      shotId: next.shotId,
      which: 'last',
      source: { previousShotLastFrame: true },
    });
    const last = snap2.assets.find((a) => a.id === snap2.shots[1]!.lastFrameAssetId)!;
    const dLast = meanAbsDiff(rgb(join(snap2.dir, last.path)), rgb(REAL_CLIPS.horse, 48));
    expect(dLast).toBeLessThan(meanAbsDiff(rgb(join(snap2.dir, last.path)), rgb(REAL_CLIPS.horse, 47)));

    // One undo step each; the first shot has no previous shot.
    const undone = await call(s, 'history.undo', {});
    expect(undone.shots[1]).toMatchObject({ lastFrameAssetId: null, firstFrameAssetId: asset.id });
    await expect(
      call(s, 'shots.setFrame', { shotId: horse.shotId, which: 'first', source: { previousShotLastFrame: true } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/first shot has no previous shot/),
    });
  });

  it('imports an image path as a frame and refuses a clip', async () => {
    const s = await project('frame path');
    const { shotId } = await call(s, 'shots.add', { prompt: 'camp' });
    const snap = await call(s, 'shots.setFrame', { shotId, which: 'first', source: { path: REAL_CLIPS.firstFrame } });
    expect(snap.assets.find((a) => a.id === snap.shots[0]!.firstFrameAssetId)?.originalName).toBe(
      'first-frame-camping.png',
    );
    await expect(
      call(s, 'shots.setFrame', { shotId, which: 'last', source: { path: REAL_CLIPS.kitten } }),
    ).rejects.toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    expect((await call(s, 'history.state', {})).undoLabel).toBe('shots.setFrame');
  });

  it('splits through the contract, emits project.changed, and undoes in one step', async () => {
    const s = await project('split');
    const { shotId } = await call(s, 'shots.add', { videoPath: REAL_CLIPS.kitten });
    const events: number[] = [];
    s.on('project.changed', (p) => events.push(p.shots.length));
    const snap = await call(s, 'shots.split', { shotId, atFrame: 10 });
    expect(events).toEqual([2]);
    expect(snap.shots.map((x) => [x.trimInFrames, x.trimOutFrames])).toEqual([
      [0, 10],
      [10, null],
    ]); // the open out point stays open
    expect(await call(s, 'history.state', {})).toMatchObject({
      canUndo: true,
      canRedo: false,
      undoLabel: 'shots.split',
    });
    expect((await call(s, 'history.undo', {})).shots.map((x) => [x.trimInFrames, x.trimOutFrames])).toEqual([
      [0, null],
    ]);
    await expect(call(s, 'shots.split', { shotId, atFrame: 49 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('makes a cached filmstrip sprite and thumbnail of a clip', async () => {
    const s = await project('filmstrip');
    const { snapshot } = await call(s, 'shots.add', { videoPath: REAL_CLIPS.horse });
    const assetId = snapshot.assets[0]!.id;
    const strip = await call(s, 'media.filmstrip', { assetId, height: 60, count: 7 });
    expect(strip).toMatchObject({ count: 7, tileHeight: 60, tileWidth: 90 });
    expect(strip.times).toHaveLength(7);
    expect(strip.times[1]).toBeCloseTo(6.125 / 7, 5);
    expect(frameSize(strip.path)).toBe(`${7 * 90},60`);
    // Every tile has picture (no black padding at the end).
    const last = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-f',
        'lavfi',
        `movie=${strip.path.replace(/([\\':,])/g, '\\$1')},crop=90:60:${6 * 90}:0,signalstats`,
        '-show_entries',
        'frame_tags=lavfi.signalstats.YAVG',
        '-of',
        'csv=p=0',
      ],
      { encoding: 'utf8' },
    );
    expect(Number(last.trim())).toBeGreaterThan(30);
    const mtime = statSync(strip.path).mtimeMs;
    expect((await call(s, 'media.filmstrip', { assetId, height: 60, count: 7 })).path).toBe(strip.path);
    expect(statSync(strip.path).mtimeMs).toBe(mtime);
    const thumb = await call(s, 'media.thumbnail', { assetId });
    expect(statSync(thumb.path).size).toBeGreaterThan(0);
    await expect(call(s, 'media.filmstrip', { assetId: 'f'.repeat(64) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
