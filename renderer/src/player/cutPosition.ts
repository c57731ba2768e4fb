/**
 * Where the cut is at a frame: which shot, how far into it, and which second of the selected
 * take's media that is (the shot's trim honoured). Pure; the player and tests use it.
 */
import type { ProjectSnapshot, Transition } from '../../../shared/model/entities';
import { cutList } from '../../../shared/model/timeline';
import { TRANSITION_LOOKS, type OverlapKind } from '../../../shared/model/transitionKinds';
import { assertNever } from '../../../shared/assertNever';
import type { Fps } from '../../../shared/model/time';
import { shotFraming, slotBox, type SlotBox } from './framingBox';

export interface PlaySegment {
  shotId: string;
  /** First timeline frame of the shot. */
  startFrame: number;
  frames: number;
  /** The take's media, relative to the project folder; null while the shot has no take. */
  mediaPath: string | null;
  /** Trim in, in project frames from the media's start. */
  inFrames: number;
  hasAudio: boolean;
  /** The take's own sound is off (Take.audioMuted, or the shot track muted: shared/model/tracks.ts). */
  muted: boolean;
  /** Frames this shot overlaps the previous one (timeline.ts cutList), and how. */
  overlap: number;
  transition: Transition['kind'];
  /** Where the picture sits in the canvas (the shot's framing, as the export conforms it); null without media. */
  box: SlotBox | null;
}

export function playSegments(doc: Pick<ProjectSnapshot, 'project' | 'shots' | 'takes' | 'assets'>): PlaySegment[] {
  return cutList(doc).map((c) => ({
    shotId: c.shot.id,
    startFrame: c.startFrame,
    frames: c.frames,
    mediaPath: c.asset?.path ?? null,
    inFrames: c.trim?.inFrames ?? 0,
    hasAudio: c.asset?.info.hasAudio ?? false,
    muted: c.take?.audioMuted === true,
    overlap: c.overlap,
    transition: c.overlap > 0 ? c.shot.transitionIn.kind : 'cut',
    box:
      c.asset && c.asset.info.width > 0 && c.asset.info.height > 0
        ? slotBox(c.asset.info, doc.project, shotFraming(c.shot, doc.project.aspect))
        : null,
  }));
}

/** Same as the export's length: overlaps never push an end backwards, so the last end is the length. */
export function cutLength(segments: readonly PlaySegment[]): number {
  const last = segments[segments.length - 1];
  return last ? last.startFrame + last.frames : 0;
}

export interface CutPosition {
  index: number;
  segment: PlaySegment;
  /** Frames from the shot's first frame. */
  offset: number;
}

/**
 * The shot playing at `frame` (binary search; frames past the end are in no shot). Inside a
 * transition it is the outgoing shot: it plays to its end while the incoming one fades in
 * (transitionAt); at most two shots overlap (timeline.ts clamps each overlap to half a shot).
 */
export function locate(segments: readonly PlaySegment[], frame: number): CutPosition | null {
  if (!Number.isFinite(frame) || frame < 0) return null;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (frame < s.startFrame) hi = mid - 1;
    else if (frame >= s.startFrame + s.frames) lo = mid + 1;
    else {
      const prev = segments[mid - 1];
      if (prev && frame < prev.startFrame + prev.frames)
        return { index: mid - 1, segment: prev, offset: Math.floor(frame - prev.startFrame) };
      return { index: mid, segment: s, offset: Math.floor(frame - s.startFrame) };
    }
  }
  return null;
}

export interface TransitionPosition {
  /** Index of the incoming shot; the outgoing one is index − 1. */
  index: number;
  kind: OverlapKind;
  /** Frames into the incoming shot. */
  offset: number;
  /** The incoming shot's weight, as the export's xfade: frame k of an n-frame overlap is k/n. */
  progress: number;
}

/** The transition under `frame`, if any (the overlap [start, start + overlap) of a shot). */
export function transitionAt(segments: readonly PlaySegment[], frame: number): TransitionPosition | null {
  const pos = locate(segments, frame);
  if (!pos) return null;
  const next = segments[pos.index + 1];
  if (!next || next.overlap <= 0 || next.transition === 'cut' || frame < next.startFrame) return null;
  const offset = Math.floor(frame - next.startFrame);
  return { index: pos.index + 1, kind: next.transition, offset, progress: offset / next.overlap };
}

/**
 * Opacity of the outgoing and incoming pictures (the incoming one drawn on top, over black):
 * a crossfade lays the incoming picture over the outgoing one; a dip fades out to black in the
 * first half and in from black in the second (xfade's fade / fadeblack).
 */
export function transitionOpacity(kind: OverlapKind, progress: number): { from: number; to: number } {
  const p = Math.min(1, Math.max(0, progress));
  const picture = TRANSITION_LOOKS[kind].picture;
  switch (picture.style) {
    case 'dissolve':
      return { from: 1, to: p };
    case 'wipe':
    case 'slide':
      // Wipes and slides move or uncover whole pictures (transitionDraw).
      return { from: 1, to: 1 };
    case 'dip':
      return { from: Math.max(0, 1 - 2 * p), to: Math.max(0, 2 * p - 1) };
    default:
      return assertNever(picture, 'transition picture');
  }
}

