/**
 * Ducking: a music item flagged `duck` lowers while any voice-over plays, with short ramps,
 * as editors' auto-ducking does (Premiere, Resolve). ONE envelope for the export mix
 * (audioMix.ts, a `volume` expression) and the preview (Web Audio gain automation), so both
 * sound the same. Times are timeline seconds; gains are linear amplitude factors, and the
 * envelope is piecewise linear in them (what Web Audio's linearRampToValueAtTime does).
 * Pure and unit tested.
 */
import type { AudioItem, ProjectSnapshot } from '../model/entities.js';
import { floorFrames, framesToSeconds, type Fps } from '../model/time.js';

/** How far a ducking item goes down while voice-over plays. */
export const DUCK_DB = -12;
/** Linear factor of DUCK_DB (≈ 0.251). */
export const DUCK_GAIN = 10 ** (DUCK_DB / 20);
/** Length of the ramp down (ending at the voice-over's start) and up (starting at its end). */
export const DUCK_RAMP_SEC = 0.25;

/** A stretch of the timeline, in seconds: [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/** A corner of the envelope: timeline seconds, linear gain. Between corners: linear. */
export interface DuckPoint {
  t: number;
  gain: number;
}

/** Does this item duck? Only music and sound with the flag (a voice-over never ducks under itself). */
export function ducks(item: Pick<AudioItem, 'lane' | 'duck'>): boolean {
  return item.duck && item.lane !== 'voiceover';
}

/**
 * Where voice-over sounds, in timeline seconds: each voice-over item from its start for its
 * trimmed length (out point, or the media's end in whole frames, minus the in point). Items
 * whose media is missing or silent play nothing and are left out. Sorted, not merged.
 */
export function voiceOverIntervals(doc: Pick<ProjectSnapshot, 'audioItems' | 'assets'>, fps: Fps): Interval[] {
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  const out: Interval[] = [];
  for (const item of doc.audioItems) {
    if (item.lane !== 'voiceover') continue;
    const asset = assets.get(item.assetId);
    if (!asset || !(asset.info.kind === 'audio' || asset.info.hasAudio)) continue;
    const mediaFrames = Math.max(1, floorFrames(asset.info.durationSec, fps));
    const outFrame = Math.min(mediaFrames, item.outFrame ?? mediaFrames);
    const frames = outFrame - item.inFrame;
    if (frames <= 0) continue;
    out.push({ start: framesToSeconds(item.startFrame, fps), end: framesToSeconds(item.startFrame + frames, fps) });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Voice-over stretches merged where they overlap or where the gap between them is shorter
 * than a ramp up plus a ramp down (the music would only bob up for an instant).
 */
export function mergeIntervals(intervals: readonly Interval[], rampSec = DUCK_RAMP_SEC): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start - last.end <= 2 * rampSec) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/** The envelope's value at timeline second `t`, from merged voice-over stretches (not clamped to an item). */
export function duckGainAt(
  merged: readonly Interval[],
  t: number,
  rampSec = DUCK_RAMP_SEC,
  duckGain = DUCK_GAIN,
): number {
  let w = 0;
  for (const m of merged) {
    if (t <= m.start - rampSec || t >= m.end + rampSec) continue;
    w = t < m.start ? (t - (m.start - rampSec)) / rampSec : t > m.end ? (m.end + rampSec - t) / rampSec : 1;
    break; // merged stretches and their ramps never overlap
  }
  return 1 - (1 - duckGain) * w;
}

/**
 * The envelope of an item sounding over [itemStart, itemEnd) (timeline seconds): its value at
 * the item's start, every corner inside, and its value at the end. Empty when no voice-over
 * comes near the item (nothing to do). Linear interpolation between the points is the envelope.
 */
export function duckEnvelope(
  voiceOver: readonly Interval[],
  itemStart: number,
  itemEnd: number,
  rampSec = DUCK_RAMP_SEC,
): DuckPoint[] {
  if (!(itemEnd > itemStart)) return [];
  const merged = mergeIntervals(voiceOver, rampSec).filter(
    (m) => m.end + rampSec > itemStart && m.start - rampSec < itemEnd,
  );
  if (merged.length === 0) return [];
  const at = (t: number): DuckPoint => ({ t, gain: duckGainAt(merged, t, rampSec) });
  const points: DuckPoint[] = [at(itemStart)];
  for (const m of merged) {
    for (const c of [m.start - rampSec, m.start, m.end, m.end + rampSec]) {
      if (c > itemStart && c < itemEnd && c > points[points.length - 1]!.t) points.push(at(c));
    }
  }
  points.push(at(itemEnd));
  return points;
}

/** Linear interpolation of an envelope at `t` (1 outside it, or for an empty one). */
export function envelopeAt(points: readonly DuckPoint[], t: number): number {
  if (points.length === 0 || t < points[0]!.t || t > points[points.length - 1]!.t) return 1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (t <= b.t) return b.t === a.t ? b.gain : a.gain + ((b.gain - a.gain) * (t - a.t)) / (b.t - a.t);
  }
  return points[points.length - 1]!.gain;
}
