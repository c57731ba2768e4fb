/**
 * OpenTimelineIO JSON (.otio): read by DaVinci Resolve 18.5+, Premiere Pro through the OTIO
 * plugin, Nuke Studio/Hiero and Kdenlive's OTIO import. Schema names and fields follow the
 * serialized data model (OpenTimelineIO docs/tutorials/otio-serialized-schema-only-fields.md):
 * Timeline.1 > Stack.1 > Track.1 (kind Video / Audio) > Clip.2 | Gap.1 | Transition.1;
 * Clip.2 has media_references {DEFAULT_MEDIA: ExternalReference.1} and
 * active_media_reference_key; RationalTime.1 {rate, value}; TimeRange.1 {start_time,
 * duration}; Marker.2 {marked_range, color, comment}.
 * - V1 holds the shots end to end; a Transition.1 (SMPTE_Dissolve) sits between two clips with
 *   in_offset = the part before the edit point (over the outgoing clip) and out_offset = the
 *   part after it (handoffCut.ts editPoints 'center'), so the track lasts exactly the cut.
 * - A1 mirrors V1 with each take's own sound; A2..A4 are the music, voice-over and sound lanes.
 * - Each shot's notes (prompt, provider, model, seed) are a marker and clip metadata under
 *   "storyboard"; alternate takes are listed there too (OTIO has no audition object), each
 *   with its media URL, so an adapter or script can swap them in.
 */
import type { Fps } from '../model/time.js';
import { fpsValue } from '../model/time.js';
import { editPoints, notesText, type HandoffAudio, type HandoffCut, type HandoffMedia } from './handoffCut.js';
import { fileUrl, mediaPath } from './paths.js';
import { transitionLook } from '../model/transitionKinds.js';

type Json = Record<string, unknown>;

export interface OtioOptions {
  /** Absolute project folder ('' keeps the media URLs relative). */
  root: string;
}

export function rationalTime(frames: number, fps: Fps): Json {
  return { OTIO_SCHEMA: 'RationalTime.1', rate: fpsValue(fps), value: frames };
}

export function timeRange(start: number, duration: number, fps: Fps): Json {
  return { OTIO_SCHEMA: 'TimeRange.1', start_time: rationalTime(start, fps), duration: rationalTime(duration, fps) };
}

function reference(m: HandoffMedia, root: string, fps: Fps): Json {
  return {
    OTIO_SCHEMA: 'ExternalReference.1',
    name: m.originalName,
    target_url: fileUrl(mediaPath(root, m.path)),
    available_range: timeRange(0, m.mediaFrames, fps),
    available_image_bounds: null,
    metadata: {},
  };
}

function clip(
  name: string,
  m: HandoffMedia,
  range: Json,
  root: string,
  fps: Fps,
  extra: { markers?: Json[]; metadata?: Json } = {},
): Json {
  return {
    OTIO_SCHEMA: 'Clip.2',
    name,
    source_range: range,
    effects: [],
    markers: extra.markers ?? [],
    enabled: true,
    metadata: extra.metadata ?? {},
    media_references: { DEFAULT_MEDIA: reference(m, root, fps) },
    active_media_reference_key: 'DEFAULT_MEDIA',
  };
}

function gap(frames: number, fps: Fps): Json {
  return {
    OTIO_SCHEMA: 'Gap.1',
    name: '',
    source_range: timeRange(0, frames, fps),
    effects: [],
    markers: [],
    enabled: true,
    metadata: {},
  };
}

function track(name: string, kind: 'Video' | 'Audio', children: Json[]): Json {
  return {
    OTIO_SCHEMA: 'Track.1',
    name,
    kind,
    source_range: null,
    effects: [],
    markers: [],
    enabled: true,
    metadata: {},
    children,
  };
}

export function writeOtio(cut: HandoffCut, opts: OtioOptions): string {
  const { fps } = cut;
  const root = opts.root;
  const points = editPoints(cut, 'center');
  const video: Json[] = [];
  const ownAudio: Json[] = [];
  for (const p of points) {
    const c = p.clip;
    if (p.before + p.after > 0) {
      const tr = {
        OTIO_SCHEMA: 'Transition.1',
        name: transitionLook(c.transition)?.otioName ?? 'Cut',
        transition_type: 'SMPTE_Dissolve',
        in_offset: rationalTime(p.before, fps),
        out_offset: rationalTime(p.after, fps),
        metadata: { storyboard: { kind: c.transition } },
      };
      video.push(tr);
      ownAudio.push(tr);
    }
    const range = timeRange(p.sourceIn, p.frames, fps);
    const storyboard = {
      shotId: c.shotId,
      takeId: c.take.takeId,
      number: c.number,
      ...c.notes,
      alternates: c.alternates.map((a) => ({
        takeId: a.takeId,
        provider: a.provider,
        model: a.model,
        seed: a.seed,
        target_url: fileUrl(mediaPath(root, a.path)),
        available_range: timeRange(0, a.mediaFrames, fps),
      })),
    };
    const marker = {
      OTIO_SCHEMA: 'Marker.2',
      name: `Shot ${c.number}`,
      color: 'GREEN',
      comment: notesText(c.notes),
      marked_range: timeRange(p.sourceIn, 1, fps),
      metadata: {},
    };
    video.push(clip(c.name, c.take, range, root, fps, { markers: [marker], metadata: { storyboard } }));
    ownAudio.push(
      c.take.info.hasAudio
        ? clip(c.name, c.take, range, root, fps, { metadata: { storyboard: { shotId: c.shotId } } })
        : gap(p.frames, fps),
    );
  }
  const lanes: [HandoffAudio['lane'], string][] = [
    ['music', 'Music'],
    ['voiceover', 'Voice-over'],
    ['sfx', 'Sound'],
  ];
  const audioTracks = lanes.map(([lane, name]) =>
    track(
      name,
      'Audio',
      laneChildren(
        cut.audio.filter((a) => a.lane === lane),
        root,
        fps,
      ),
    ),
  );
  const timeline = {
    OTIO_SCHEMA: 'Timeline.1',
    name: cut.name,
    global_start_time: rationalTime(0, fps),
    metadata: { storyboard: { width: cut.width, height: cut.height, fps: cut.fps, totalFrames: cut.totalFrames } },
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      name: 'tracks',
      source_range: null,
      effects: [],
      markers: [],
      enabled: true,
      metadata: {},
      children: [track('V1', 'Video', video), track('A1', 'Audio', ownAudio), ...audioTracks],
    },
  };
  return `${JSON.stringify(timeline, null, 2)}\n`;
}

/** Items of one lane, in order, with gaps between; overlapping items are moved to follow the previous. */
function laneChildren(items: HandoffAudio[], root: string, fps: Fps): Json[] {
  const out: Json[] = [];
  let at = 0;
  for (const a of items) {
    const start = Math.max(a.startFrame, at);
    const frames = a.frames - (start - a.startFrame);
    if (frames < 1) continue;
    if (start > at) out.push(gap(start - at, fps));
    out.push(
      clip(a.originalName, a, timeRange(a.inFrame + (start - a.startFrame), frames, fps), root, fps, {
        metadata: {
          storyboard: {
            audioItemId: a.id,
            lane: a.lane,
            gainDb: a.gainDb,
            fadeInFrames: a.fadeInFrames,
            fadeOutFrames: a.fadeOutFrames,
          },
        },
      }),
    );
    at = start + frames;
  }
  return out;
}
