/**
 * The audio contract methods through dispatch(), on real SQLite and real ffmpeg: audio.add
 * (probe first: sound files and videos with sound only), audio.update validation, remove and
 * undo as single steps, and media.waveform (peaks computed from decoded PCM, cached).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../electron/services/app.js';
import type { MethodInput } from '../../../shared/api/contract.js';
import { call, servicesWithProject } from '../../helpers/services.js';
import { sineWav } from '../../helpers/sineWav.js';
import { tempDir } from '../../helpers/tmp.js';
import { audioOnly, cfrClip, pngImage, REAL_CLIPS } from '../../helpers/media.js';

describe('audio contract', () => {
  const root = tempDir();

  const project = (name: string): Promise<AppServices> => servicesWithProject(root, name);

  /** 2 s: 1 s of silence, then 1 s of a full-scale-ish square-free sine (mono 16 kHz wav). */
  function halfSilent(): string {
    const file = join(root, '半 silent "half".wav');
    if (!existsSync(file)) {
      sineWav(file, 300, 2, { rate: 16000, filter: "volume='if(lt(t,1),0,4)':eval=frame", channels: 1 });
    }
    return file;
  }

  it('adds a sound file as one undo step with the defaults; undo removes it, redo brings it back', async () => {
    const s = await project('add');
    const snap = await call(s, 'audio.add', { path: audioOnly(), lane: 'music', startFrame: 8 });
    expect(snap.audioItems).toHaveLength(1);
    const item = snap.audioItems[0]!;
    expect(item).toMatchObject({
      lane: 'music',
      startFrame: 8,
      inFrame: 0,
      outFrame: null,
      gainDb: 0,
      fadeInFrames: 0,
      fadeOutFrames: 0,
      duck: false,
    });
    expect(snap.assets.find((a) => a.id === item.assetId)?.info.kind).toBe('audio');
    expect(await call(s, 'history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'audio.add' });
    expect((await call(s, 'history.undo', {})).audioItems).toEqual([]);
    expect((await call(s, 'history.redo', {})).audioItems).toEqual([item]);
    // A video with a sound track is accepted too (its sound is used).
    const withVideo = await call(s, 'audio.add', { path: cfrClip(), lane: 'sfx' });
    const sfx = withVideo.audioItems.find((i) => i.lane === 'sfx')!;
    expect(withVideo.assets.find((a) => a.id === sfx.assetId)?.info).toMatchObject({ kind: 'video', hasAudio: true });
    expect((await call(s, 'media.waveform', { assetId: sfx.assetId, buckets: 16 })).peaks).toHaveLength(16);
  });

  it('refuses files without sound before importing them, with a clear sentence', async () => {
    const s = await project('refuse');
    const err = (p: string): Promise<{ code?: string; message: string }> =>
      call(s, 'audio.add', { path: p, lane: 'sfx' }).then(
        () => ({ message: 'no error' }),
        (e: unknown) => e as Error & { code: string },
      );
    const silent = await err(REAL_CLIPS.horse);
    expect(silent).toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    expect(silent.message).toMatch(
      /is a video without a sound track: an audio item needs an audio file or a video with sound/,
    );
    expect(await err(pngImage())).toMatchObject({
      code: 'MEDIA_UNSUPPORTED',
      message: expect.stringContaining('is an image'),
    });
    const snap = await call(s, 'project.current', {});
    expect(snap?.assets).toEqual([]);
    // A picture-only asset has no waveform.
    const shot = await call(s, 'shots.add', { videoPath: REAL_CLIPS.horse });
    const clipAsset = shot.snapshot.assets[0]!.id;
    expect(await call(s, 'media.waveform', { assetId: clipAsset }).catch((e: unknown) => e)).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(snap?.audioItems).toEqual([]);
  });

  it('updates as one undo step and validates in/out against the media and the gain range', async () => {
    const s = await project('update');
    const added = await call(s, 'audio.add', { path: audioOnly(), lane: 'voiceover' }); // 2 s = 16 frames
    const id = added.audioItems[0]!.id;
    const snap = await call(s, 'audio.update', {
      id,
      patch: { startFrame: 3, inFrame: 2, outFrame: 10, gainDb: -6.5, fadeInFrames: 2, fadeOutFrames: 3, lane: 'sfx' },
    });
    expect(snap.audioItems[0]).toMatchObject({
      id,
      startFrame: 3,
      inFrame: 2,
      outFrame: 10,
      gainDb: -6.5,
      fadeInFrames: 2,
      fadeOutFrames: 3,
      lane: 'sfx',
    });
    const cleared = await call(s, 'audio.update', { id, patch: { outFrame: null } });
    expect(cleared.audioItems[0]?.outFrame).toBeNull();

    const fail = (patch: MethodInput<'audio.update'>['patch']) =>
      call(s, 'audio.update', { id, patch }).catch((e: unknown) => e as { code: string; message: string });
    expect(await fail({ inFrame: 5, outFrame: 5 })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('must come after the in point'),
    });
    expect(await fail({ outFrame: 17 })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('past the end'),
    });
    expect(await fail({ inFrame: 16 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail({ gainDb: 13 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail({ gainDb: -61 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail({ lane: 'voiceover', duck: true })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('cannot duck under voice-over'),
    });
    // Failed updates changed nothing; one undo reverts only the outFrame clear.
    const undone = await call(s, 'history.undo', {});
    expect(undone.audioItems[0]).toMatchObject({ outFrame: 10, inFrame: 2, gainDb: -6.5 });
    expect(await call(s, 'audio.update', { id: 'nope', patch: { gainDb: 0 } }).catch((e: unknown) => e)).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('removes as one undo step; undo restores the item exactly', async () => {
    const s = await project('remove');
    const added = await call(s, 'audio.add', { path: audioOnly(), lane: 'sfx', startFrame: 4 });
    const item = added.audioItems[0]!;
    expect((await call(s, 'audio.remove', { id: item.id })).audioItems).toEqual([]);
    expect((await call(s, 'history.undo', {})).audioItems).toEqual([item]);
  });

  it('computes a waveform from the decoded sound and caches it per bucket count', async () => {
    const s = await project('wave 波形');
    const snap = await call(s, 'audio.add', { path: halfSilent(), lane: 'music' });
    const assetId = snap.audioItems[0]!.assetId;
    const wave = await call(s, 'media.waveform', { assetId, buckets: 20 });
    expect(wave.peaks).toHaveLength(20);
    expect(wave.durationSec).toBeCloseTo(2, 2);
    // Volume 0 for the first second, then a sine at 4 x 1/8 = 1/2 full scale.
    expect(Math.max(...wave.peaks.slice(0, 9))).toBeLessThan(0.01);
    for (const p of wave.peaks.slice(11)) expect(p).toBeGreaterThan(0.4);
    for (const p of wave.peaks.slice(11)) expect(p).toBeLessThan(0.6);
    const thumbs = join(snap.dir, 'media', 'thumbs');
    expect(readdirSync(thumbs)).toContain(`${assetId}.wave-20.json`);
    expect(await call(s, 'media.waveform', { assetId, buckets: 20 })).toEqual(wave);
    expect((await call(s, 'media.waveform', { assetId })).peaks).toHaveLength(800);
    // The PCM went to the project's tmp folder and is gone.
    expect(readdirSync(join(snap.dir, '.storyboard', 'tmp', 'waveform'))).toEqual([]);
    const bad = await call(s, 'media.waveform', { assetId, buckets: 8 }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
