import { describe, expect, it } from 'vitest';
import {
  DUCK_DB,
  DUCK_GAIN,
  DUCK_RAMP_SEC,
  duckEnvelope,
  duckGainAt,
  ducks,
  envelopeAt,
  mergeIntervals,
  voiceOverIntervals,
} from '../../../shared/export/ducking.js';
import type { AudioItem, ProjectSnapshot } from '../../../shared/model/entities.js';
import { newAudioItem } from '../../../shared/model/factories.js';
import { mediaInfo } from './doc.js';

const R = DUCK_RAMP_SEC;
const G = DUCK_GAIN;

describe('ducking constants', () => {
  it('ducks by -12 dB with quarter-second ramps', () => {
    expect(DUCK_DB).toBe(-12);
    expect(20 * Math.log10(G)).toBeCloseTo(-12, 9);
    expect(R).toBe(0.25);
  });
});

describe('voice-over intervals', () => {
  const asset = (id: string, durationSec: number, hasAudio = true) => ({
    id,
    path: `media/${id}.wav`,
    originalName: `${id}.wav`,
    bytes: 1,
    origin: 'imported' as const,
    createdAt: '',
    info: mediaInfo({ kind: 'audio', durationSec, hasAudio }),
  });
  const item = (over: Partial<AudioItem>): AudioItem =>
    newAudioItem({
      id: 'x',
      lane: 'voiceover',
      assetId: 'vo',
      ...over,
    });
  it('places each voice-over at its start for its trimmed length; ignores other lanes and missing media', () => {
    const doc = {
      assets: [asset('vo', 3), asset('long', 10)],
      audioItems: [
        item({ id: 'b', startFrame: 48, inFrame: 12, outFrame: 36 }), // 2 s, 1 s long
        item({ id: 'a', startFrame: 12, inFrame: 24 }), // 0.5 s, to the media end (72 frames): 2 s
        item({ id: 'm', lane: 'music', assetId: 'long' }),
        item({ id: 'gone', assetId: 'nowhere' }),
      ],
    } as unknown as Pick<ProjectSnapshot, 'audioItems' | 'assets'>;
    expect(voiceOverIntervals(doc, { num: 24, den: 1 })).toEqual([
      { start: 0.5, end: 2.5 },
      { start: 2, end: 3 },
    ]);
  });
  it('only non-voice-over items with the flag duck', () => {
    expect(ducks({ lane: 'music', duck: true })).toBe(true);
    expect(ducks({ lane: 'music', duck: false })).toBe(false);
    expect(ducks({ lane: 'voiceover', duck: true })).toBe(false);
  });
});

describe('merging', () => {
  it('merges overlaps and gaps shorter than two ramps, keeps longer gaps', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 6 },
        { start: 1, end: 2 },
        { start: 2.4, end: 3 },
        { start: 1.5, end: 1.8 },
      ]),
    ).toEqual([
      { start: 1, end: 3 },
      { start: 5, end: 6 },
    ]);
    expect(
      mergeIntervals([
        { start: 1, end: 2 },
        { start: 2.6, end: 3 },
      ]),
    ).toHaveLength(2);
    expect(mergeIntervals([{ start: 1, end: 1 }])).toEqual([]);
  });
});

describe('the envelope', () => {
  const vo = [{ start: 2, end: 3 }];
  it('ramps down before the voice-over, holds -12 dB during it and ramps up after', () => {
    expect(duckEnvelope(vo, 0, 10)).toEqual([
      { t: 0, gain: 1 },
      { t: 2 - R, gain: 1 },
      { t: 2, gain: G },
      { t: 3, gain: G },
      { t: 3 + R, gain: 1 },
      { t: 10, gain: 1 },
    ]);
    const merged = mergeIntervals(vo);
    expect(duckGainAt(merged, 2 - R / 2)).toBeCloseTo((1 + G) / 2);
    expect(duckGainAt(merged, 2.5)).toBe(G);
    expect(duckGainAt(merged, 3 + R)).toBe(1);
  });
  it('is clamped to the item: an item starting mid-ramp starts at the ramp value', () => {
    const env = duckEnvelope(vo, 2 - R / 2, 2.5);
    expect(env[0]!.t).toBe(2 - R / 2);
    expect(env[0]!.gain).toBeCloseTo((1 + G) / 2);
    expect(env.slice(1)).toEqual([
      { t: 2, gain: G },
      { t: 2.5, gain: G },
    ]);
    expect(envelopeAt(env, 2.25)).toBe(G);
    expect(envelopeAt(env, 2 - R / 4)).toBeCloseTo(duckGainAt(mergeIntervals(vo), 2 - R / 4));
  });
  it('is empty when no voice-over comes near the item', () => {
    expect(duckEnvelope(vo, 4, 8)).toEqual([]);
    expect(duckEnvelope(vo, 0, 2 - R)).toEqual([]);
    expect(duckEnvelope([], 0, 8)).toEqual([]);
    expect(duckEnvelope(vo, 5, 5)).toEqual([]);
  });
  it('stays down between voice-overs closer than the ramps', () => {
    const env = duckEnvelope(
      [
        { start: 1, end: 2 },
        { start: 2.3, end: 3 },
      ],
      0,
      5,
    );
    expect(env.map((p) => p.t)).toEqual([0, 1 - R, 1, 3, 3 + R, 5]);
    expect(envelopeAt(env, 2.15)).toBe(G);
  });
});
