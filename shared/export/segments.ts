/**
 * Deliverable pictures in segments (design: fast re-export). The cut is split at its cuts into
 * segments: one shot, or shots joined by transitions (an overlap needs both neighbours in one
 * graph). Each segment is conformed, reframed, labelled and encoded once per deliverable; the
 * encoded segments of a deliverable join with the concat demuxer without re-encoding, since
 * every segment of it has the same encoder settings, size and rate.
 *
 * A segment's cache key covers everything that changes its pixels: the sources (asset ids are
 * content hashes), trims, framing, size, rate, encoder arguments, label, transition kinds and
 * overlaps inside it, the graph version and the ffmpeg version. Pure: the key is the JSON
 * material; the service hashes it.
 *
 * One ffmpeg per segment decodes each source once and splits the conformed picture into one
 * branch per deliverable that needs the segment (https://ffmpeg.org/ffmpeg-filters.html#split_002c-asplit).
 */
import type { FfmpegInvocation, FfmpegOutput } from '../ffmpeg/invocation.js';
import type { Framing } from '../model/framing.js';
import { fpsToString, framesToSeconds } from '../model/time.js';
import { clipInput } from './args.js';
import { fpsBeforeScale, placeChain } from './filters.js';
import type { ExportClip, ExportPlan } from './plan.js';
import { windowedXfadeChains, xfadeOf, type JoinStream } from './transitions.js';

/** Bump when the graph below changes what a segment looks like: old cache entries then miss. */
export const SEGMENT_GRAPH_VERSION = 2;

export interface SegmentGroup {
  /** Index in the plan's clips of the first clip, and how many clips. */
  first: number;
  count: number;
  /** Output frames of the segment (clip frames minus the overlaps inside it). */
  frames: number;
  /** Where it starts in the cut, in frames. */
  startFrame: number;
}

/** Clips joined by transitions stay together; a cut starts a new segment. */
export function segmentGroups(clips: readonly Pick<ExportClip, 'overlap' | 'startFrame' | 'frames'>[]): SegmentGroup[] {
  const groups: SegmentGroup[] = [];
  clips.forEach((c, i) => {
    const last = groups[groups.length - 1];
    if (!last || c.overlap === 0) {
      groups.push({ first: i, count: 1, frames: c.frames, startFrame: c.startFrame });
    } else {
      last.count += 1;
      last.frames = c.startFrame + c.frames - last.startFrame;
    }
  });
  return groups;
}

/** What one deliverable asks of a segment. */
export interface SegmentTarget {
  width: number;
  height: number;
  pixelFormat: string;
  /** Encoder arguments (codecs.ts). */
  codecArgs: string[];
  /** The label's drawtext filter, or null. */
  labelFilter: string | null;
  /** Framing of each clip of the group, in order. */
  framing: Framing[];
}

/** The JSON the cache key is the hash of. Same material = same pixels. */
export function segmentKeyMaterial(
  plan: Pick<ExportPlan, 'clips' | 'fps'>,
  group: SegmentGroup,
  target: SegmentTarget,
  ffmpegVersion: string,
): string {
  const clips = plan.clips.slice(group.first, group.first + group.count).map((c, k) => ({
    asset: c.assetId,
    kind: c.info.kind,
    in: c.inFrames,
    frames: c.frames,
    at: c.startFrame - group.startFrame,
    transition: k === 0 ? 'cut' : c.transition,
    overlap: k === 0 ? 0 : c.overlap,
    framing: target.framing[k],
    fpsFirst: fpsBeforeScale(c.info, plan.fps),
  }));
  return JSON.stringify({
    v: SEGMENT_GRAPH_VERSION,
    ffmpeg: ffmpegVersion,
    fps: plan.fps,
    size: [target.width, target.height],
    pix: target.pixelFormat,
    codec: target.codecArgs,
    label: target.labelFilter,
    clips,
  });
}

