/**
 * Plays the audio items under the preview: one <audio> element per item, routed through a
 * Web Audio GainNode (MediaElementAudioSourceNode) so gains above 0 dB and sample-smooth fades
 * work; where Web Audio is missing the element's volume is stepped instead (capped at 1).
 *
 * The picture's clock is the master: the video drives the playhead (usePlayback), and every
 * item follows the playhead. An item is (re)seeked when it starts, after a seek or scrub, or
 * when it drifts more than DRIFT_FRAMES from where the playhead says it should be.
 */
import type { Fps } from '../../../shared/model/time';
import { audibleAt, gainRamp, type AudioSpan } from './audioSchedule';

/**
 * The playhead is a whole frame (floored), so the true position is within one frame of it:
 * compare against its middle and allow one frame of drift on top of that half frame.
 */
export const DRIFT_FRAMES = 1.5;
/** A seek takes a moment to land; don't judge drift again before this. */
const RESYNC_GAP_MS = 300;

interface Voice {
  el: HTMLAudioElement;
  gain: GainNode | null;
  /** performance.now() of the last seek/start, to let it settle. */
  syncedAt: number;
  /** The rate the gain ramps were scheduled for (a rate change reschedules them). */
  rate: number;
}

let sharedContext: AudioContext | null = null;

/** One AudioContext for the window (browsers cap how many may exist), made on first play. */
function audioContext(): AudioContext | null {
  if (sharedContext) return sharedContext;
  const Ctor = typeof window !== 'undefined' ? window.AudioContext : undefined;
  if (!Ctor) return null;
  try {
    sharedContext = new Ctor();
  } catch {
    return null;
  }
  return sharedContext;
}

/** The graph of each element, kept with the element: it can feed only one source node, ever. */
const graphs = new WeakMap<HTMLAudioElement, GainNode | null>();

function gainNodeOf(el: HTMLAudioElement): GainNode | null {
  if (graphs.has(el)) return graphs.get(el) ?? null;
  const ctx = audioContext();
  let gain: GainNode | null = null;
  if (ctx) {
    try {
      const src = ctx.createMediaElementSource(el);
      gain = ctx.createGain();
      src.connect(gain).connect(ctx.destination);
    } catch {
      gain = null;
    }
  }
  graphs.set(el, gain);
  return gain;
}

export class AudioItemsPlayer {
  private voices = new Map<HTMLAudioElement, Voice>();

  constructor(private readonly fps: Fps) {}

  private voice(el: HTMLAudioElement): Voice {
    let v = this.voices.get(el);
    if (!v) {
      v = { el, gain: gainNodeOf(el), syncedAt: -Infinity, rate: 0 };
      this.voices.set(el, v);
    }
    return v;
  }

  /** Puts the item's fade/gain automation on the node from `frame`, at playback `rate`. */
  private schedule(v: Voice, span: AudioSpan, frame: number, rate: number): void {
    const points = gainRamp(span, frame);
    if (!v.gain || points.length === 0) return;
    const ctx = v.gain.context;
    const now = ctx.currentTime;
    const param = v.gain.gain;
    param.cancelScheduledValues(now);
    param.setValueAtTime(points[0]!.gain, now);
    const secPerFrame = this.fps.den / this.fps.num / Math.max(rate, 1e-6);
    for (const p of points.slice(1)) param.linearRampToValueAtTime(p.gain, now + (p.frame - frame) * secPerFrame);
    v.rate = rate;
  }

  /**
   * Brings every item to the state the playhead asks for. `frame` is the playhead (whole
   * frames), `rate` the transport rate (0 = paused; reverse play keeps items silent).
   */
  sync(
    items: ReadonlyArray<{ span: AudioSpan; el: HTMLAudioElement }>,
    frame: number,
    rate: number,
    now: number,
  ): void {
    const at = frame + 0.5;
    for (const { span, el } of items) {
      const a = rate > 0 ? audibleAt(span, at, this.fps) : null;
      if (!a) {
        if (!el.paused) el.pause();
        continue;
      }
      const v = this.voice(el);
      // A start that was refused (no media yet, autoplay) is retried after a pause, not every frame.
      if (el.paused && now - v.syncedAt < RESYNC_GAP_MS) continue;
      const drift = Math.abs(el.currentTime - a.mediaSec) * (this.fps.num / this.fps.den);
      const settled = now - v.syncedAt > RESYNC_GAP_MS && !el.seeking;
      const starting = el.paused;
      // Fast play moves the playhead several frames per screen refresh: allow as much more.
      if (starting || (settled && drift > DRIFT_FRAMES * Math.max(1, rate))) {
        el.currentTime = a.mediaSec;
        v.syncedAt = now;
        this.schedule(v, span, at, rate);
      }
      if (el.playbackRate !== rate) {
        el.playbackRate = rate;
        this.schedule(v, span, at, rate);
      } else if (v.rate !== rate) this.schedule(v, span, at, rate);
      if (!v.gain) el.volume = Math.min(1, Math.max(0, a.gain));
      if (starting) this.start(el);
    }
  }

  private start(el: HTMLAudioElement): void {
    void audioContext()
      ?.resume()
      .catch(() => undefined);
    // Autoplay rules may refuse sound without a gesture: keep time muted rather than not at all
    // (and try with sound again at the next start).
    el.muted = false;
    el.play().catch(() => {
      el.muted = true;
      return el.play().catch(() => undefined);
    });
  }

  /** Pauses every item (transport stopped, player gone). */
  stop(els: Iterable<HTMLAudioElement>): void {
    for (const el of els) if (!el.paused) el.pause();
    for (const v of this.voices.values()) {
      v.syncedAt = -Infinity;
      v.rate = 0;
    }
  }
}
