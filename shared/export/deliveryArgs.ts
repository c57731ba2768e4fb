/**
 * The two non-picture steps of a deliverables run (pure; the runner executes them):
 * - the mix: the cut's sound (clips, transitions' crossfades, music, voice-over, sound) mixed
 *   ONCE for every deliverable into a float WAV, measured by loudnorm pass 1 in the same run;
 * - the mux, per deliverable: the encoded segments joined by the concat demuxer without
 *   re-encoding, the deliverable's sound (deliveryAudio.ts: the mix with its loudness pass 2,
 *   encoded) copied beside them, metadata, to a temp file.
 */
import type { FfmpegInput, FfmpegInvocation } from '../ffmpeg/invocation.js';
import { framesToSeconds } from '../model/time.js';
import { clipInput } from './args.js';
import { audioItemInput, audioMixChains } from './audioMix.js';
import { audioCodecName, videoTagArgs } from './codecs.js';
import type { Deliverable } from './deliverable.js';
import { audioChain } from './filters.js';
import { measureFilter } from './loudness.js';
import type { ExportPlan } from './plan.js';
import { OUTPUT_SAMPLE_RATE } from './presets.js';
import { sampleAtFrame } from './samples.js';
import { transitionRuns } from './transitions.js';

/** Per-clip chains into `[a<i>]`, joined: concat per run of cuts, acrossfade between runs (as transitions.ts). */
function audioJoin(plan: ExportPlan, inputOf: (i: number) => number, out: string): string[] {
  const chains = plan.clips.map((clip, i) => audioChain(inputOf(i), clip, `a${i}`));
  const runs = transitionRuns(plan.clips);
  const labels = runs.map((run, r) => {
    const label = runs.length === 1 ? out : `ra${r}`;
    chains.push(`${run.map((i) => `[a${i}]`).join('')}concat=n=${run.length}:v=0:a=1[${label}]`);
    return label;
  });
  let acc = labels[0] ?? out;
  runs.forEach((run, r) => {
    if (r === 0) return;
    const first = plan.clips[run[0] ?? 0];
    const label = r === runs.length - 1 ? out : `xa${r}`;
    // https://ffmpeg.org/ffmpeg-filters.html#acrossfade: ns = the overlap in samples.
    chains.push(`[${acc}][${labels[r] ?? ''}]acrossfade=ns=${first?.overlapSamples ?? 0}[${label}]`);
    acc = label;
  });
  return chains;
}

/**
 * The mix run: clips with sound and the audio items as inputs (pictures are not decoded: no
 * video stream is used), one WAV out, loudnorm pass 1 on a split of the same mix. Its JSON report
 * comes on stderr when the graph closes (loudness.ts parseLoudnormReports).
 */
export function mixInvocation(
  plan: ExportPlan,
  mixPath: string,
  resolveAbs: (rel: string) => string,
): FfmpegInvocation {
  const inputs: FfmpegInput[] = [];
  const indexOf = new Map<number, number>();
  plan.clips.forEach((clip, i) => {
    if (clip.info.hasAudio) indexOf.set(i, inputs.push(clipInput(clip, plan, resolveAbs)) - 1);
  });
  const firstItem = inputs.length;
  inputs.push(...plan.audioItems.map((item) => audioItemInput(item, resolveAbs)));
  const mixed = plan.audioItems.length > 0;
  const totalSamples = sampleAtFrame(plan.totalFrames, plan.fps, OUTPUT_SAMPLE_RATE);
  const chains = [
    ...audioJoin(plan, (i) => indexOf.get(i) ?? 0, mixed ? 'apic' : 'amix'),
    ...audioMixChains(plan.audioItems, firstItem, 'apic', totalSamples, 'amix'),
    `[amix]asplit=2[mixout][meas]`,
    `[meas]${measureFilter()},anullsink`,
  ];
  return {
    label: 'mix',
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs:
      inputs.length > 0 ? inputs : [{ options: ['-f', 'lavfi'], source: `anullsrc=r=${OUTPUT_SAMPLE_RATE}:cl=stereo` }],
    filterComplex: chains.join(';'),
    outputOptions: ['-map', '[mixout]', '-c:a', 'pcm_f32le', '-f', 'wav'],
    output: mixPath,
    durationSec: plan.durationSec,
  };
}

