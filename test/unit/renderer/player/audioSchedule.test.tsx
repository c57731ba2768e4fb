import { describe, expect, it } from 'vitest';
import { AudioItemsPlayer, DRIFT_FRAMES } from '../../../../renderer/src/player/audioItems';
import {
  audibleAt,
  audibleItems,
  audioSpans,
  dbToGain,
  fadeEnvelope,
  gainRamp,
  type AudioSpan,
} from '../../../../renderer/src/player/audioSchedule';
import { makeSnapshot } from '../fixtures';
import { item, sound } from './audioDoc';
import { FakeAudio } from './fakeAudio';

const fps = { num: 24, den: 1 };

function span(over: Partial<AudioSpan> = {}): AudioSpan {
  return {
    id: 's',
    lane: 'music',
    path: 'media/s.wav',
    start: 100,
    frames: 48,
    inFrame: 24,
    gain: 1,
    fadeIn: 0,
    fadeOut: 0,
    ...over,
  };
}

describe('audio spans of a document', () => {
  it('resolves in/out against the media, skips missing and silent media, sorts by start', () => {
    const doc = makeSnapshot([], {
      assets: [sound('long', 10), sound('short', 2), sound('mute', 5, 'video', false)],
      audioItems: [
        item('late', 'long', { startFrame: 48, inFrame: 24, outFrame: 72, gainDb: -6, fadeInFrames: 12 }),
        item('early', 'short', { lane: 'voiceover', startFrame: 10, inFrame: 12 }),
        item('gone', 'nowhere'),
        item('silent', 'mute'),
      ],
    });
    const spans = audioSpans(doc);
    expect(spans.map((s) => [s.id, s.lane, s.start, s.frames, s.inFrame, s.path])).toEqual([
      ['early', 'voiceover', 10, 48 - 12, 12, 'media/short.wav'],
      ['late', 'music', 48, 48, 24, 'media/long.wav'],
    ]);
    expect(spans[1]!.gain).toBeCloseTo(0.501, 3);
    expect(spans[1]!.fadeIn).toBe(12);
  });

  it('converts dB to linear gain', () => {
    expect(dbToGain(0)).toBe(1);
    expect(dbToGain(20)).toBeCloseTo(10);
    expect(dbToGain(-20)).toBeCloseTo(0.1);
    expect(dbToGain(Number.NEGATIVE_INFINITY)).toBe(0);
  });
});

describe('what sounds at a frame', () => {
  it('plays from in + (frame - start), only inside [start, start + frames)', () => {
    const s = span();
    expect(audibleAt(s, 99, fps)).toBeNull();
    expect(audibleAt(s, 100, fps)!.mediaSec).toBeCloseTo(1);
    expect(audibleAt(s, 112.5, fps)!.mediaSec).toBeCloseTo((24 + 12.5) / 24);
    expect(audibleAt(s, 147.9, fps)).not.toBeNull();
    expect(audibleAt(s, 148, fps)).toBeNull();
    expect(audibleAt(s, Number.NaN, fps)).toBeNull();
  });

  it('lists every overlapping item', () => {
    const a = span({ id: 'a', start: 0, frames: 50 });
    const b = span({ id: 'b', start: 40, frames: 50 });
    expect(audibleItems([a, b], 45, fps).map((x) => x.span.id)).toEqual(['a', 'b']);
    expect(audibleItems([a, b], 60, fps).map((x) => x.span.id)).toEqual(['b']);
    expect(audibleItems([a, b], 95, fps)).toEqual([]);
  });

  it('applies gain and linear fades in and out', () => {
    const s = span({ gain: 2, fadeIn: 10, fadeOut: 20 });
    expect(audibleAt(s, 100, fps)!.gain).toBe(0);
    expect(audibleAt(s, 105, fps)!.gain).toBeCloseTo(1);
    expect(audibleAt(s, 115, fps)!.gain).toBeCloseTo(2);
    expect(audibleAt(s, 138, fps)!.gain).toBeCloseTo(2 * (10 / 20));
    expect(fadeEnvelope(s, 47)).toBeCloseTo(1 / 20);
  });

  it('caps fades longer than the item, and overlapping fades meet', () => {
    const s = span({ frames: 10, fadeIn: 100, fadeOut: 0 });
    expect(fadeEnvelope(s, 5)).toBeCloseTo(0.5);
    const both = span({ frames: 20, fadeIn: 15, fadeOut: 15 });
    // Up 1/15 per frame, down from the end 1/15 per frame: they cross at frame 10.
    expect(fadeEnvelope(both, 10)).toBeCloseTo(10 / 15);
    expect(fadeEnvelope(both, 12)).toBeCloseTo(8 / 15);
  });
});

