import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { DUCK_GAIN, DUCK_RAMP_SEC } from '../../../../shared/export/ducking';
import { AudioItemsPlayer } from '../../../../renderer/src/player/audioItems';
import { audibleAt, audioSpans, gainRamp } from '../../../../renderer/src/player/audioSchedule';
import { AppProvider } from '../../../../renderer/src/app/context';
import { initI18n } from '../../../../renderer/src/i18n';
import { createAppStore } from '../../../../renderer/src/store/store';
import { AudioPanel, setDuck } from '../../../../renderer/src/timeline/AudioPanel';
import { fakeApi, makeSnapshot } from '../fixtures';
import { item, sound } from './audioDoc';
import { FakeAudio } from './fakeAudio';

const fps = { num: 24, den: 1 };
const RAMP = DUCK_RAMP_SEC * 24; // frames

/** Music from frame 0 for 10 s (gain -6 dB) and a voice-over trimmed to 1 s (24 frames) at frame 48. */
function spans(duck: boolean) {
  const doc = makeSnapshot([], {
    assets: [sound('bed', 10), sound('vo', 3)],
    audioItems: [
      item('bed', 'bed', { duck, gainDb: -6 }),
      item('vo', 'vo', { lane: 'voiceover', startFrame: 48, inFrame: 12, outFrame: 36 }),
    ],
  });
  return audioSpans(doc);
}

describe('ducking in the preview schedule', () => {
  it('lowers a ducking music item by the shared envelope while the voice-over plays', () => {
    const bed = spans(true).find((s) => s.id === 'bed')!;
    const g = bed.gain;
    expect(bed.duck!.map((p) => p.frame)).toEqual([0, 48 - RAMP, 48, 72, 72 + RAMP, 240]);
    expect(audibleAt(bed, 60, fps)!.gain).toBeCloseTo(g * DUCK_GAIN);
    expect(audibleAt(bed, 48 - RAMP / 2, fps)!.gain).toBeCloseTo((g * (1 + DUCK_GAIN)) / 2);
    expect(audibleAt(bed, 30, fps)!.gain).toBeCloseTo(g);
    const ramp = gainRamp(bed, 0.5);
    expect(ramp.map((p) => p.frame)).toEqual([0.5, 48 - RAMP, 48, 72, 72 + RAMP, 240]);
    expect(ramp.map((p) => p.gain)).toEqual(
      [g, g, g * DUCK_GAIN, g * DUCK_GAIN, g, g].map((x) => expect.closeTo(x, 9)),
    );
  });

  it('leaves the item alone with the flag off, and never ducks the voice-over itself', () => {
    const all = spans(false);
    expect(all.every((s) => s.duck === undefined)).toBe(true);
    const bed = all.find((s) => s.id === 'bed')!;
    expect(gainRamp(bed, 0.5).map((p) => p.frame)).toEqual([0.5, 240]);
    expect(audibleAt(bed, 60, fps)!.gain).toBeCloseTo(bed.gain);
  });
});

/** Web Audio stand-ins: the automation calls a GainNode's AudioParam receives. */
class FakeParam {
  calls: Array<[string, number, number]> = [];
  cancelScheduledValues(t: number) {
    this.calls.push(['cancel', 0, t]);
  }
  setValueAtTime(v: number, t: number) {
    this.calls.push(['set', v, t]);
  }
  linearRampToValueAtTime(v: number, t: number) {
    this.calls.push(['ramp', v, t]);
  }
}

class FakeContext {
  static last: FakeContext | null = null;
  currentTime = 100;
  destination = {};
  gains: Array<{ gain: FakeParam }> = [];
  constructor() {
    FakeContext.last = this;
  }
  resume() {
    return Promise.resolve();
  }
  createMediaElementSource() {
    return { connect: (n: unknown) => n };
  }
  createGain() {
    const node = { gain: new FakeParam(), context: this, connect: (n: unknown) => n };
    this.gains.push(node);
    return node;
  }
}

