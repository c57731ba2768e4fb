/**
 * Copying the clips' AAC packets too, when every clip's audio is the same AAC configuration:
 * the join is then a pure remux (quality.md EXP-3), as a lossless join in an editor is.
 *
 * Why a plain `-f concat -c copy` is not enough, measured here (ffmpeg 5.1, 20 x 1 s clips at
 * 24 fps, 48 kHz AAC, a beep on each first frame): every clip carries a 1024-sample priming
 * packet (pts -1024) and ends on a 1024-sample boundary, so each join keeps ~24 ms of extra
 * audio and the beeps drift 21, 45, ... 477 ms late. A player decodes AAC packet after
 * packet, so where clip k's sound lands is fixed by how many packets come before it.
 *
 * So the audio is joined by its own concat list (audioConcatList) that keeps, per clip, the
 * priming packet and as many whole packets as bring the NEXT clip's first real sample closest
 * to that clip's first video frame (audioCopyLayout): an `outpoint` drops the rest (the demuxer
 * ends a file at the first packet whose dts reaches it) and a `duration` places the next
 * file right after the last kept packet. The error at every join is then at most half a packet
 * (512 samples, 10.7 ms) and never adds up; measured on the same 20 clips, and on clips whose
 * audio is 15 ms shorter to 30 ms longer than the video: beeps at -10.6 .. +8.0 ms of their
 * flashes, exactly as planned. Each join costs one packet of the priming frame's near-silence,
 * as in any packet-level AAC join. Anything this can't guarantee is encoded (concat.ts).
 *
 * Pure and unit tested.
 */
import type { ClipVideoFacts } from './copyFacts.js';
import { formatMicros, quoteConcatPath } from './concat.js';
import type { ExportPlan } from './plan.js';
import { OUTPUT_CHANNELS, OUTPUT_SAMPLE_RATE } from './presets.js';

/** Samples per AAC-LC packet. */
export const AAC_FRAME = 1024;

/** Copy the clips' audio packets (from track `streamId` of every clip) or encode the audio. */
export type AudioRoute = { copy: true; streamId: number; reason: string } | { copy: false; reason: string };

/** One clip's audio in the copied track (all in samples at 48 kHz). */
export interface AudioCopyClip {
  /** Packets kept after the priming packet. */
  keep: number;
  /** Where the clip's first real sample plays, and how far that is from its first video frame. */
  startSamples: number;
  offsetSamples: number;
  /** From this clip's first real sample to the next clip's (the last clip: to its audio end). */
  durationSamples: number;
}

type Timed = Pick<ExportPlan, 'clips' | 'fps'>;

/** A video frame boundary in samples (a fraction at 29.97 fps). */
function frameSamples(frame: number, plan: Timed): number {
  return (frame * OUTPUT_SAMPLE_RATE * plan.fps.den) / plan.fps.num;
}

/** Where each clip's audio goes, from the cut alone (see the header). */
export function audioCopyLayout(plan: Timed): AudioCopyClip[] {
  let start = 0;
  return plan.clips.map((c, i) => {
    const last = i === plan.clips.length - 1;
    const end = frameSamples(c.startFrame + c.frames, plan);
    // The next clip's priming packet plays before its first real sample: one packet less here.
    const keep = Math.max(1, Math.round((end - start) / AAC_FRAME) - (last ? 0 : 1));
    const durationSamples = (keep + (last ? 0 : 1)) * AAC_FRAME;
    const clip = {
      keep,
      startSamples: start,
      offsetSamples: start - frameSamples(c.startFrame, plan),
      durationSamples,
    };
    start += durationSamples;
    return clip;
  });
}

/** The packets the copied track holds: every clip's priming packet and its kept packets. */
export function audioCopyPacketCount(layout: readonly AudioCopyClip[]): number {
  return layout.reduce((n, c) => n + 1 + c.keep, 0);
}

const micros = (samples: number): bigint =>
  (2n * BigInt(samples) * 1_000_000n + BigInt(OUTPUT_SAMPLE_RATE)) / (2n * BigInt(OUTPUT_SAMPLE_RATE));

/** The demuxer ends a clip at the first packet whose dts reaches this: halfway into the first dropped one. */
function outpointMicros(keep: number): bigint {
  return micros(keep * AAC_FRAME - AAC_FRAME / 2);
}

/**
 * The audio concat list: track `streamId` of each clip, cut after its kept packets and placed
 * right after the previous clip's. Durations are differences of rounded cumulative starts, so
 * every start is exact in samples (1 µs is 0.048 samples; concat.ts clipDurationsMicros).
 */