describe('gain automation', () => {
  it('is the envelope sampled at its corners from now on', () => {
    const s = span({ gain: 0.5, fadeIn: 10, fadeOut: 20 });
    expect(gainRamp(s, 100)).toEqual([
      { frame: 100, gain: 0 },
      { frame: 110, gain: 0.5 },
      { frame: 128, gain: 0.5 },
      { frame: 148, gain: 0 },
    ]);
    const mid = gainRamp(s, 130);
    expect(mid[0]!.frame).toBe(130);
    expect(mid[0]!.gain).toBeCloseTo(0.5 * (18 / 20));
    expect(mid.slice(1)).toEqual([{ frame: 148, gain: 0 }]);
    expect(gainRamp(s, 148)).toEqual([]);
  });

  it('holds a flat item at its gain to the end, and every ramp point lies on the envelope', () => {
    expect(gainRamp(span({ gain: 0.8 }), 120)).toEqual([
      { frame: 120, gain: 0.8 },
      { frame: 148, gain: 0.8 },
    ]);
    const both = span({ frames: 20, fadeIn: 15, fadeOut: 15 });
    for (const p of gainRamp(both, 100).slice(0, -1)) expect(p.gain).toBeCloseTo(fadeEnvelope(both, p.frame - 100));
    expect(gainRamp(both, 100).map((p) => p.frame)).toContain(110);
  });
});

function fake(): FakeAudio {
  const f = new FakeAudio();
  return new Proxy(f, {
    set(target, prop, value) {
      if (prop === 'currentTime') target.seeks.push(value as number);
      return Reflect.set(target, prop, value);
    },
  });
}

describe('the audio items player (no Web Audio: volume stepping)', () => {
  const s = span({ gain: 0.5, fadeIn: 0 });
  const el = () => fake();
  const as = (f: FakeAudio) => f as unknown as HTMLAudioElement;

  it('starts an item at the right offset when the playhead enters it, and stops it after', () => {
    const a = el();
    const p = new AudioItemsPlayer(fps);
    p.sync([{ span: s, el: as(a) }], 90, 1, 0);
    expect(a.paused).toBe(true);
    p.sync([{ span: s, el: as(a) }], 112, 1, 1000);
    expect(a.paused).toBe(false);
    expect(a.currentTime).toBeCloseTo((24 + 12.5) / 24);
    expect(a.volume).toBeCloseTo(0.5);
    p.sync([{ span: s, el: as(a) }], 148, 1, 2000);
    expect(a.paused).toBe(true);
  });

  it('leaves a running item alone within the drift tolerance and re-seeks beyond it', () => {
    const a = el();
    const p = new AudioItemsPlayer(fps);
    p.sync([{ span: s, el: as(a) }], 110, 1, 0);
    const expectedAt = (frame: number) => (24 + frame + 0.5 - 100) / 24;
    // One frame off: inside the tolerance.
    a.seekTo(expectedAt(120) + 1 / 24);
    a.seeks = [];
    p.sync([{ span: s, el: as(a) }], 120, 1, 1000);
    expect(a.seeks).toEqual([]);
    // A scrub: the playhead jumps 10 frames ahead of the sound.
    p.sync([{ span: s, el: as(a) }], 131, 1, 2000);
    expect(a.seeks).toHaveLength(1);
    expect(a.currentTime).toBeCloseTo(expectedAt(131));
    expect(DRIFT_FRAMES).toBeGreaterThanOrEqual(1);
  });

  it('follows the transport rate, keeps silent in reverse and stops on pause', () => {
    const a = el();
    const p = new AudioItemsPlayer(fps);
    p.sync([{ span: s, el: as(a) }], 110, 2, 0);
    expect(a.playbackRate).toBe(2);
    p.sync([{ span: s, el: as(a) }], 110, -1, 100);
    expect(a.paused).toBe(true);
    p.sync([{ span: s, el: as(a) }], 110, 1, 1000);
    expect(a.paused).toBe(false);
    p.stop([as(a)]);
    expect(a.paused).toBe(true);
  });
});
