/**
 * The stream-copy export (chosen by copy.ts): the concat demuxer joins the clips' H.264
 * packets untouched, and the audio is encoded once from the clips' own files with the same
 * exact per-clip sample counts as the re-encode path (filters.ts audioChain).
 *
 * The audio is copied too when every clip has the same AAC (audioCopy.ts, from its own concat
 * list), else encoded here. Why a plain `-f concat -c copy` of the audio is not enough is in
 * audioCopy.ts (measured: ~24 ms of drift per join). The encode costs ~0.5-0.7 CPU s for 20 s
 * of a stereo tone at 192k on the bench machine (~4-6x a raw concat copy of the same clips),
 * silence ~3 ms per second (EXP-3, test/bench/results.md).
 *
 * Pure and unit tested; the runner executes the invocation.
 */
import type { FfmpegInput, FfmpegInvocation } from '../ffmpeg/invocation.js';
import type { Ratio } from '../media/rational.js';
import type { Fps } from '../model/time.js';
import { audioChain } from './filters.js';
import type { ExportPlan } from './plan.js';
import { audioEncoderArgs, exportMuxerArgs } from './presets.js';

const MICROS = 1_000_000n;

/** round(a / b) for non-negative BigInts, halves away from zero (libavutil AV_ROUND_NEAR_INF). */
function divRound(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** Microseconds from 0 to the start of `frame`, rounded to the nearest (BigInt: no overflow). */
export function frameStartMicros(frame: number, fps: Fps): bigint {
  return divRound(BigInt(frame) * BigInt(fps.den) * MICROS, BigInt(fps.num));
}

/**
 * Each clip's `duration` directive in microseconds. The demuxer starts clip k at the SUM of the
 * earlier durations (concatdec.c open_file), so each is the difference of rounded cumulative
 * boundaries: every start is then the exact start rounded once, never an accumulated error.
 */
export function clipDurationsMicros(plan: Pick<ExportPlan, 'clips' | 'fps'>): bigint[] {
  return plan.clips.map(
    (c) => frameStartMicros(c.startFrame + c.frames, plan.fps) - frameStartMicros(c.startFrame, plan.fps),
  );
}

/** The demuxer converts a clip's start from microseconds to the stream time base (av_rescale_q). */
export function microsToTicks(us: bigint, timeBase: Ratio): bigint {
  return divRound(us * BigInt(timeBase.den), BigInt(timeBase.num) * MICROS);
}

/**
 * The first clip whose start the demuxer would NOT put exactly on its frame in `timeBase`
 * ticks of `step` per frame, or null when all land exactly. (A time base finer than 1 µs could
 * miss; mp4 time bases are 1/90000 or coarser in practice.)
 */
export function firstInexactStart(
  plan: Pick<ExportPlan, 'clips' | 'fps'>,
  timeBase: Ratio,
  step: number,
): number | null {
  let startUs = 0n;
  const durations = clipDurationsMicros(plan);
  for (const [i, clip] of plan.clips.entries()) {
    if (microsToTicks(startUs, timeBase) !== BigInt(clip.startFrame) * BigInt(step)) return i;
    startUs += durations[i] ?? 0n;
  }
  return null;
}

/** "6.125000": av_parse_time reads decimal seconds to the microsecond. */
export function formatMicros(us: bigint): string {
  if (us < 0n) throw new RangeError(`negative duration ${us}`);
  return `${us / MICROS}.${String(us % MICROS).padStart(6, '0')}`;
}

/** Why a path can't go into a concat list, or null. The list is line-based: no line breaks. */
export function concatPathProblem(absPath: string): string | null {
  if (/[\r\n]/.test(absPath)) return 'its path contains a line break, which a concat list cannot hold';
  if (absPath.includes('\0')) return 'its path contains a NUL character';
  return null;
}

/**
 * One quoted `file` argument. ffconcat lines are split with av_get_token: inside single quotes
 * every character is literal (backslashes, `%`, `#`, spaces, Unicode), and a quote is written
 * as close-quote, backslash-quote, open-quote, as in a POSIX shell
 * (https://ffmpeg.org/ffmpeg-formats.html#concat-1, https://ffmpeg.org/ffmpeg-utils.html#Quoting-and-escaping).
 * The `file:` prefix makes the path a plain file for every protocol check: a name such as
 * `a:b.mp4` is never read as a protocol, and `%` is never URL-decoded.
 */
export function quoteConcatPath(absPath: string): string {
  const problem = concatPathProblem(absPath);
  if (problem) throw new RangeError(`Cannot list ${JSON.stringify(absPath)}: ${problem}`);
  return `'${`file:${absPath}`.replace(/'/g, `'\\''`)}'`;
}

export interface ConcatEntry {
  absPath: string;
  durationUs: bigint;
}

/**
 * ffconcat v1.0 text: one declared stream, then each clip with its exact duration, so each clip
 * starts where the previous one's VIDEO ends (not where its longer AAC audio ends).
 *
 * `stream` + `exact_stream_id` make the joined input hold only the video track
 * (https://ffmpeg.org/ffmpeg-formats.html#concat-1). Without them it also holds the clips'
 * audio, whose AAC priming packet starts at -21 ms; ffmpeg then shifts the whole input by
 * +21 ms so it starts at 0, and the copied video lands half a frame late (measured here).
 */
export function buildConcatList(entries: readonly ConcatEntry[], videoStreamId: number): string {
  if (!Number.isSafeInteger(videoStreamId) || videoStreamId < 0) throw new RangeError(`Bad stream id ${videoStreamId}`);
  const lines = ['ffconcat version 1.0', 'stream', `exact_stream_id ${videoStreamId}`];
  for (const e of entries) lines.push(`file ${quoteConcatPath(e.absPath)}`, `duration ${formatMicros(e.durationUs)}`);
  return `${lines.join('\n')}\n`;
}

/** The concat list for a plan (absolute paths; the demuxer needs `-safe 0` for them). */
export function concatListFor(
  plan: Pick<ExportPlan, 'clips' | 'fps'>,
  resolveAbs: (relPath: string) => string,
  videoStreamId: number,
): string {
  const durations = clipDurationsMicros(plan);
  return buildConcatList(
    plan.clips.map((c, i) => ({ absPath: resolveAbs(c.path), durationUs: durations[i] ?? 0n })),
    videoStreamId,
  );
}

/** The audio inputs (clips with sound, in order) and the graph that joins them with silence. */
function audioPart(
  plan: ExportPlan,
  resolveAbs: (relPath: string) => string,
): { inputs: FfmpegInput[]; graph: string } {
  const inputs: FfmpegInput[] = [];
  const chains: string[] = [];
  plan.clips.forEach((clip, i) => {
    // Input 0 is the concat list; each clip with sound is opened again for its audio. No -t:
    // a whole take is read to its end anyway, and atrim stops at the exact sample count.
    const index = clip.info.hasAudio ? inputs.push({ options: [], source: resolveAbs(clip.path) }) : 0;
    chains.push(audioChain(index, clip, `a${i}`));
  });
  const pads = plan.clips.map((_, i) => `[a${i}]`).join('');
  chains.push(`${pads}concat=n=${plan.clips.length}:v=0:a=1[aout]`);
  return { inputs, graph: chains.join(';') };
}

/**
 * The join: the video list (`listPath`), and the audio either copied from the audio list
 * (`audioListPath`, audioCopy.ts audioConcatList) or encoded from the clips (null).
 */
export function buildConcatCopyInvocation(
  plan: ExportPlan,
  listPath: string,
  resolveAbs: (relPath: string) => string,
  audioListPath: string | null = null,
): FfmpegInvocation {
  if (plan.clips.length === 0) throw new RangeError('An export plan needs at least one clip');
  // The concat demuxer reads a list; -safe 0 because it holds absolute paths, which its
  // default "safe" mode refuses (https://ffmpeg.org/ffmpeg-formats.html#Options).
  const list = (source: string): FfmpegInput => ({ options: ['-f', 'concat', '-safe', '0'], source });
  const audio = audioListPath === null ? audioPart(plan, resolveAbs) : null;
  return {
    label: `export (stream copy) ${plan.outPath.split(/[\\/]/).pop() ?? plan.outPath}`,
    // As the re-encode path (args.ts): never read the terminal; the temp file already exists.
    // -copyts when the audio is copied: the audio list starts with the first clip's priming
    // packet at -1024 samples, and ffmpeg would otherwise shift that whole input by +21 ms to
    // start at 0 (measured; https://ffmpeg.org/ffmpeg.html#Advanced-options). Kept as is, the
    // muxer writes an edit list that hides the priming, as in the source clip.
    globalOptions: ['-hide_banner', '-nostdin', '-y', ...(audio ? [] : ['-copyts'])],
    inputs: [list(listPath), ...(audio ? audio.inputs : [list(audioListPath as string)])],
    filterComplex: audio ? audio.graph : null,
    outputOptions: [
      // The joined video (the list declares just that stream) and the audio: built from the
      // clips, or the audio list's packets.
      '-map',
      '0:v:0',
      '-map',
      audio ? '[aout]' : '1:a:0',
      '-map_metadata',
      '-1',
      '-map_chapters',
      '-1',
      // Packets are written as they are: no decode, no encode (https://ffmpeg.org/ffmpeg.html#Stream-copy).
      '-c:v',
      'copy',
      ...(audio ? audioEncoderArgs(plan.quality) : ['-c:a', 'copy']),
      // Index first and the muxer named, as the re-encode path.
      ...exportMuxerArgs(plan.container),
    ],
    output: plan.tempPath,
    durationSec: plan.durationSec,
  };
}