describe('the player schedules the ducking on the item gain node', () => {
  // The unit project runs in node: the player finds Web Audio on `window`.
  beforeEach(() => {
    vi.stubGlobal('window', { AudioContext: FakeContext });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('ramps relative to the playhead when playback starts, and again after a seek', () => {
    const bed = spans(true).find((s) => s.id === 'bed')!;
    const g = bed.gain;
    const el = new FakeAudio() as unknown as HTMLAudioElement;
    const p = new AudioItemsPlayer(fps);
    p.sync([{ span: bed, el }], 0, 1, 0);
    const ctx = FakeContext.last!;
    const param = ctx.gains[0]!.gain;
    const sec = (frames: number) => frames / 24;
    // Started at frame 0 (its middle, 0.5) with the context clock at 100 s.
    expect(param.calls).toEqual([
      ['cancel', 0, 100],
      ['set', g, 100],
      ['ramp', expect.closeTo(g, 9), expect.closeTo(100 + sec(48 - RAMP - 0.5), 9)],
      ['ramp', expect.closeTo(g * DUCK_GAIN, 9), expect.closeTo(100 + sec(48 - 0.5), 9)],
      ['ramp', expect.closeTo(g * DUCK_GAIN, 9), expect.closeTo(100 + sec(72 - 0.5), 9)],
      ['ramp', expect.closeTo(g, 9), expect.closeTo(100 + sec(72 + RAMP - 0.5), 9)],
      ['ramp', expect.closeTo(g, 9), expect.closeTo(100 + sec(240 - 0.5), 9)],
    ]);

    // A seek into the voice-over, later: rescheduled from the new playhead, already ducked.
    param.calls = [];
    ctx.currentTime = 250;
    p.sync([{ span: bed, el }], 60, 1, 5000);
    expect(param.calls[0]).toEqual(['cancel', 0, 250]);
    expect(param.calls[1]).toEqual(['set', expect.closeTo(g * DUCK_GAIN, 9), 250]);
    expect(param.calls[2]).toEqual(['ramp', expect.closeTo(g * DUCK_GAIN, 9), expect.closeTo(250 + sec(72 - 60.5), 9)]);
    expect(param.calls[3]).toEqual(['ramp', expect.closeTo(g, 9), expect.closeTo(250 + sec(72 + RAMP - 60.5), 9)]);

    // At double speed the same corners come twice as soon.
    param.calls = [];
    p.sync([{ span: bed, el }], 60, 2, 5100);
    const up = param.calls.find((c) => c[0] === 'ramp' && Math.abs(c[1] - g) < 1e-9)!;
    expect(up[2]).toBeCloseTo(250 + sec(72 + RAMP - 60.5) / 2, 9);
  });
});

describe('the "Duck under voice-over" toggle', () => {
  function doc(duck: boolean) {
    return makeSnapshot([], {
      assets: [sound('bed', 10), sound('vo', 3)],
      audioItems: [item('bed', 'bed', { duck }), item('vo', 'vo', { lane: 'voiceover', startFrame: 48 })],
    });
  }
  function render(duck: boolean): string {
    const store = createAppStore();
    store.getState().setSnapshot(doc(duck));
    vi.spyOn(store, 'getInitialState').mockImplementation(() => store.getState());
    const { api } = fakeApi({});
    return renderToStaticMarkup(
      <AppProvider value={{ api, store }}>
        <AudioPanel ctx={{ api, store }} />
      </AppProvider>,
    );
  }
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows one toggle per music item (none for voice-over), checked as stored, in English and Chinese', async () => {
    await initI18n('en');
    const on = render(true);
    expect(on.match(/data-testid="audio-duck-toggle"/g)).toHaveLength(1);
    expect(on).toMatch(
      /<input type="checkbox" class="styled-check" data-testid="audio-duck-toggle" data-id="bed" checked=""\/>/,
    );
    expect(on).toContain('Duck under voice-over: bed.wav');
    expect(render(false)).toMatch(
      /<input type="checkbox" class="styled-check" data-testid="audio-duck-toggle" data-id="bed"\/>/,
    );
    await initI18n('zh-CN');
    expect(render(true)).toContain('旁白时压低：bed.wav');
    await initI18n('en');
  });

  it('sends ONE audio.update with the flag and shows the new document, or answers the error', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(doc(false));
    const { api, calls } = fakeApi({ 'audio.update': () => doc(true) });
    expect(await setDuck({ api, store }, 'bed', true)).toBeNull();
    expect(calls).toEqual([{ method: 'audio.update', input: { id: 'bed', patch: { duck: true } } }]);
    expect(store.getState().snapshot!.audioItems[0]!.duck).toBe(true);
    const failing = fakeApi({
      'audio.update': () => {
        throw new AppError('NOT_FOUND', 'Audio item "bed" not found in this project.');
      },
    });
    expect(await setDuck({ api: failing.api, store }, 'bed', false)).toContain('not found');
  });
});