/**
 * Volume of the outgoing and incoming sound: a linear crossfade, as the export's acrossfade;
 * a dip lets each follow its picture.
 */
export function transitionVolume(kind: OverlapKind, progress: number): { from: number; to: number } {
  if (TRANSITION_LOOKS[kind].picture.style === 'dip') return transitionOpacity(kind, progress);
  return { from: 1 - progress, to: progress };
}

/** How one picture is drawn during a transition, in fractions of the stage. */
export interface TransitionLayer {
  opacity: number;
  /** Shift of the picture (a slide), fractions of the stage's width and height. */
  shiftX: number;
  shiftY: number;
  /** The part of the stage where the picture shows (a wipe), fractions: [left, top, right, bottom]. */
  reveal: [number, number, number, number];
}

export interface TransitionDraw {
  from: TransitionLayer;
  to: TransitionLayer;
  /** What shows through where neither picture is drawn (a dip's colour). */
  backdrop: 'black' | 'white';
}

const WHOLE: [number, number, number, number] = [0, 0, 1, 1];
const DIRECTION = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] } as const;

/**
 * The transition as xfade draws it (checked against ffmpeg 5.1 frame grabs): a wipe uncovers
 * the incoming picture from the side opposite its direction (wipe_left: from the right edge,
 * the edge moving left); a slide moves both pictures in its direction, the incoming one
 * entering from the opposite side; dips fade through black or white (transitionOpacity).
 */
export function transitionDraw(kind: TransitionPosition['kind'], progress: number): TransitionDraw {
  const p = Math.min(1, Math.max(0, progress));
  const layer = (opacity: number, more: Partial<TransitionLayer> = {}): TransitionLayer => ({
    opacity,
    shiftX: 0,
    shiftY: 0,
    reveal: WHOLE,
    ...more,
  });
  const picture = TRANSITION_LOOKS[kind].picture;
  switch (picture.style) {
    case 'wipe': {
      const [dx, dy] = DIRECTION[picture.direction];
      const q = 1 - p;
      // The incoming picture's visible part grows from the side it comes from.
      const reveal: [number, number, number, number] = [dx < 0 ? q : 0, dy < 0 ? q : 0, dx > 0 ? p : 1, dy > 0 ? p : 1];
      return { from: layer(1), to: layer(1, { reveal }), backdrop: 'black' };
    }
    case 'slide': {
      const [dx, dy] = DIRECTION[picture.direction];
      return {
        from: layer(1, { shiftX: dx * p, shiftY: dy * p }),
        to: layer(1, { shiftX: -dx * (1 - p), shiftY: -dy * (1 - p) }),
        backdrop: 'black',
      };
    }
    case 'dissolve':
    case 'dip': {
      const o = transitionOpacity(kind, p);
      return { from: layer(o.from), to: layer(o.to), backdrop: picture.style === 'dip' ? picture.colour : 'black' };
    }
    default:
      return assertNever(picture, 'transition picture');
  }
}

/**
 * The media time to seek to for a frame of the shot. Aim at the middle of the frame: a seek
 * to its exact start can land on the previous frame after float rounding.
 */
export function mediaTime(segment: PlaySegment, offset: number, fps: Fps): number {
  return ((segment.inFrames + offset + 0.5) * fps.den) / fps.num;
}

/** The timeline frame a media time of the shot shows (clamped to the shot). */
export function frameAtMediaTime(segment: PlaySegment, seconds: number, fps: Fps): number {
  const mediaFrame = Math.floor((seconds * fps.num) / fps.den + 1e-6);
  const offset = Math.min(Math.max(0, mediaFrame - segment.inFrames), segment.frames);
  return segment.startFrame + offset;
}

/** A rectangle of the given aspect centred in a frame, as large as fits (safe-area guide). */
export function guideRect(
  frameW: number,
  frameH: number,
  aspect: string,
): { x: number; y: number; w: number; h: number } {
  const [a, b] = aspect.split(':').map(Number);
  if (!a || !b || frameW <= 0 || frameH <= 0) return { x: 0, y: 0, w: frameW, h: frameH };
  const ratio = a / b;
  const w = Math.min(frameW, frameH * ratio);
  const h = w / ratio;
  return { x: (frameW - w) / 2, y: (frameH - h) / 2, w, h };
}

/** 01:02:03:04 style timecode (hh:mm:ss:ff) at a whole-number-ish rate. */
export function timecode(frame: number, fps: Fps): string {
  const perSec = Math.max(1, Math.round(fps.num / fps.den));
  const f = Math.max(0, Math.floor(frame));
  const ff = f % perSec;
  const total = Math.floor(f / perSec);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}:${pad(ff)}`;
}