/** The filter graph of one segment: `[sv<j>]` is target j's finished picture. */
export function segmentGraph(
  plan: Pick<ExportPlan, 'clips' | 'fps'>,
  group: SegmentGroup,
  targets: readonly SegmentTarget[],
): string {
  const n = targets.length;
  if (n === 0) throw new RangeError('a segment needs at least one target');
  const chains: string[] = [];
  const fps = `fps=${fpsToString(plan.fps)}`;
  const clips = plan.clips.slice(group.first, group.first + group.count);
  clips.forEach((clip, k) => {
    const fpsFirst = fpsBeforeScale(clip.info, plan.fps);
    // Square pixels before the fit sees the display aspect (filters.ts); autorotate already ran.
    const pre = [...(fpsFirst ? [fps] : []), 'scale=iw*sar:ih', 'setsar=1'];
    const branches = targets.map((_, j) => `[p${k}_${j}]`).join('');
    chains.push(`[${k}:v:0]${pre.join(',')},${n > 1 ? `split=${n}` : 'null'}${branches}`);
    targets.forEach((t, j) => {
      const framing = t.framing[k];
      if (!framing) throw new RangeError(`no framing for clip ${k}`);
      chains.push(
        `[p${k}_${j}]${[
          ...placeChain(clip, { width: t.width, height: t.height, fps: plan.fps }, framing),
          'setsar=1',
          ...(fpsFirst ? [] : [fps]),
          `format=${t.pixelFormat}`,
          // Exactly `frames` frames (filters.ts videoChain explains tpad + trim).
          `tpad=stop_mode=clone:stop=${clip.frames}`,
          `trim=end_frame=${clip.frames}`,
          'setpts=PTS-STARTPTS',
        ].join(',')}[c${k}_${j}]`,
      );
    });
  });
  targets.forEach((t, j) => {
    if (clips.length === 1) {
      chains.push(`[c0_${j}]${t.labelFilter ?? 'null'}[sv${j}]`);
      return;
    }
    // As transitions.ts: only the overlapping frames go through xfade.
    const streams = clips.map((clip, k): JoinStream => {
      const xfade = k === 0 ? null : xfadeOf(clip.transition);
      if (k > 0 && !xfade) throw new RangeError(`clip ${k} of a segment does not start with a transition`);
      return { label: `c${k}_${j}`, frames: clip.frames, overlap: k === 0 ? 0 : clip.overlap, xfade };
    });
    chains.push(...windowedXfadeChains(streams, plan.fps, t.pixelFormat, `x${j}`, `w${j}_`));
    chains.push(`[x${j}]${t.labelFilter ?? 'null'}[sv${j}]`);
  });
  return chains.join(';');
}

/**
 * One ffmpeg for the segment: the group's clips as inputs, one output per target (its own
 * encoder). Outputs are MOV (any of our codecs, no audio: the sound is mixed for the whole cut).
 */
export function segmentInvocation(
  plan: ExportPlan,
  group: SegmentGroup,
  targets: readonly SegmentTarget[],
  outputs: readonly string[],
  resolveAbs: (rel: string) => string,
): FfmpegInvocation {
  if (outputs.length !== targets.length) throw new RangeError('one output per target');
  const clips = plan.clips.slice(group.first, group.first + group.count);
  const outputOptions = (j: number): string[] => [
    '-map',
    `[sv${j}]`,
    '-an',
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
    ...(targets[j]?.codecArgs ?? []),
    '-r',
    fpsToString(plan.fps),
    '-f',
    'mov',
  ];
  const extra: FfmpegOutput[] = outputs.slice(1).map((output, i) => ({ options: outputOptions(i + 1), output }));
  return {
    label: `segment ${group.first + 1}${group.count > 1 ? `-${group.first + group.count}` : ''}`,
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: clips.map((clip) => clipInput(clip, plan, resolveAbs)),
    filterComplex: segmentGraph(plan, group, targets),
    outputOptions: outputOptions(0),
    output: outputs[0] ?? '',
    ...(extra.length > 0 && { extraOutputs: extra }),
    durationSec: framesToSeconds(group.frames, plan.fps),
  };
}
