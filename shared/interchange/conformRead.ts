/**
 * Reading a cut back from an editor: the video track of an OTIO file or the primary storyline of
 * an FCPXML file, as clips in order with their visible source range and the transitions around
 * them, in project frames. The inverse of otio.ts / fcpxml.ts (edit points centred on the cut:
 * the full trim is the visible range widened by the transitions' handles). Pure.
 */
import { create } from 'xmlbuilder2';
import { AppError } from '../errors.js';
import type { Fps } from '../model/time.js';

export interface ReadClip {
  /** The clip's name in the editor. */
  name: string;
  /** Our shot id when the file kept it (OTIO metadata.storyboard.shotId). */
  shotId: string | null;
  /** Media location as written (file URL or path). */
  media: string;
  /** Visible source in (project frames from the media start) and length. */
  sourceIn: number;
  frames: number;
  /** Frames of the transitions into and out of the clip that lie on each side of its edit points. */
  headHandle: number;
  tailHandle: number;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

function otioFrames(t: unknown, fps: Fps): number {
  const rt = obj(t);
  const rate = Number(rt.rate);
  const value = Number(rt.value);
  if (!Number.isFinite(rate) || rate <= 0 || !Number.isFinite(value))
    throw new AppError('INVALID_INPUT', 'The OTIO file has a time without a valid rate and value.');
  return Math.round((value * fps.num) / fps.den / rate);
}

export function readOtio(text: string, fps: Fps): ReadClip[] {
  let doc: Json;
  try {
    doc = obj(JSON.parse(text));
  } catch (err) {
    throw new AppError('INVALID_INPUT', `The OTIO file is not valid JSON: ${(err as Error).message}`);
  }
  if (!String(doc.OTIO_SCHEMA ?? '').startsWith('Timeline.'))
    throw new AppError('INVALID_INPUT', 'The OTIO file holds no Timeline.');
  const tracks = (obj(doc.tracks).children as unknown[] | undefined) ?? [];
  const video = tracks.map(obj).find((t) => t.kind === 'Video');
  if (!video) throw new AppError('INVALID_INPUT', 'The OTIO timeline has no video track.');
  const clips: ReadClip[] = [];
  let pendingHead = 0;
  for (const child of ((video.children as unknown[]) ?? []).map(obj)) {
    const schema = String(child.OTIO_SCHEMA ?? '');
    if (schema.startsWith('Transition.')) {
      const last = clips[clips.length - 1];
      if (last) last.tailHandle += otioFrames(child.out_offset, fps);
      pendingHead = otioFrames(child.in_offset, fps);
      continue;
    }
    if (!schema.startsWith('Clip.')) {
      pendingHead = 0;
      continue;
    }
    const range = obj(child.source_range);
    const refs = obj(child.media_references);
    const ref = obj(refs[String(child.active_media_reference_key ?? 'DEFAULT_MEDIA')] ?? child.media_reference);
    const shotId = obj(obj(child.metadata).storyboard).shotId;
    clips.push({
      name: String(child.name ?? ''),
      shotId: typeof shotId === 'string' ? shotId : null,
      media: String(ref.target_url ?? ''),
      sourceIn: otioFrames(range.start_time, fps),
      frames: otioFrames(range.duration, fps),
      headHandle: pendingHead,
      tailHandle: 0,
    });
    pendingHead = 0;
  }
  return clips;
}

/** FCPXML time ("0s", "5s", "1001/30000s") in project frames. */
export function fcpFrames(value: string | null, fps: Fps): number {
  if (!value) return 0;
  const m = /^(-?\d+)(?:\/(\d+))?s$/.exec(value.trim());
  if (!m)
    throw new AppError(
      'INVALID_INPUT',
      `The FCPXML file has a time "${value}" that is not a rational number of seconds.`,
    );
  const sec = Number(m[1]) / Number(m[2] ?? 1);
  return Math.round((sec * fps.num) / fps.den);
}

interface El {
  nodeName: string;
  childNodes: ArrayLike<El>;
  nodeType: number;
  getAttribute(name: string): string | null;
}

const children = (e: El): El[] => Array.from(e.childNodes).filter((c) => c.nodeType === 1);

function find(e: El, name: string): El | null {
  for (const c of children(e)) {
    if (c.nodeName === name) return c;
    const deep = find(c, name);
    if (deep) return deep;
  }
  return null;
}

export function readFcpxml(text: string, fps: Fps): ReadClip[] {
  let root: El;
  try {
    root = create(text).root().node as unknown as El;
  } catch (err) {
    throw new AppError('INVALID_INPUT', `The FCPXML file is not well-formed XML: ${(err as Error).message}`);
  }
  if (root.nodeName !== 'fcpxml')
    throw new AppError('INVALID_INPUT', 'The file is not FCPXML (its root element is not <fcpxml>).');
  const assets = new Map<string, { src: string; start: number }>();
  const resources = find(root, 'resources');
  for (const a of resources ? children(resources) : []) {
    if (a.nodeName !== 'asset') continue;
    const rep = children(a).find((c) => c.nodeName === 'media-rep');
    assets.set(a.getAttribute('id') ?? '', {
      src: rep?.getAttribute('src') ?? a.getAttribute('src') ?? '',
      start: fcpFrames(a.getAttribute('start'), fps),
    });
  }
  const sequence = find(root, 'sequence');
  const spine = sequence ? children(sequence).find((c) => c.nodeName === 'spine') : undefined;
  if (!spine) throw new AppError('INVALID_INPUT', 'The FCPXML file has no project sequence with a primary storyline.');
  const clips: ReadClip[] = [];
  let pending: { offset: number; duration: number } | null = null;
  for (const item of children(spine)) {
    if (item.nodeName === 'transition') {
      pending = {
        offset: fcpFrames(item.getAttribute('offset'), fps),
        duration: fcpFrames(item.getAttribute('duration'), fps),
      };
      continue;
    }
    const clip =
      item.nodeName === 'audition'
        ? children(item).find((c) => c.nodeName === 'asset-clip' || c.nodeName === 'clip' || c.nodeName === 'video')
        : item;
    if (!clip || !['asset-clip', 'video', 'clip'].includes(clip.nodeName)) {
      pending = null;
      continue;
    }
    const ref =
      clip.nodeName === 'clip'
        ? children(clip).find((c) => c.nodeName === 'video' || c.nodeName === 'asset-clip')
        : clip;
    const asset = assets.get(ref?.getAttribute('ref') ?? '');
    const offset = fcpFrames(item.getAttribute('offset') ?? clip.getAttribute('offset'), fps);
    let head = 0;
    if (pending) {
      head = Math.max(0, offset - pending.offset);
      const last = clips[clips.length - 1];
      if (last) last.tailHandle += Math.max(0, pending.duration - head);
    }
    clips.push({
      name: clip.getAttribute('name') ?? '',
      shotId: null,
      media: asset?.src ?? '',
      sourceIn: fcpFrames(clip.getAttribute('start'), fps) - (asset?.start ?? 0),
      frames: fcpFrames(clip.getAttribute('duration'), fps),
      headHandle: head,
      tailHandle: 0,
    });
    pending = null;
  }
  return clips;
}