export interface MuxOptions {
  listPath: string;
  /** The deliverable's finished sound (deliveryAudio.ts), copied as it is. */
  audioPath: string;
  deliverable: Deliverable;
  /** -metadata pairs (aiLabel.ts). */
  metadataArgs: string[];
  tempPath: string;
}

/** The deliverable's file: video packets copied from the segments, its sound copied too, metadata. */
export function muxInvocation(plan: Pick<ExportPlan, 'totalFrames' | 'fps'>, o: MuxOptions): FfmpegInvocation {
  const dv = o.deliverable;
  return {
    label: `deliverable ${dv.id}`,
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: [
      // The list's paths are absolute: -safe 0 (https://ffmpeg.org/ffmpeg-formats.html#concat-1).
      { options: ['-f', 'concat', '-safe', '0'], source: o.listPath },
      { options: [], source: o.audioPath },
    ],
    filterComplex: null,
    outputOptions: [
      '-map',
      '0:v:0',
      '-map',
      '1:a:0',
      '-c:v',
      'copy',
      ...videoTagArgs(dv.codec),
      '-c:a',
      'copy',
      '-map_metadata',
      '-1',
      '-map_chapters',
      '-1',
      ...o.metadataArgs,
      // faststart: index first; use_metadata_tags: keep our custom keys (aiLabel.ts).
      '-movflags',
      '+faststart+use_metadata_tags',
      '-f',
      dv.container,
    ],
    output: o.tempPath,
    durationSec: framesToSeconds(plan.totalFrames, plan.fps),
  };
}

/** ffprobe arguments for the output check: streams (codec, size, tag, frames counted) as JSON. */
export function deliverableProbeArgs(absPath: string): string[] {
  return [
    '-v',
    'error',
    '-count_packets',
    '-show_entries',
    'stream=codec_type,codec_name,codec_tag_string,width,height,nb_read_packets,sample_rate,channels',
    '-of',
    'json',
    absPath,
  ];
}

interface ProbedStream {
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  width?: number;
  height?: number;
  nb_read_packets?: string;
  sample_rate?: string;
  channels?: number;
}

/** Why the file is not the deliverable that was planned, or null (checked before the rename). */
export function deliverableProblem(
  probe: unknown,
  dv: Deliverable,
  size: { width: number; height: number },
  frames: number,
): string | null {
  const streams = (probe as { streams?: ProbedStream[] } | null)?.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  if (!v) return 'it has no video stream';
  if (v.codec_name !== dv.codec) return `its video is ${v.codec_name ?? 'unknown'}, not ${dv.codec}`;
  if (v.width !== size.width || v.height !== size.height)
    return `its picture is ${v.width ?? '?'}x${v.height ?? '?'}, not ${size.width}x${size.height}`;
  if (dv.codec === 'hevc' && v.codec_tag_string !== 'hvc1')
    return `its HEVC is tagged ${v.codec_tag_string ?? '?'}, not hvc1`;
  if (Number(v.nb_read_packets) !== frames) return `it has ${v.nb_read_packets ?? '?'} frames, not ${frames}`;
  if (!a) return 'it has no audio stream';
  if (a.codec_name !== audioCodecName(dv))
    return `its audio is ${a.codec_name ?? 'unknown'}, not ${audioCodecName(dv)}`;
  if (Number(a.sample_rate) !== OUTPUT_SAMPLE_RATE || a.channels !== 2)
    return `its audio is ${a.sample_rate ?? '?'} Hz ${a.channels ?? '?'} ch, not 48000 Hz stereo`;
  return null;
}
