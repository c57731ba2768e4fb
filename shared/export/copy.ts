/**
 * May this export join the clips' video packets as they are (concat.ts) instead of encoding
 * them again? Only when every clip is a whole take whose video is already exactly what the
 * output needs, and all clips share one codec configuration: the concat demuxer keeps the
 * FIRST clip's parameters for the whole file, and a mismatched copy still "succeeds" with a
 * wrong duration or undecodable frames (design.md §7, reliability-anchors.md B1.2 row B).
 * Anything not verified here goes to the re-encode path, with the reason saying why.
 * The audio is decided after the video (audioCopy.ts audioRoute): its packets are copied too
 * when every clip has the same AAC, else it is encoded from any clip audio or silence to exact
 * sample counts (concat.ts).
 *
 * Two stages: copyPrecheck() uses only what the project already knows (no process), so
 * mixed projects never pay for a probe; copyVerdict() adds the per-clip stream facts.
 * Pure and unit tested.
 */
import { floorFrames, fpsToString, type Fps } from '../model/time.js';
import type { Ratio } from '../media/rational.js';
import { concatPathProblem, firstInexactStart } from './concat.js';
import type { ClipVideoFacts } from './copyFacts.js';
import { audioRoute, type AudioRoute } from './audioCopy.js';
import type { ExportClip, ExportPlan } from './plan.js';
import { OUTPUT_PIXEL_FORMAT } from './presets.js';

export type CopyRefusalCode =
  | 'not-video'
  | 'trimmed'
  | 'container'
  | 'codec'
  | 'pixel-format'
  | 'size'
  | 'sar'
  | 'rotation'
  | 'frame-rate'
  | 'vfr'
  | 'interlaced'
  | 'frame-count'
  | 'start'
  | 'path'
  | 'probe-failed'
  | 'stream-layout'
  | 'profile'
  | 'level'
  | 'extradata'
  | 'time-base'
  | 'decode-delay'
  | 'color'
  | 'audio-items'
  | 'transition'
  | 'subtitles'
  | 'take-audio';

/**
 * `videoStreamId`: the container id of the video stream every clip shares (for the concat
 * list); `audio`: whether the audio packets are copied too, and why.
 */
export type CopyVerdict =
  | { eligible: true; videoStreamId: number; audio: AudioRoute }
  | { eligible: false; code: CopyRefusalCode; reason: string };

const refuse = (code: CopyRefusalCode, reason: string): CopyVerdict => ({ eligible: false, code, reason });
/** A check passed (the stream id is filled in by copyVerdict). */
const OK: CopyVerdict = { eligible: true, videoStreamId: -1, audio: { copy: false, reason: '' } };

const sameRatio = (a: Ratio | null, b: Ratio): boolean => a !== null && a.num * b.den === b.num * a.den;
const fpsText = (r: Ratio): string => fpsToString(r);
const isMp4 = (container: string): boolean => container.split(',').some((n) => n === 'mp4' || n === 'mov');

/** The first clip that fails `check`, as a verdict. */
function firstRefusal<T>(items: readonly T[], check: (item: T, i: number) => CopyVerdict): CopyVerdict {
  for (const [i, item] of items.entries()) {
    const v = check(item, i);
    if (!v.eligible) return v;
  }
  return OK;
}

function precheckClip(c: ExportClip, plan: ExportPlan, resolveAbs: (rel: string) => string): CopyVerdict {
  const { info, label } = c;
  if (info.kind !== 'video') return refuse('not-video', `${label} is a still image, not a video clip`);
  const takeFrames = floorFrames(info.durationSec, plan.fps);
  if (c.inFrames !== 0 || c.outFrames !== takeFrames) {
    return refuse(
      'trimmed',
      `${label} is trimmed (frames ${c.inFrames} to ${c.outFrames} of ${takeFrames}): only whole takes are copied`,
    );
  }
  if (!isMp4(info.container)) return refuse('container', `${label} is in a ${info.container} file, not MP4/MOV`);
  if (info.videoCodec !== 'h264')
    return refuse('codec', `${label} is ${info.videoCodec ?? 'an unknown codec'}, not H.264`);
  if (info.pixelFormat !== OUTPUT_PIXEL_FORMAT) {
    return refuse(
      'pixel-format',
      `${label} has pixel format ${info.pixelFormat ?? 'unknown'}, not ${OUTPUT_PIXEL_FORMAT}`,
    );
  }
  if (info.width !== plan.width || info.height !== plan.height) {
    return refuse('size', `${label} is ${info.width}x${info.height}, the output is ${plan.width}x${plan.height}`);
  }
  if (info.sar.num !== info.sar.den)
    return refuse('sar', `${label} has non-square pixels (SAR ${info.sar.num}:${info.sar.den})`);
  if (info.rotation !== 0) return refuse('rotation', `${label} is stored rotated (${info.rotation} degrees)`);
  if (info.vfr) return refuse('vfr', `${label} has a variable frame rate`);
  if (!info.fps || !sameRatio(info.fps, plan.fps)) {
    return refuse(
      'frame-rate',
      `${label} runs at ${info.fps ? fpsText(info.fps) : 'an unknown rate'} fps, the project at ${fpsText(plan.fps)} fps`,
    );
  }
  const problem = concatPathProblem(resolveAbs(c.path));
  if (problem) return refuse('path', `${label} can't be listed for joining: ${problem}`);
  return OK;
}

