/**
 * Project -> export plan: what goes into the cut, in order, with exact frame and sample counts,
 * validated before any process starts (codebases.md Synthesis §10). Pure: no I/O.
 */
import type { Quality } from '../api/contract.js';
import { AppError, keyedError } from '../errors.js';
import type { MediaInfo, ProjectSnapshot, Shot, Transition } from '../model/entities.js';
import type { Aspect } from '../model/format.js';
import { framingFor, type Framing } from '../model/framing.js';
import { fpsToString, fpsValue, framesToSeconds, type Fps } from '../model/time.js';
import { clipSpan, cutFrames, cutList, type CutShot } from '../model/timeline.js';
import { audibleDocument } from '../model/tracks.js';
import { planAudioItems, type ExportAudioItem } from './audioMix.js';
import { OUTPUT_CHANNELS, OUTPUT_PIXEL_FORMAT, OUTPUT_SAMPLE_RATE } from './presets.js';
import { clipSampleSpans } from './samples.js';
import type { Cue, SubtitleStyle } from './subtitles.js';

export type ExportContainer = 'mp4' | 'mov';

export interface ExportClip {
  /** 1-based position of the shot in the cut, as the user counts shots. */
  number: number;
  /** `Shot 3 "A cat on a..."`, for messages. */
  label: string;
  shotId: string;
  takeId: string;
  assetId: string;
  /** The asset's path relative to the project folder (forward slashes). */
  path: string;
  info: MediaInfo;
  /** Trim on the take, in project frames. */
  inFrames: number;
  outFrames: number;
  frames: number;
  /** Where the clip starts on the output timeline, in frames. */
  startFrame: number;
  /** Exact audio samples at the output rate (cumulative rounding, see samples.ts). */
  samples: number;
  /** The transition into this clip and the frames it really overlaps the previous one (timeline.ts). */
  transition: Transition['kind'];
  overlap: number;
  /** The overlap in audio samples (the acrossfade length). */
  overlapSamples: number;
  /** The take's own sound: gain in dB and mute (Take.audioGainDb / audioMuted); absent: 0 dB, on. */
  gainDb?: number;
  muted?: boolean;
  /** How the picture sits in the canvas: the shot's framing for the output's aspect (framing.ts). */
  framing: Framing;
}

export interface ExportPlan {
  outPath: string;
  tempPath: string;
  quality: Quality;
  container: ExportContainer;
  width: number;
  height: number;
  fps: Fps;
  pixelFormat: typeof OUTPUT_PIXEL_FORMAT;
  sampleRate: typeof OUTPUT_SAMPLE_RATE;
  channels: typeof OUTPUT_CHANNELS;
  totalFrames: number;
  durationSec: number;
  clips: ExportClip[];
  /** Audio items that sound inside the cut, mixed under the picture (audioMix.ts). */
  audioItems: ExportAudioItem[];
  /** Subtitles drawn into the picture (subtitles.ts burnChain); absent: none. */
  subtitles?: BurnIn;
}

/** What burning subtitles in needs: the cues, their style and a font that draws CJK. */
export interface BurnIn {
  cues: Cue[];
  style: SubtitleStyle;
  fontFile: string;
}

export interface ExportPlanOptions {
  outPath: string;
  tempPath: string;
  quality: Quality;
}

/** H.264 level 6.2 tops out at 8192 pixels a side; beyond that encoders and players refuse. */
export const MAX_OUTPUT_SIDE = 8192;
export const MIN_FPS = 1;
export const MAX_FPS = 120;

