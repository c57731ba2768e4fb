/**
 * The cut as the hand-off writers see it (FCPXML, OTIO, EDL, MLT, JianYing): every shot with its
 * take's media, trim and place on the timeline, the transition into it, the shot's notes
 * (prompt, provider, model, seed) and its alternate takes, plus the audio lanes. Built from the
 * same timeline model as the MP4 export (timeline.ts cutList), so the hand-off and the MP4 agree
 * frame for frame. Pure: no I/O; paths stay relative to the project folder.
 */
import { keyedError } from '../errors.js';
import type { AudioItem, MediaInfo, ProjectSnapshot, Shot, Transition } from '../model/entities.js';
import type { Fps } from '../model/time.js';
import { clipSpan, cutFrames, cutList, takeFrames } from '../model/timeline.js';
import { shotLabel, shotParams } from '../export/plan.js';
import { namedText } from '../model/shotCaption.js';

export interface HandoffMedia {
  assetId: string;
  /** Relative to the project folder, forward slashes. */
  path: string;
  /** The file name the user knows the clip by. */
  originalName: string;
  info: MediaInfo;
  /** Whole frames of the media at the project rate. */
  mediaFrames: number;
}

export interface HandoffTake extends HandoffMedia {
  takeId: string;
  provider: string;
  model: string | null;
  seed: number | null;
}

export interface HandoffNotes {
  prompt: string;
  provider: string | null;
  model: string | null;
  seed: number | null;
  camera: Shot['camera'];
  dialogue: string;
  notes: string;
  sceneHeading: string | null;
}

export interface HandoffClip {
  /** 1-based, as the user counts shots. */
  number: number;
  shotId: string;
  /** The shot's title, else "Shot 3 "prompt..."". */
  name: string;
  take: HandoffTake;
  /** Trim on the take, project frames (out exclusive). */
  inFrames: number;
  outFrames: number;
  frames: number;
  /** Where the clip starts on the timeline (it starts `overlap` frames before the previous ends). */
  startFrame: number;
  transition: Transition['kind'];
  overlap: number;
  notes: HandoffNotes;
  /** The shot's other takes (not in the cut), newest last. */
  alternates: HandoffTake[];
}

export interface HandoffAudio extends HandoffMedia {
  id: string;
  lane: AudioItem['lane'];
  /** On the timeline, project frames; already cut to the end of the picture. */
  startFrame: number;
  inFrame: number;
  frames: number;
  gainDb: number;
  fadeInFrames: number;
  fadeOutFrames: number;
}

export interface HandoffCut {
  name: string;
  width: number;
  height: number;
  fps: Fps;
  totalFrames: number;
  clips: HandoffClip[];
  audio: HandoffAudio[];
}

export interface HandoffOptions {
  /** Leave the alternate takes out (collect --cut-only; writers then hold one take per shot). */
  cutOnly?: boolean;
}

function media(asset: ProjectSnapshot['assets'][number], fps: Fps): HandoffMedia {
  return {
    assetId: asset.id,
    path: asset.path,
    originalName: asset.originalName,
    info: asset.info,
    mediaFrames: takeFrames(asset, fps),
  };
}

/**
 * The cut for hand-off. Refuses (EXPORT_INVALID, one sentence naming the shot) a project with
 * no shots or a shot whose take is missing, like the MP4 export: an editor given a hole in the
 * cut would silently shift everything after it.
 */
export function buildHandoffCut(doc: ProjectSnapshot, opts: HandoffOptions = {}): HandoffCut {
  const { project } = doc;
  const fps = project.fps;
  const cut = cutList(doc);
  if (cut.length === 0)
    throw keyedError(
      'EXPORT_INVALID',
      'serviceErrors.exportNoShots',
      {},
      'The project has no shots: add a shot before exporting.',
    );
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  const scenes = new Map(doc.scenes.map((s) => [s.id, s]));
  const takeOf = (t: ProjectSnapshot['takes'][number]): HandoffTake | null => {
    const asset = assets.get(t.assetId);
    if (!asset || asset.info.kind === 'audio') return null;
    return { ...media(asset, fps), takeId: t.id, provider: t.provider, model: t.model, seed: t.seed };
  };
  const clips = cut.map((c, i): HandoffClip => {
    const number = i + 1;
    // Clip names are labels: the title with @tags as element names (shared/model/shotCaption.ts).
    const named = { title: namedText(c.shot.title, doc.elements), prompt: namedText(c.shot.prompt, doc.elements) };
    const label = shotLabel(named, number);
    if (!c.take || !c.asset || !c.trim) {
      throw keyedError(
        'EXPORT_INVALID',
        'serviceErrors.exportShot.noTake',
        shotParams(named, number),
        `${label} has no usable take: generate it or import a clip before handing off the cut.`,
        { shotId: c.shot.id },
      );
    }
    const take = takeOf(c.take);
    if (!take)
      throw keyedError(
        'EXPORT_INVALID',
        'serviceErrors.exportShot.audioPicture',
        shotParams(named, number),
        `${label} uses an audio file as its picture: select a video or image take.`,
        { shotId: c.shot.id },
      );
    const alternates = opts.cutOnly
      ? []
      : doc.takes
          .filter((t) => t.shotId === c.shot.id && t.id !== c.take?.id)
          .map(takeOf)
          .filter((t): t is HandoffTake => t !== null);
    const scene = c.shot.sceneId ? scenes.get(c.shot.sceneId) : undefined;
    return {
      number,
      shotId: c.shot.id,
      name: named.title || label,
      take,
      ...clipSpan(c, c.trim),
      notes: {
        prompt: c.shot.prompt,
        provider: c.take.provider,
        model: c.take.model,
        seed: c.take.seed ?? c.shot.seed,
        camera: c.shot.camera,
        dialogue: c.shot.dialogue,
        notes: c.shot.notes,
        sceneHeading: scene?.heading ?? null,
      },
      alternates,
    };
  });
  const totalFrames = cutFrames(clips);
  return {
    name: project.name,
    width: project.width,
    height: project.height,
    fps,
    totalFrames,
    clips,
    audio: audioItems(doc, fps, totalFrames, assets),
  };
}