/** What the project's own media records already rule out (no process needed). */
export function copyPrecheck(plan: ExportPlan, resolveAbs: (rel: string) => string): CopyVerdict {
  if (plan.clips.length === 0) return refuse('not-video', 'The cut is empty');
  // The copy path writes the clips' own audio only; a mix is made by the encode graph.
  if (plan.audioItems.length > 0) {
    const n = plan.audioItems.length;
    return refuse('audio-items', `The project has ${n} audio item${n > 1 ? 's' : ''} to mix under the picture`);
  }
  if (plan.subtitles && plan.subtitles.cues.length > 0)
    return refuse('subtitles', 'Subtitles are burned into the picture');
  const leveled = plan.clips.find((c) => c.muted || c.gainDb);
  if (leveled)
    return refuse('take-audio', `${leveled.label}'s own sound is ${leveled.muted ? 'muted' : 'set to another level'}`);
  // Joined packets can only butt: a crossfade or dip makes new pictures, so it is encoded.
  const faded = plan.clips.find((c) => c.overlap > 0);
  if (faded) return refuse('transition', `${faded.label} has a ${faded.transition.replace(/_/g, ' ')} into it`);
  return firstRefusal(plan.clips, (c) => precheckClip(c, plan, resolveAbs));
}

/** Ticks of `timeBase` per frame at `fps`, or null when a frame is not a whole number of ticks. */
export function ticksPerFrame(timeBase: Ratio, fps: Fps): number | null {
  const num = timeBase.den * fps.den;
  const den = timeBase.num * fps.num;
  return num % den === 0 ? num / den : null;
}

/** One clip's stream against the output (its own facts only). */
function checkFacts(c: ExportClip, f: ClipVideoFacts, plan: ExportPlan): CopyVerdict {
  const { label } = c;
  if (f.attachedPic) return refuse('not-video', `${label}'s first video stream is cover art`);
  if (!isMp4(f.container)) return refuse('container', `${label} is in a ${f.container || 'unknown'} file, not MP4/MOV`);
  if (f.codec !== 'h264') return refuse('codec', `${label} is ${f.codec || 'an unknown codec'}, not H.264`);
  if (f.codecTag !== 'avc1') {
    return refuse(
      'codec',
      `${label} stores H.264 as "${f.codecTag}", not avc1 (parameter sets in the sample description)`,
    );
  }
  if (f.pixelFormat !== OUTPUT_PIXEL_FORMAT)
    return refuse(
      'pixel-format',
      `${label} has pixel format ${f.pixelFormat || 'unknown'}, not ${OUTPUT_PIXEL_FORMAT}`,
    );
  if (f.width !== plan.width || f.height !== plan.height) {
    return refuse('size', `${label} is ${f.width}x${f.height}, the output is ${plan.width}x${plan.height}`);
  }
  if (f.sar !== '1:1') return refuse('sar', `${label} has non-square pixels (SAR ${f.sar})`);
  if (f.rotation !== 0) return refuse('rotation', `${label} is stored rotated (${f.rotation} degrees)`);
  if (f.fieldOrder !== null && f.fieldOrder !== 'progressive' && f.fieldOrder !== 'unknown') {
    return refuse('interlaced', `${label} is interlaced (${f.fieldOrder})`);
  }
  if (!sameRatio(f.rFrameRate, plan.fps)) {
    const rate = f.rFrameRate ? fpsText(f.rFrameRate) : 'an unknown rate';
    return refuse('frame-rate', `${label} runs at ${rate} fps, the project at ${fpsText(plan.fps)} fps`);
  }
  if (!sameRatio(f.avgFrameRate, plan.fps)) {
    const avg = f.avgFrameRate ? fpsText(f.avgFrameRate) : 'an unknown rate';
    return refuse('vfr', `${label} averages ${avg} fps: its frames are not all ${fpsText(plan.fps)} fps apart`);
  }
  if (!f.timeBase) return refuse('time-base', `${label} has no usable time base`);
  const step = ticksPerFrame(f.timeBase, plan.fps);
  if (step === null)
    return refuse(
      'time-base',
      `${label}'s time base ${f.timeBase.num}/${f.timeBase.den} can't hold a frame of ${fpsText(plan.fps)} fps exactly`,
    );
  if (f.packets.step !== step)
    return refuse('vfr', `${label}'s frames are not evenly spaced at ${fpsText(plan.fps)} fps`);
  if (f.packets.count !== c.frames) {
    return refuse(
      'frame-count',
      `${label} has ${f.packets.count} video frames but its take lasts ${c.frames} frames (its audio or container runs longer)`,
    );
  }
  if (f.formatStart !== 0 || f.packets.firstPts !== 0 || !f.packets.firstIsKeyframe) {
    return refuse('start', `${label}'s video does not start with a keyframe at 0 s (or another stream starts earlier)`);
  }
  return OK;
}