export function buildExportPlan(document: ProjectSnapshot, opts: ExportPlanOptions): ExportPlan {
  // Muted (or not soloed) tracks are left out of the mix: their items and the takes' own sound.
  const doc = audibleDocument(document);
  const { project } = doc;
  const container = containerFor(opts.outPath);
  validateOutput(project.width, project.height, project.fps);
  if (opts.tempPath === opts.outPath) {
    throw new AppError('EXPORT_INVALID', 'The temporary file must differ from the output file.');
  }
  const cut = cutList(doc);
  if (cut.length === 0) {
    throw keyedError(
      'EXPORT_INVALID',
      'serviceErrors.exportNoShots',
      {},
      'The project has no shots: add a shot before exporting.',
    );
  }
  const checked = cut.map((c, i) => checkClip(c, i + 1, project.aspect));
  const problems = checked.filter((x): x is string => typeof x === 'string');
  if (problems.length > 0) {
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more shot${problems.length > 2 ? 's' : ''} with problems)`
        : '';
    const first = checked.findIndex((x) => typeof x === 'string');
    const bad = cut[first];
    const params = {
      ...(bad ? shotParams(bad.shot, first + 1) : { number: first + 1, title: '' }),
      more: problems.length - 1,
    };
    throw keyedError(
      'EXPORT_INVALID',
      `serviceErrors.exportShot.${(bad && clipProblemKind(bad)) ?? 'noTake'}`,
      params,
      `${problems[0]}${more}`,
      { problems },
    );
  }
  const partial = checked.filter((x): x is Omit<ExportClip, 'samples' | 'overlapSamples'> => typeof x !== 'string');
  const spans = clipSampleSpans(partial, project.fps, OUTPUT_SAMPLE_RATE);
  const clips = partial.map((c, i): ExportClip => ({
    ...c,
    samples: spans[i]?.samples ?? 0,
    overlapSamples: spans[i]?.overlapSamples ?? 0,
  }));
  // Transitions overlap neighbours: the length is the end of the last clip, not the sum.
  const totalFrames = cutFrames(clips);
  const audio = planAudioItems(doc, project.fps, totalFrames);
  if (audio.problems.length > 0) {
    const n = audio.problems.length - 1;
    const more = n > 0 ? ` (and ${n} more audio item${n > 1 ? 's' : ''} with problems)` : '';
    throw new AppError('EXPORT_INVALID', `${audio.problems[0]}${more}`, { problems: audio.problems });
  }
  return {
    outPath: opts.outPath,
    tempPath: opts.tempPath,
    quality: opts.quality,
    container,
    width: project.width,
    height: project.height,
    fps: project.fps,
    pixelFormat: OUTPUT_PIXEL_FORMAT,
    sampleRate: OUTPUT_SAMPLE_RATE,
    channels: OUTPUT_CHANNELS,
    totalFrames,
    durationSec: framesToSeconds(totalFrames, project.fps),
    clips,
    audioItems: audio.items,
  };
}

/** The container follows the target's extension; anything else is refused, not guessed. */
export function containerFor(outPath: string): ExportContainer {
  const m = /\.(mp4|mov)$/i.exec(outPath);
  if (!m) {
    const name = outPath.split(/[\\/]/).pop() ?? outPath;
    throw keyedError(
      'EXPORT_INVALID',
      'serviceErrors.exportBadName',
      { name },
      `Cannot export to "${name}": the file name must end in .mp4 or .mov.`,
    );
  }
  return m[1]?.toLowerCase() === 'mov' ? 'mov' : 'mp4';
}

function validateOutput(width: number, height: number, fps: Fps): void {
  const size = `${width}x${height}`;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 2 ||
    height < 2 ||
    width > MAX_OUTPUT_SIDE ||
    height > MAX_OUTPUT_SIDE
  ) {
    throw new AppError(
      'EXPORT_INVALID',
      `Output size ${size} is out of range (2 to ${MAX_OUTPUT_SIDE} pixels a side).`,
    );
  }
  // 4:2:0 chroma covers 2x2 pixel blocks, so libx264 rejects odd sizes (mlt#256).
  if (width % 2 !== 0 || height % 2 !== 0) {
    throw new AppError('EXPORT_INVALID', `Output size ${size} has an odd side: H.264 needs an even width and height.`);
  }
  const v = fpsValue(fps);
  if (!(v >= MIN_FPS && v <= MAX_FPS)) {
    throw new AppError(
      'EXPORT_INVALID',
      `Frame rate ${fpsToString(fps)} is out of range (${MIN_FPS} to ${MAX_FPS} fps).`,
    );
  }
}

/** Why a shot cannot be exported (the i18n key is `serviceErrors.exportShot.<kind>`). */
export type ClipProblemKind =
  'noTake' | 'takeMissing' | 'mediaMissing' | 'audioPicture' | 'noPictureSize' | 'emptyTrim';

export function clipProblemKind(c: CutShot): ClipProblemKind | null {
  if (!c.shot.selectedTakeId) return 'noTake';
  if (!c.take) return 'takeMissing';
  if (!c.asset) return 'mediaMissing';
  if (c.asset.info.kind === 'audio') return 'audioPicture';
  if (c.asset.info.width < 1 || c.asset.info.height < 1) return 'noPictureSize';
  if (!c.trim || c.trim.frames < 1) return 'emptyTrim';
  return null;
}

const PROBLEM_TEXT: Record<ClipProblemKind, (c: CutShot) => string> = {
  noTake: () => 'has no take: generate it or import a clip.',
  takeMissing: () => 'selects a take that is not in the project: select another take.',
  mediaMissing: (c) =>
    `uses media that is missing from the project (asset ${c.take?.assetId.slice(0, 12) ?? '?'}): re-import the clip.`,
  audioPicture: () => 'uses an audio file as its picture: select a video or image take.',
  noPictureSize: () => 'uses media with no picture size: re-import the clip.',
  emptyTrim: () => 'is empty after trimming: widen its trim.',
};

/** The clip a shot contributes, or a sentence saying why it can't be exported. */
function checkClip(
  c: CutShot,
  number: number,
  aspect: Aspect,
): Omit<ExportClip, 'samples' | 'overlapSamples'> | string {
  const label = shotLabel(c.shot, number);
  const kind = clipProblemKind(c);
  if (kind || !c.take || !c.asset || !c.trim) return `${label} ${PROBLEM_TEXT[kind ?? 'noTake'](c)}`;
  const { info } = c.asset;
  return {
    number,
    label,
    shotId: c.shot.id,
    takeId: c.take.id,
    assetId: c.asset.id,
    path: c.asset.path,
    info,
    ...clipSpan(c, c.trim),
    ...(c.take.audioGainDb ? { gainDb: c.take.audioGainDb } : {}),
    ...(c.take.audioMuted ? { muted: true } : {}),
    framing: framingFor(c.shot.framing, aspect),
  };
}

/**
 * The shot's title, else its prompt, on one line and at most 32 characters (cut at a word
 * boundary when there is one; CJK text has none: cut at 32 characters), "..." when cut.
 */
export function shotText(shot: Pick<Shot, 'title' | 'prompt'>): string {
  const text = (shot.title.trim() || shot.prompt.trim()).replace(/\s+/g, ' ');
  const chars = [...text];
  if (chars.length <= 32) return text;
  const head = chars.slice(0, 32).join('');
  const space = chars[32] === ' ' ? head.length : head.lastIndexOf(' ');
  const excerpt = space > 16 ? head.slice(0, space) : head;
  return `${excerpt.trimEnd()}...`;
}

/** The parameters of a keyed message about one shot (serviceErrors.exportShot.*): its number and quoted title. */
export function shotParams(shot: Pick<Shot, 'title' | 'prompt'>, number: number): { number: number; title: string } {
  const text = shotText(shot);
  return { number, title: text ? ` “${text}”` : '' };
}

/** `Shot 3 "A cat on a windowsill..."`: number as the user counts, then title or prompt. */
export function shotLabel(shot: Pick<Shot, 'title' | 'prompt'>, number: number): string {
  const text = shotText(shot);
  return text ? `Shot ${number} "${text}"` : `Shot ${number}`;
}
