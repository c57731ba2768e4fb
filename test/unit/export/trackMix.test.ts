/**
 * The track header switches in the export mix (shared/model/tracks.ts through buildExportPlan):
 * a muted track's items never reach the ffmpeg graph or its inputs; once a track is soloed only
 * soloed tracks sound; a dialogue voice follows both its lane and the dialogue track.
 */
import { describe, expect, it } from 'vitest';
import { buildExportInvocation } from '../../../shared/export/args.js';
import { mixInvocation } from '../../../shared/export/deliveryArgs.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import type { AudioItem, ProjectSnapshot } from '../../../shared/model/entities.js';
import { newAudioItem } from '../../../shared/model/factories.js';
import type { TrackStates } from '../../../shared/model/tracks.js';
import { audioAsset } from '../../helpers/mediaInfo.js';
import { makeDoc } from './doc.js';

const AT = '2025-01-01T00:00:00.000Z';
const asset = (id: string, name: string) =>
  audioAsset(id, { audioChannels: 1, durationSec: 3 }, { path: `media/${name}`, originalName: name, createdAt: AT });

/** Two 48-frame clips with sound; one item per audio lane, and a voiced dialogue line. */
function doc(trackStates?: TrackStates): ProjectSnapshot {
  const base = makeDoc([
    { trimOut: 48, info: { hasAudio: true } },
    { trimOut: 48, info: { hasAudio: true } },
  ]);
  const item = (id: string, lane: AudioItem['lane']): AudioItem =>
    newAudioItem({ id, lane, assetId: `${id}-asset`, startFrame: 0 });
  return {
    ...base,
    project: { ...base.project, ...(trackStates ? { trackStates } : {}) },
    assets: [...base.assets, ...['music', 'vo', 'sfx', 'line'].map((id) => asset(`${id}-asset`, `${id}.wav`))],
    audioItems: [item('music', 'music'), item('vo', 'voiceover'), item('sfx', 'sfx'), item('line', 'voiceover')],
    dialogueLines: [
      {
        id: 'l1',
        shotId: 'shot-0',
        position: 0,
        speakerId: null,
        text: 'Hello',
        language: 'en',
        offsetFrames: 0,
        translation: '',
        voiceItemId: 'line',
        voiceKey: 'k',
      },
    ],
  };
}

const plan = (d: ProjectSnapshot) =>
  buildExportPlan(d, { outPath: '/out/cut.mp4', tempPath: '/out/.cut.tmp', quality: 'draft' });
const graph = (d: ProjectSnapshot) => buildExportInvocation(plan(d), (rel) => `/proj/${rel}`);
const sources = (d: ProjectSnapshot) => graph(d).inputs.map((i) => i.source);

describe('track switches in the export mix', () => {
  it('mixes every track when no switch is on', () => {
    expect(
      plan(doc())
        .audioItems.map((i) => i.id)
        .sort(),
    ).toEqual(['line', 'music', 'sfx', 'vo']);
    expect(graph(doc()).filterComplex).toContain('amix=inputs=5');
    expect(sources(doc())).toContain('/proj/media/music.wav');
  });

  it('leaves a muted track out of the inputs and the filter graph', () => {
    const d = doc({ music: { muted: true } });
    expect(
      plan(d)
        .audioItems.map((i) => i.id)
        .sort(),
    ).toEqual(['line', 'sfx', 'vo']);
    expect(sources(d)).not.toContain('/proj/media/music.wav');
    expect(graph(d).filterComplex).toContain('amix=inputs=4');
    // The delivery mix run is built from the same plan.
    const mix = mixInvocation(plan(d), '/out/mix.wav', (rel) => `/proj/${rel}`);
    expect(mix.inputs.map((i) => i.source)).not.toContain('/proj/media/music.wav');
  });

  it('keeps only soloed tracks once any is soloed', () => {
    const d = doc({ sfx: { solo: true } });
    expect(plan(d).audioItems.map((i) => i.id)).toEqual(['sfx']);
    // The takes' own sound (the shot track) is not soloed: both clips are silent sources.
    expect(plan(d).clips.every((c) => c.muted === true)).toBe(true);
    expect(graph(d).filterComplex).toContain('anullsrc');
    expect(graph(d).filterComplex).toContain('amix=inputs=2');
  });

  it('mutes the takes’ own sound with the shot track', () => {
    const d = doc({ shots: { muted: true } });
    expect(plan(d).clips.map((c) => c.muted)).toEqual([true, true]);
    expect(plan(d).audioItems).toHaveLength(4);
    expect(plan(doc()).clips.map((c) => c.muted ?? false)).toEqual([false, false]);
  });

  it('silences a dialogue voice with either its lane or the dialogue track, and solos it with either', () => {
    expect(
      plan(doc({ dialogue: { muted: true } }))
        .audioItems.map((i) => i.id)
        .sort(),
    ).toEqual(['music', 'sfx', 'vo']);
    expect(
      plan(doc({ voiceover: { muted: true } }))
        .audioItems.map((i) => i.id)
        .sort(),
    ).toEqual(['music', 'sfx']);
    expect(plan(doc({ dialogue: { solo: true } })).audioItems.map((i) => i.id)).toEqual(['line']);
    expect(
      plan(doc({ voiceover: { solo: true } }))
        .audioItems.map((i) => i.id)
        .sort(),
    ).toEqual(['line', 'vo']);
  });

  it('a soloed but muted track stays silent; lock changes nothing in the mix', () => {
    expect(plan(doc({ music: { solo: true, muted: true } })).audioItems).toEqual([]);
    expect(plan(doc({ music: { locked: true } })).audioItems).toHaveLength(4);
  });
});