/** A clip against the first clip: the demuxer keeps the first clip's configuration for all. */
function checkSame(c: ExportClip, f: ClipVideoFacts, first: ExportClip, f0: ClipVideoFacts): CopyVerdict {
  const than = `than ${first.label}`;
  if (f.streamId === null || f0.streamId === null)
    return refuse('stream-layout', `${f.streamId === null ? c.label : first.label}'s video stream has no track id`);
  if (f.streamId !== f0.streamId)
    return refuse(
      'stream-layout',
      `${c.label} has its video in track ${f.streamId}, ${first.label} in track ${f0.streamId}`,
    );
  if (f.profile !== f0.profile)
    return refuse('profile', `${c.label} uses H.264 profile ${f.profile}, ${first.label} ${f0.profile}`);
  if (f.level !== f0.level)
    return refuse('level', `${c.label} uses H.264 level ${String(f.level)}, ${first.label} ${String(f0.level)}`);
  if (f0.extradataHash === null || f.extradataHash === null) {
    return refuse(
      'extradata',
      `${f.extradataHash === null ? c.label : first.label} has no codec configuration record (SPS/PPS) to compare`,
    );
  }
  if (f.extradataHash !== f0.extradataHash)
    return refuse('extradata', `${c.label} was encoded with different H.264 settings (SPS/PPS) ${than}`);
  if (!f.timeBase || !f0.timeBase || !sameRatio(f.timeBase, f0.timeBase)) {
    return refuse('time-base', `${c.label} has a different time base ${than}`);
  }
  if (f.packets.firstDts !== f0.packets.firstDts)
    return refuse('decode-delay', `${c.label} has a different frame reordering delay ${than}`);
  if (f.color !== f0.color)
    return refuse('color', `${c.label} has different color metadata (${f.color}) ${than} (${f0.color})`);
  return OK;
}

/**
 * The full decision: the precheck, then each clip's stream facts (`facts[i]` for
 * `plan.clips[i]`; null when its probe failed), then the joins placed exactly on frames.
 */
export function copyVerdict(
  plan: ExportPlan,
  facts: readonly (ClipVideoFacts | null)[],
  resolveAbs: (rel: string) => string,
): CopyVerdict {
  const pre = copyPrecheck(plan, resolveAbs);
  if (!pre.eligible) return pre;
  const first = plan.clips[0];
  const f0 = facts[0];
  if (!first) return refuse('not-video', 'The cut is empty');
  const own = firstRefusal(plan.clips, (c, i) => {
    const f = facts[i];
    return f ? checkFacts(c, f, plan) : refuse('probe-failed', `${c.label}'s video stream could not be read`);
  });
  if (!own.eligible || !f0) return own;
  const same = firstRefusal(plan.clips, (c, i) => checkSame(c, facts[i] as ClipVideoFacts, first, f0));
  if (!same.eligible) return same;
  // checkFacts proved f0 has a time base and an integral step.
  const tb = f0.timeBase as Ratio;
  const step = ticksPerFrame(tb, plan.fps) as number;
  const inexact = firstInexactStart(plan, tb, step);
  if (inexact !== null) {
    const c = plan.clips[inexact];
    return refuse(
      'time-base',
      `${c?.label ?? 'A clip'} can't be placed exactly on its first frame in time base ${tb.num}/${tb.den}`,
    );
  }
  return { eligible: true, videoStreamId: f0.streamId as number, audio: audioRoute(plan, facts) };
}
