/**
 * The key of a deliverable's finished sound (shared/export/deliveryAudio.ts): it changes with
 * everything that changes the samples (a shot's trim, a music item's gain, fade, ducking, a
 * muted track, the loudness target, the audio encoder) and stays the same when only pixels
 * change (a shot's framing, the picture codec), which is what lets a picture-only re-export skip
 * the mix and both loudness passes.
 */
import { describe, expect, it } from 'vitest';
import { findPreset, type Deliverable } from '../../../shared/export/deliverable.js';
import { audioInvocation, audioKeyMaterial } from '../../../shared/export/deliveryAudio.js';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { newAudioItem } from '../../../shared/model/factories.js';
import { makeDoc, mediaInfo } from './doc.js';

const YT = findPreset('youtube-1080p') as Deliverable;

function doc(edit: (d: ProjectSnapshot) => void = () => {}): ProjectSnapshot {
  const base = makeDoc([
    { trimOut: 48, info: { hasAudio: true } },
    { trimOut: 48, info: { hasAudio: true } },
  ]);
  const d: ProjectSnapshot = {
    ...base,
    assets: [
      ...base.assets,
      {
        id: 'music-asset',
        path: 'media/music.wav',
        originalName: 'music.wav',
        bytes: 100,
        origin: 'imported',
        info: mediaInfo({ kind: 'audio', hasAudio: true, width: 0, height: 0, durationSec: 10 }),
        createdAt: '2025-01-01T00:00:00.000Z',
      },
    ],
    audioItems: [newAudioItem({ id: 'music', lane: 'music', assetId: 'music-asset', startFrame: 0 })],
  };
  edit(d);
  return d;
}

const key = (d: ProjectSnapshot, dv: Deliverable = YT, version = 'ffmpeg 5.1') =>
  audioKeyMaterial(
    buildExportPlan(d, { outPath: '/o/cut.mp4', tempPath: '/o/.cut.tmp', quality: 'draft' }),
    dv,
    'draft',
    version,
    (rel) => `asset:${d.assets.find((a) => a.path === rel)?.id ?? rel}`,
  );

describe('the key of a deliverable sound', () => {
  const base = key(doc());

  it('is the same for the same cut, whatever the project folder', () => {
    expect(key(doc())).toBe(base);
    expect(base).not.toContain('/o/');
    expect(base).toContain('asset:music-asset');
  });

  it('stays when only pixels change: framing, picture codec', () => {
    expect(
      key(
        doc((d) => {
          const s = d.shots[0];
          if (s) s.framing = { '16:9': { mode: 'fill', x: 0.2, y: 0.5 } };
        }),
      ),
    ).toBe(base);
    expect(key(doc(), { ...YT, codec: 'hevc' })).toBe(base);
  });

  it.each<[string, (d: ProjectSnapshot) => void]>([
    ['a shot trim', (d) => Object.assign(d.shots[1] ?? {}, { trimInFrames: 6 })],
    ['a music gain', (d) => Object.assign(d.audioItems[0] ?? {}, { gainDb: -6 })],
    ['a music fade', (d) => Object.assign(d.audioItems[0] ?? {}, { fadeInFrames: 12 })],
    ['a music move', (d) => Object.assign(d.audioItems[0] ?? {}, { startFrame: 10 })],
    ['a muted music track', (d) => Object.assign(d.project, { trackStates: { music: { muted: true } } })],
    ['another music file', (d) => Object.assign(d.assets.at(-1) ?? {}, { id: 'other-asset' })],
  ])('changes with %s', (_what, edit) => {
    expect(
      key(
        doc((d) => {
          edit(d);
          for (const item of d.audioItems) if (item.assetId === 'music-asset') item.assetId = d.assets.at(-1)?.id ?? '';
        }),
      ),
    ).not.toBe(base);
  });

  it('changes with the loudness target, the audio encoder and the ffmpeg version', () => {
    expect(key(doc(), { ...YT, loudnessLufs: -23 })).not.toBe(base);
    expect(key(doc(), { ...YT, loudnessLufs: null })).not.toBe(base);
    expect(key(doc(), { ...YT, codec: 'prores', container: 'mov' })).not.toBe(base);
    expect(key(doc(), YT, 'ffmpeg 6.0')).not.toBe(base);
  });

  it('encodes pass 2 into an audio-only MOV', () => {
    const argv = toArgv(
      audioInvocation({
        mixPath: '/c/.mix.wav',
        loudnessFilter: 'volume=2.00dB',
        deliverable: YT,
        quality: 'draft',
        tempPath: '/c/.k.run.sbtmp',
        durationSec: 4,
      }),
    );
    expect(argv.join(' ')).toContain('[0:a:0]volume=2.00dB,aformat=channel_layouts=stereo[aout]');
    expect(argv.slice(-3)).toEqual(['-f', 'mov', '/c/.k.run.sbtmp']);
    expect(argv).toContain('aac');
  });
});