function audioItems(
  doc: ProjectSnapshot,
  fps: Fps,
  totalFrames: number,
  assets: Map<string, ProjectSnapshot['assets'][number]>,
): HandoffAudio[] {
  const out: HandoffAudio[] = [];
  const sorted = [...doc.audioItems].sort((a, b) => a.startFrame - b.startFrame || a.id.localeCompare(b.id));
  for (const item of sorted) {
    const asset = assets.get(item.assetId);
    if (!asset || !(asset.info.kind === 'audio' || asset.info.hasAudio)) continue; // the MP4 export refuses these with a reason
    const m = media(asset, fps);
    const end = Math.min(item.outFrame ?? m.mediaFrames, m.mediaFrames);
    const frames = Math.min(end - item.inFrame, totalFrames - item.startFrame);
    if (frames < 1) continue;
    out.push({
      ...m,
      id: item.id,
      lane: item.lane,
      startFrame: item.startFrame,
      inFrame: item.inFrame,
      frames,
      gainDb: item.gainDb,
      fadeInFrames: item.fadeInFrames,
      fadeOutFrames: item.fadeOutFrames,
    });
  }
  return out;
}

/** One line per fact, for notes fields: "Prompt: …\nProvider: animatic\nModel: …\nSeed: 42". */
export function notesText(n: HandoffNotes): string {
  const lines = [`Prompt: ${n.prompt}`];
  if (n.provider) lines.push(`Provider: ${n.provider}`);
  if (n.model) lines.push(`Model: ${n.model}`);
  if (n.seed !== null) lines.push(`Seed: ${n.seed}`);
  lines.push(`Camera: ${n.camera}`);
  if (n.sceneHeading) lines.push(`Scene: ${n.sceneHeading}`);
  if (n.dialogue.trim()) lines.push(`Dialogue: ${n.dialogue}`);
  if (n.notes.trim()) lines.push(`Notes: ${n.notes}`);
  return lines.join('\n');
}

/**
 * Butt-edit view of the cut for formats whose tracks hold clips end to end with transitions
 * centred on (or starting at) the edit point (OTIO, FCPXML spines, CMX3600, JianYing): each
 * clip's visible part and the transition into it. Our model overlaps whole clips: shot B starts
 * `overlap` frames before A ends and both play in full. Cutting at B.start + before shows A up
 * to there (A keeps `after` frames of handle past its visible end) and B from its in + before
 * (B keeps `before` frames of handle before it); the transition spans before + after = overlap.
 * 'center': before = floor(overlap / 2); 'start' (CMX3600 dissolves start at the edit): 0.
 */
export interface EditPoint {
  clip: HandoffClip;
  /** Timeline frame where the clip's visible part starts (the edit point). */
  recordIn: number;
  /** Source frame (project rate, from the media start) at the edit point. */
  sourceIn: number;
  /** Visible frames up to the next edit point. */
  frames: number;
  /** The transition into this clip: frames before and after the edit point (0/0 for a cut). */
  before: number;
  after: number;
}

export function editPoints(cut: Pick<HandoffCut, 'clips'>, align: 'center' | 'start'): EditPoint[] {
  const split = cut.clips.map((c) => {
    const before = align === 'center' ? Math.floor(c.overlap / 2) : 0;
    return { before, after: c.overlap - before };
  });
  return cut.clips.map((clip, i) => {
    const { before, after } = split[i] ?? { before: 0, after: 0 };
    const nextAfter = split[i + 1]?.after ?? 0;
    const nextBefore = split[i + 1]?.before ?? 0;
    const recordIn = clip.startFrame + before;
    // The next clip's edit point: it starts `overlap` before our end, plus its own `before`.
    const nextOverlap = nextBefore + nextAfter;
    const recordOut = clip.startFrame + clip.frames - nextOverlap + nextBefore;
    return { clip, recordIn, sourceIn: clip.inFrames + before, frames: recordOut - recordIn, before, after };
  });
}
