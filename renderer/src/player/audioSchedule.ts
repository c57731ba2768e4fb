/**
 * When each audio item (music, voice-over, sound) sounds during preview, from where in its
 * file, and how loud: the same rules as the export mix (shared/export/audioMix.ts) — the item
 * starts at its start frame from its in point, stops at its out point (or the media's end),
 * its gain in dB, and linear fades counted in frames. Pure: the player and the tests use it.
 */
import { duckEnvelope, ducks, envelopeAt, voiceOverIntervals } from '../../../shared/export/ducking';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { framesToSeconds, type Fps } from '../../../shared/model/time';
import { audioBox } from '../timeline/audioModel';

/** One item resolved against its asset: where it sits on the timeline and in its file. */
export interface AudioSpan {
  id: string;
  lane: 'music' | 'voiceover' | 'sfx';
  /** The asset's media, relative to the project folder. */
  path: string;
  /** First timeline frame it sounds on. */
  start: number;
  /** Frames it sounds for (its out point or the media's end, whichever comes first). */
  frames: number;
  /** Its in point, in project frames from the media's start. */
  inFrame: number;
  /** Linear gain of its dB setting. */
  gain: number;
  fadeIn: number;
  fadeOut: number;
  /** Ducking under voice-over (shared/export/ducking.ts, as at export), in timeline frames; absent: none. */
  duck?: GainPoint[];
}

/** dB to a linear amplitude factor (0 dB = 1, -6 dB ≈ 0.5). */
export function dbToGain(db: number): number {
  return Number.isFinite(db) ? 10 ** (db / 20) : 0;
}

/** The items that can sound, in timeline order; items whose media is missing or silent are left out (export reports those). */
export function audioSpans(doc: Pick<ProjectSnapshot, 'audioItems' | 'assets' | 'project'>): AudioSpan[] {
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  const fps = doc.project.fps;
  const voiceOver = voiceOverIntervals(doc, fps);
  const spans: AudioSpan[] = [];
  for (const item of doc.audioItems) {
    const asset = assets.get(item.assetId);
    if (!asset || !(asset.info.kind === 'audio' || asset.info.hasAudio)) continue;
    const box = audioBox(item, asset, doc as ProjectSnapshot);
    if (box.frames <= 0) continue;
    const duck = ducks(item)
      ? duckEnvelope(voiceOver, framesToSeconds(box.start, fps), framesToSeconds(box.start + box.frames, fps)).map(
          (p) => ({ frame: (p.t * fps.num) / fps.den, gain: p.gain }),
        )
      : [];
    spans.push({
      id: item.id,
      lane: item.lane,
      path: asset.path,
      start: box.start,
      frames: box.frames,
      inFrame: box.inFrame,
      gain: dbToGain(item.gainDb),
      fadeIn: item.fadeInFrames,
      fadeOut: item.fadeOutFrames,
      ...(duck.length > 0 ? { duck } : {}),
    });
  }
  return spans.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}

/** The fade envelope (0..1) at `offset` frames into the span: linear ramps, as ffmpeg's afade. */
export function fadeEnvelope(span: AudioSpan, offset: number): number {
  if (offset < 0 || offset >= span.frames) return 0;
  // A fade longer than the item covers all of it (as at export).
  const fin = Math.min(span.fadeIn, span.frames);
  const fout = Math.min(span.fadeOut, span.frames);
  const up = fin > 0 ? Math.min(1, offset / fin) : 1;
  const down = fout > 0 ? Math.min(1, (span.frames - offset) / fout) : 1;
  return Math.max(0, Math.min(up, down));
}

/** The ducking factor at timeline frame `frame` (1 where the item does not duck). */
export function duckAt(span: AudioSpan, frame: number): number {
  return span.duck
    ? envelopeAt(
        span.duck.map((p) => ({ t: p.frame, gain: p.gain })),
        frame,
      )
    : 1;
}

export interface Audible {
  span: AudioSpan;
  /** Seconds into the media to play at this frame. */
  mediaSec: number;
  /** Linear gain at this frame: the item's gain times its fade envelope and ducking. */
  gain: number;
}

/** What `span` plays at timeline frame `frame` (fractional frames allowed), or null when silent there. */
export function audibleAt(span: AudioSpan, frame: number, fps: Fps): Audible | null {
  const offset = frame - span.start;
  if (!Number.isFinite(offset) || offset < 0 || offset >= span.frames) return null;
  return {
    span,
    mediaSec: ((span.inFrame + offset) * fps.den) / fps.num,
    gain: span.gain * fadeEnvelope(span, offset) * duckAt(span, frame),
  };
}

/** Every item that sounds at `frame`. */
export function audibleItems(spans: readonly AudioSpan[], frame: number, fps: Fps): Audible[] {
  const out: Audible[] = [];
  for (const s of spans) {
    const a = audibleAt(s, frame, fps);
    if (a) out.push(a);
  }
  return out;
}

export interface GainPoint {
  /** Timeline frame. */
  frame: number;
  gain: number;
}

/**
 * The gain automation from `frame` to the span's end: the value now, then each corner of the
 * fade and ducking envelopes still ahead. Linear ramps between these points reproduce the
 * envelope (exactly for fades and ducking alone; where a fade and a duck ramp overlap, their
 * product is approximated by a line), so a Web Audio GainNode is scheduled once per (re)sync
 * instead of stepped every frame.
 */
export function gainRamp(span: AudioSpan, frame: number): GainPoint[] {
  const offset = frame - span.start;
  if (!Number.isFinite(offset) || offset < 0 || offset >= span.frames) return [];
  const fin = Math.min(span.fadeIn, span.frames);
  const fout = Math.min(span.fadeOut, span.frames);
  const corners = new Set<number>([fin, span.frames - fout, span.frames]);
  // Overlapping fades meet where the two ramps cross.
  if (fin > 0 && fout > 0 && fin + fout > span.frames) corners.add((fin * span.frames) / (fin + fout));
  for (const p of span.duck ?? []) corners.add(p.frame - span.start);
  const at = (o: number): number => span.gain * fadeEnvelope(span, o) * duckAt(span, span.start + o);
  const points: GainPoint[] = [{ frame, gain: at(offset) }];
  for (const c of [...corners].filter((c) => c > offset && c >= 0 && c <= span.frames).sort((a, b) => a - b)) {
    // The end itself is silent (fadeEnvelope is 0 there); just before it is the last value.
    const g = c >= span.frames ? (fout > 0 ? 0 : span.gain * duckAt(span, span.start + c)) : at(c);
    points.push({ frame: span.start + c, gain: g });
  }
  return points;
}
