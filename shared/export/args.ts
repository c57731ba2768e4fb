/**
 * Export plan -> one ffmpeg invocation: every clip is an input, conformed in one
 * -filter_complex and joined with the concat filter, encoded once (design.md §7: one encode
 * pass). Pure and unit tested; the runner executes the result.
 */
import type { FfmpegInput, FfmpegInvocation } from '../ffmpeg/invocation.js';
import { fpsToString, framesToSeconds } from '../model/time.js';
import { audioItemInput, audioMixChains } from './audioMix.js';
import { audioChain, videoChain } from './filters.js';
import { burnChain } from './subtitles.js';
import { sampleAtFrame } from './samples.js';
import { hasTransitions, transitionJoinChains } from './transitions.js';
import type { ExportClip, ExportPlan } from './plan.js';
import { audioEncoderArgs, exportMuxerArgs, videoEncoderArgs } from './presets.js';

/**
 * Extra input read past the out point. The fps filter decides a frame only once it has seen
 * the next source frame, so it needs a little more than the clip; 0.25 s covers sources
 * down to 4 fps, and tpad/apad in the chain make up anything still missing.
 */
export const INPUT_MARGIN_SEC = 0.25;

/** Seconds for -ss, rounded DOWN to the microsecond so a source frame exactly on the in point is kept. */
export function seekSeconds(sec: number): string {
  return (Math.floor(sec * 1e6 + 1e-6) / 1e6).toFixed(6);
}

/** Seconds for -t, rounded UP to the microsecond so the last needed frame is read. */
export function lengthSeconds(sec: number): string {
  return (Math.ceil(sec * 1e6 - 1e-6) / 1e6).toFixed(6);
}

export function clipInput(clip: ExportClip, plan: ExportPlan, resolveAbs: (relPath: string) => string): FfmpegInput {
  const length = lengthSeconds(framesToSeconds(clip.frames, plan.fps) + INPUT_MARGIN_SEC);
  const source = resolveAbs(clip.path);
  if (clip.info.kind === 'image') {
    // A still is one frame: loop it at the output rate for the clip's length
    // (https://ffmpeg.org/ffmpeg-formats.html#image2-1, "loop").
    return { options: ['-loop', '1', '-framerate', fpsToString(plan.fps), '-t', length], source };
  }
  // -ss before -i seeks the demuxer to the keyframe before the in point and, because we
  // re-encode, decodes forward and drops frames before it: fast and frame-accurate
  // (https://trac.ffmpeg.org/wiki/Seeking). -t before -i limits what is read.
  const seek = clip.inFrames > 0 ? ['-ss', seekSeconds(framesToSeconds(clip.inFrames, plan.fps))] : [];
  return { options: [...seek, '-t', length], source };
}

/** The filter graph: per-clip chains, then concat into [vout][aout]. */
export function buildExportGraph(plan: ExportPlan): string {
  const target = { width: plan.width, height: plan.height, fps: plan.fps };
  const chains: string[] = [];
  const pads: string[] = [];
  plan.clips.forEach((clip, i) => {
    chains.push(videoChain(i, clip, target, `v${i}`));
    chains.push(audioChain(i, clip, `a${i}`));
    pads.push(`[v${i}][a${i}]`);
  });
  const mixed = plan.audioItems.length > 0;
  // Burned-in subtitles draw over the joined picture (subtitles.ts).
  const burn = plan.subtitles && plan.subtitles.cues.length > 0 ? plan.subtitles : null;
  const vjoin = burn ? 'vjoin' : 'vout';
  if (hasTransitions(plan.clips)) {
    chains.push(...transitionJoinChains(plan.clips, plan.fps, plan.pixelFormat, vjoin, mixed ? 'apic' : 'aout'));
  } else {
    // concat joins segments that start at 0 and share parameters, which the chains ensure
    // (https://ffmpeg.org/ffmpeg-filters.html#concat).
    chains.push(`${pads.join('')}concat=n=${plan.clips.length}:v=1:a=1[${vjoin}][${mixed ? 'apic' : 'aout'}]`);
  }
  if (burn) chains.push(burnChain(burn.cues, plan, burn.style, burn.fontFile, vjoin, 'vout'));
  // Audio items are inputs after the clips; the mix keeps the picture's exact length. With
  // overlaps this is not the sum of the clips' samples, so it comes from the total frames.
  const totalSamples = sampleAtFrame(plan.totalFrames, plan.fps, plan.sampleRate);
  chains.push(...audioMixChains(plan.audioItems, plan.clips.length, 'apic', totalSamples, 'aout'));
  return chains.join(';');
}

export function buildExportInvocation(plan: ExportPlan, resolveAbs: (relPath: string) => string): FfmpegInvocation {
  if (plan.clips.length === 0) throw new RangeError('An export plan needs at least one clip');
  return {
    label: `export ${plan.outPath.split(/[\\/]/).pop() ?? plan.outPath}`,
    // -nostdin: never read the terminal (a CLI export in the background would stop on
    // SIGTTIN); cancel is by signal (https://ffmpeg.org/ffmpeg.html#Main-options).
    // -y: the temp file may exist (we create it first to prove the folder is writable).
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: [
      ...plan.clips.map((clip) => clipInput(clip, plan, resolveAbs)),
      ...plan.audioItems.map((item) => audioItemInput(item, resolveAbs)),
    ],
    filterComplex: buildExportGraph(plan),
    outputOptions: [
      '-map',
      '[vout]',
      '-map',
      '[aout]',
      // Don't copy the first input's tags (GPS location from phones, provider comments) or chapters.
      '-map_metadata',
      '-1',
      '-map_chapters',
      '-1',
      ...videoEncoderArgs(plan.quality),
      // The graph already makes constant-rate frames; -r sets the stream's rate so players
      // and r_frame_rate report the project fps exactly (https://ffmpeg.org/ffmpeg.html#Video-Options).
      '-r',
      fpsToString(plan.fps),
      ...audioEncoderArgs(plan.quality),
      ...exportMuxerArgs(plan.container),
    ],
    output: plan.tempPath,
    durationSec: plan.durationSec,
  };
}
