/**
 * Checks a stream-copied export BEFORE it may replace the target: a copy that went wrong
 * (design.md §7: a mismatched copy "succeeds" with a wrong duration) must never reach the
 * user. One ffprobe run that does not decode: the streams, the format and every packet's
 * timestamps. Pure; the service runs the probe and falls back to re-encoding on a problem.
 */
import { parseRatio, type Ratio } from '../media/rational.js';
import { fpsToString, framesToSeconds } from '../model/time.js';
import { AAC_FRAME, audioCopyPacketCount, type AudioCopyClip } from './audioCopy.js';
import { ticksPerFrame } from './copy.js';
import type { ExportPlan } from './plan.js';
import { OUTPUT_CHANNELS, OUTPUT_PIXEL_FORMAT, OUTPUT_SAMPLE_RATE } from './presets.js';

/**
 * Streams, format and each packet's stream index and timestamps, in one process: listing
 * packets is a demux pass (no decode), and on a short export ffprobe's start-up costs more
 * than the reading, so one run instead of two (measured: EXP-3 in test/bench/results.md).
 * Packets of every stream are listed (the audio ones are dropped by videoPacketsCsv):
 * `-select_streams` would also hide the audio stream the check needs.
 */
export function outputProbeArgs(absPath: string): string[] {
  return [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-show_entries',
    'packet=stream_index,pts,dts',
    '-print_format',
    'json=compact=1',
    '-i',
    absPath,
  ];
}

/**
 * The video packets of outputProbeArgs() output as one "pts,dts" line each, in decode order
 * ("N/A" where ffprobe left a timestamp out), for packetProblem().
 */
export function videoPacketsCsv(probeJson: unknown): string {
  const root = (typeof probeJson === 'object' && probeJson !== null ? probeJson : {}) as {
    streams?: unknown;
    packets?: unknown;
  };
  const streams = Array.isArray(root.streams) ? (root.streams as Stream[]) : [];
  const video = streams.find((s) => s.codec_type === 'video');
  if (video === undefined || typeof video.index !== 'number') return '';
  const packets = Array.isArray(root.packets)
    ? (root.packets as { stream_index?: unknown; pts?: unknown; dts?: unknown }[])
    : [];
  const ts = (v: unknown): string => (typeof v === 'number' ? String(v) : 'N/A');
  return packets
    .filter((p) => typeof p === 'object' && p !== null && p.stream_index === video.index)
    .map((p) => `${ts(p.pts)},${ts(p.dts)}\n`)
    .join('');
}

interface Stream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  sample_aspect_ratio?: string;
  r_frame_rate?: string;
  time_base?: string;
  duration?: string;
  start_time?: string;
  sample_rate?: string;
  channels?: number;
}

type CheckedPlan = Pick<ExportPlan, 'width' | 'height' | 'fps' | 'totalFrames'>;

/** The first problem with the packets' timing, or null when they are exactly n frames at fps. */
export function packetProblem(csv: string, plan: CheckedPlan, timeBase: Ratio): string | null {
  const lines = csv
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length !== plan.totalFrames) return `it has ${lines.length} video frames, ${plan.totalFrames} expected`;
  const step = ticksPerFrame(timeBase, plan.fps);
  if (step === null) return `its time base ${timeBase.num}/${timeBase.den} can't hold a frame exactly`;
  const pts: number[] = [];
  let lastDts = Number.NEGATIVE_INFINITY;
  for (const [i, line] of lines.entries()) {
    const [p, d] = line.split(',').map((x) => (/^-?\d+$/.test(x ?? '') ? Number(x) : Number.NaN));
    if (p === undefined || d === undefined || Number.isNaN(p) || Number.isNaN(d))
      return `video packet ${i} has no timestamp ("${line}")`;
    if (d <= lastDts) return `video packet ${i} goes back in decode time (dts ${d} after ${lastDts})`;
    lastDts = d;
    pts.push(p);
  }
  pts.sort((a, b) => a - b);
  // Frame k exactly at k frames: starts at 0 (not shifted against the audio), no gap, no VFR.
  const bad = pts.findIndex((p, i) => p !== i * step);
  if (bad >= 0) return `video frame ${bad} is at ${pts[bad]} ticks, ${bad * step} expected`;
  return null;
}

/**
 * copyOutputProblem() on the output of outputProbeArgs(), and when the audio was copied
 * (`audio`: its audioCopyLayout), copiedAudioProblem().
 */
export function copyProbeProblem(
  plan: CheckedPlan,
  probeJson: unknown,
  audio: readonly AudioCopyClip[] | null = null,
): string | null {
  return (
    copyOutputProblem(plan, probeJson, videoPacketsCsv(probeJson)) ??
    (audio ? copiedAudioProblem(plan, probeJson, audio) : null)
  );
}

/**
 * The copied audio against its layout: exactly the planned packets (each clip's priming packet
 * and its kept ones), the first one the priming packet before 0 (the edit list hides it),
 * each starting where the previous ends (a player plays them back to back, so then every clip
 * starts where the layout put it), every join within one AAC frame of its picture, and the
 * track as long as the video within one AAC frame.
 */