export function audioConcatList(plan: Timed, resolveAbs: (rel: string) => string, streamId: number): string {
  if (!Number.isSafeInteger(streamId) || streamId < 0) throw new RangeError(`Bad stream id ${streamId}`);
  const lines = ['ffconcat version 1.0', 'stream', `exact_stream_id ${streamId}`];
  audioCopyLayout(plan).forEach((a, i) => {
    const c = plan.clips[i];
    if (!c) return;
    const duration = micros(a.startSamples + a.durationSamples) - micros(a.startSamples);
    lines.push(
      `file ${quoteConcatPath(resolveAbs(c.path))}`,
      `outpoint ${formatMicros(outpointMicros(a.keep))}`,
      `duration ${formatMicros(duration)}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

const encode = (why: string): AudioRoute => ({ copy: false, reason: `audio encoded: ${why}` });
export const AUDIO_COPIED = 'audio copied: identical AAC in every clip';

/**
 * From the project's records only (the join starts before the probes end, copyExport.ts):
 * copy when every clip has 48 kHz stereo AAC. `streamId`: the audio track to guess.
 */
export function audioRouteGuess(plan: Pick<ExportPlan, 'clips'>, streamId: number): AudioRoute {
  const odd = plan.clips.find(
    (c) =>
      !c.info.hasAudio ||
      c.info.audioCodec !== 'aac' ||
      c.info.audioSampleRate !== OUTPUT_SAMPLE_RATE ||
      c.info.audioChannels !== OUTPUT_CHANNELS,
  );
  return odd ? encode(`${odd.label}'s audio is not 48 kHz stereo AAC`) : { copy: true, streamId, reason: AUDIO_COPIED };
}

/** One clip's audio on its own: AAC 48 kHz stereo in whole 1024-sample packets after one priming packet. */
function ownProblem(label: string, f: ClipVideoFacts, keep: number): string | null {
  const a = f.audio;
  if (!a) return `${label} has no audio`;
  if (a.codec !== 'aac') return `${label}'s audio is ${a.codec || 'an unknown codec'}, not AAC`;
  if (a.sampleRate !== OUTPUT_SAMPLE_RATE || a.channels !== OUTPUT_CHANNELS || a.channelLayout !== 'stereo') {
    return `${label}'s audio is ${a.sampleRate} Hz ${a.channelLayout || `${a.channels} channels`}, not ${OUTPUT_SAMPLE_RATE} Hz stereo`;
  }
  if (a.timeBase?.num !== 1 || a.timeBase.den !== OUTPUT_SAMPLE_RATE) return `${label}'s audio is not timed in samples`;
  if (a.firstPts !== -AAC_FRAME || a.frameSize !== AAC_FRAME || !a.contiguous) {
    return `${label}'s audio is not one priming packet and contiguous ${AAC_FRAME}-sample packets`;
  }
  if (a.packetCount - 1 < keep) return `${label}'s audio is shorter than its picture`;
  // The demuxer applies an outpoint to every stream of the file, the video too (concatdec.c
  // packet_after_outpoint): a video packet at or past it, stored before the last kept audio
  // packet, would end the clip's audio early. Interleaved files store by time, so it never is.
  const tb = f.timeBase;
  const before = a.videoDtsBefore[keep];
  if (!tb || before === undefined) return `${label}'s audio packets could not be read`;
  if (before !== null && before * tb.num * 1_000_000 >= Number(outpointMicros(keep)) * tb.den) {
    return `${label} stores video past the audio's cut point ahead of that audio (not interleaved by time)`;
  }
  return null;
}

/**
 * Copy or encode the audio of a cut the video copy already accepted (`facts[i]` for
 * `plan.clips[i]`), and why.
 */
export function audioRoute(plan: Timed, facts: readonly (ClipVideoFacts | null)[]): AudioRoute {
  const layout = audioCopyLayout(plan);
  const a0 = facts[0]?.audio;
  for (const [i, c] of plan.clips.entries()) {
    const f = facts[i];
    const problem = f ? ownProblem(c.label, f, layout[i]?.keep ?? 0) : `${c.label} could not be probed`;
    if (problem) return encode(problem);
    const a = f?.audio;
    if (!a || !a0 || a.streamId === null || a.streamId !== a0.streamId)
      return encode(`${c.label} has its audio in another track than the first clip`);
    if (a.profile !== a0.profile || a.extradataHash === null || a.extradataHash !== a0.extradataHash) {
      return encode(`${c.label}'s AAC settings differ from the first clip's`);
    }
  }
  const far = layout.findIndex((l) => Math.abs(l.offsetSamples) > AAC_FRAME);
  if (far >= 0)
    return encode(`${plan.clips[far]?.label ?? 'a clip'} would start more than one AAC frame off its picture`);
  if (a0?.streamId === null || a0?.streamId === undefined) return encode('the first clip has no audio track id');
  return { copy: true, streamId: a0.streamId, reason: AUDIO_COPIED };
}