export function copiedAudioProblem(
  plan: CheckedPlan,
  probeJson: unknown,
  audio: readonly AudioCopyClip[],
): string | null {
  const root = (typeof probeJson === 'object' && probeJson !== null ? probeJson : {}) as {
    streams?: unknown;
    packets?: unknown;
  };
  const streams = Array.isArray(root.streams) ? (root.streams as Stream[]) : [];
  const a = streams.find((s) => s.codec_type === 'audio');
  if (a === undefined || typeof a.index !== 'number') return 'it has no audio stream';
  if (a.time_base !== `1/${OUTPUT_SAMPLE_RATE}`)
    return `its audio time base is ${a.time_base ?? '?'}, 1/${OUTPUT_SAMPLE_RATE} expected`;
  const packets = Array.isArray(root.packets) ? (root.packets as { stream_index?: unknown; pts?: unknown }[]) : [];
  const pts = packets
    .filter((p) => typeof p === 'object' && p !== null && p.stream_index === a.index)
    .map((p) => p.pts);
  const expected = audioCopyPacketCount(audio);
  if (pts.length !== expected) return `it has ${pts.length} audio packets, ${expected} copied expected`;
  if (pts[0] !== -AAC_FRAME)
    return `its first audio packet is at ${String(pts[0])}, the priming packet at ${-AAC_FRAME} expected`;
  const gap = pts.findIndex((p, i) => i > 0 && p !== (pts[i - 1] as number) + AAC_FRAME);
  if (gap >= 0) return `audio packet ${gap} is at ${String(pts[gap])}, right after the previous one expected`;
  const far = audio.findIndex((c) => Math.abs(c.offsetSamples) > AAC_FRAME);
  if (far >= 0) return `clip ${far + 1}'s audio starts ${audio[far]?.offsetSamples ?? '?'} samples off its picture`;
  const video = framesToSeconds(plan.totalFrames, plan.fps);
  if (!(Math.abs(Number(a.duration) - video) <= AAC_FRAME / OUTPUT_SAMPLE_RATE + 1e-6)) {
    return `its audio lasts ${a.duration ?? '?'} s, ${video.toFixed(6)} s (±1 AAC frame) expected`;
  }
  return null;
}

/**
 * The first problem with the copied file, or null when it is what the plan promised:
 * one H.264 video stream of the output size and rate with exactly totalFrames evenly spaced
 * frames, one AAC stereo 48 kHz audio stream, both as long as the cut within a frame.
 */
export function copyOutputProblem(plan: CheckedPlan, streamsJson: unknown, packetsCsv: string): string | null {
  const root = (typeof streamsJson === 'object' && streamsJson !== null ? streamsJson : {}) as {
    streams?: Stream[];
    format?: { duration?: string };
  };
  const streams = Array.isArray(root.streams) ? root.streams : [];
  const videos = streams.filter((s) => s.codec_type === 'video');
  const audios = streams.filter((s) => s.codec_type === 'audio');
  if (videos.length !== 1 || audios.length !== 1)
    return `it has ${videos.length} video and ${audios.length} audio streams, 1 and 1 expected`;
  const v = videos[0] as Stream;
  const a = audios[0] as Stream;
  const fps = fpsToString(plan.fps);
  if (
    v.codec_name !== 'h264' ||
    v.width !== plan.width ||
    v.height !== plan.height ||
    v.pix_fmt !== OUTPUT_PIXEL_FORMAT
  ) {
    return `its video is ${v.codec_name ?? '?'} ${v.width ?? '?'}x${v.height ?? '?'} ${v.pix_fmt ?? '?'}, h264 ${plan.width}x${plan.height} ${OUTPUT_PIXEL_FORMAT} expected`;
  }
  const sar = parseRatio(v.sample_aspect_ratio);
  if (sar && sar.num !== sar.den) return `its pixels are not square (SAR ${v.sample_aspect_ratio ?? '?'})`;
  const rate = parseRatio(v.r_frame_rate);
  if (!rate || rate.num * plan.fps.den !== plan.fps.num * rate.den)
    return `its frame rate is ${v.r_frame_rate ?? '?'}, ${fps} expected`;
  if (a.codec_name !== 'aac' || a.sample_rate !== String(OUTPUT_SAMPLE_RATE) || a.channels !== OUTPUT_CHANNELS) {
    return `its audio is ${a.codec_name ?? '?'} ${a.sample_rate ?? '?'} Hz ${a.channels ?? '?'} channels, aac ${OUTPUT_SAMPLE_RATE} Hz ${OUTPUT_CHANNELS} expected`;
  }
  // Both tracks start at 0 (to the microsecond ffprobe prints), so sync holds from the first frame.
  if (Number(v.start_time) !== 0 || Number(a.start_time) !== 0) {
    return `its video starts at ${v.start_time ?? '?'} s and its audio at ${a.start_time ?? '?'} s, 0 expected`;
  }
  const tb = parseRatio(v.time_base);
  if (!tb) return 'its video has no time base';
  const packets = packetProblem(packetsCsv, plan, tb);
  if (packets) return packets;
  const expected = framesToSeconds(plan.totalFrames, plan.fps);
  const frame = framesToSeconds(1, plan.fps);
  // 1 µs of slack: ffprobe prints durations rounded to the microsecond.
  const off = (text: string | undefined): boolean => !(Math.abs(Number(text) - expected) <= frame + 1e-6);
  for (const [what, value] of [
    ['video', v.duration],
    ['audio', a.duration],
    ['file', root.format?.duration],
  ] as const) {
    if (off(value)) return `its ${what} lasts ${value ?? '?'} s, ${expected.toFixed(6)} s (±1 frame) expected`;
  }
  return null;
}
