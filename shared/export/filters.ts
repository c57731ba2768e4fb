/**
 * Per-clip filter chains that conform any source to the output: square pixels, output size
 * (letterbox/pillarbox), frame rate, pixel format, an exact frame count, and 48 kHz stereo
 * audio with an exact sample count (design.md §7 "conform every clip").
 *
 * Only numbers are interpolated into the graph. File paths never appear in it: they are -i
 * arguments (one argv element each), so Unicode, quotes, `%` and spaces in names need no
 * filter-graph escaping at all (quality.md MEDIA-13).
 */
import { fpsToString, fpsValue, type Fps } from '../model/time.js';
import type { ExportClip } from './plan.js';
import { OUTPUT_PIXEL_FORMAT, OUTPUT_SAMPLE_RATE } from './presets.js';

export interface ChainTarget {
  width: number;
  height: number;
  fps: Fps;
}

function int(n: number, what: string): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
  return String(n);
}

/**
 * Conform the frame rate before scaling when the source has more frames than the output
 * needs (less to scale), after scaling when it has fewer (duplicates are then references to
 * one already-scaled frame). VFR and unknown rates go first: phone footage is usually fast.
 * The order never changes the result, only the work.
 */
export function fpsBeforeScale(info: ExportClip['info'], fps: Fps): boolean {
  return info.vfr || info.fps === null || fpsValue(info.fps) > fpsValue(fps);
}

/** The video chain for input `inputIndex`, ending in label `[v<n>]`. */
export function videoChain(inputIndex: number, clip: Pick<ExportClip, 'frames' | 'info'>, target: ChainTarget, outLabel: string): string {
  const W = int(target.width, 'width');
  const H = int(target.height, 'height');
  const n = int(clip.frames, 'frames');
  const fps = `fps=${fpsToString(target.fps)}`;
  const geometry = [
    // Rotation needs no filter here: ffmpeg's -autorotate (on by default since 2.7) inserts
    // the transpose/flip for the stream's displaymatrix before our chain, in -filter_complex
    // too (https://ffmpeg.org/ffmpeg.html, option -autorotate). Rotating again here would
    // turn phone clips twice. Pinned by the upright-pixel check in
    // test/integration/export/conform.test.ts (rotation handling changed between ffmpeg
    // versions: reliability-anchors.md A3.2).
    // Square pixels first, so the fit below sees the display aspect of anamorphic sources.
    // `sar` reads as 1 when the stream has none (https://ffmpeg.org/ffmpeg-filters.html#scale-1).
    'scale=iw*sar:ih',
    'setsar=1',
    // Fit inside WxH keeping the aspect; force_divisible_by=2 keeps both sides even for
    // 4:2:0 chroma (https://ffmpeg.org/ffmpeg-filters.html#scale-1, mlt#256).
    `scale=${W}:${H}:force_original_aspect_ratio=decrease:force_divisible_by=2`,
    // Centre it on black: letterbox or pillarbox.
    `pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black`,
    'setsar=1',
  ];
  const conform = fpsBeforeScale(clip.info, target.fps) ? [fps, ...geometry] : [...geometry, fps];
  return `[${int(inputIndex, 'input')}:v:0]${[
    ...conform,
    `format=${OUTPUT_PIXEL_FORMAT}`,
    // Exactly n frames: clone the last frame if the source runs short (a rounding or a
    // short stream), then cut at n (https://ffmpeg.org/ffmpeg-filters.html#tpad,
    // https://ffmpeg.org/ffmpeg-filters.html#trim). The concat filter needs every segment
    // to start at 0 (https://ffmpeg.org/ffmpeg-filters.html#concat).
    `tpad=stop_mode=clone:stop=${n}`,
    `trim=end_frame=${n}`,
    'setpts=PTS-STARTPTS',
  ].join(',')}[${outLabel}]`;
}

/** The audio chain: the clip's first audio stream, or generated silence; exactly `samples`. */
export function audioChain(inputIndex: number, clip: Pick<ExportClip, 'samples' | 'info'> & Partial<Pick<ExportClip, 'gainDb' | 'muted'>>, outLabel: string): string {
  const s = int(clip.samples, 'samples');
  const layout = `aformat=sample_fmts=fltp:channel_layouts=stereo`;
  // A muted take sounds like a silent one (its gain is the take's own, Take.audioGainDb).
  if (!clip.info.hasAudio || clip.muted) {
    // A silent clip still needs an audio segment, or concat fails with "matches no streams"
    // (fluent-ffmpeg#517); the output always has one continuous track (design.md §7).
    return `anullsrc=r=${OUTPUT_SAMPLE_RATE}:cl=stereo,atrim=end_sample=${s},${layout},asetpts=PTS-STARTPTS[${outLabel}]`;
  }
  return `[${int(inputIndex, 'input')}:a:0]${[
    // async=1 + first_pts=0: pad with silence where the audio starts late or has gaps,
    // trim where it starts early, so it stays on the video's clock
    // (https://ffmpeg.org/ffmpeg-filters.html#aresample-1, https://ffmpeg.org/ffmpeg-resampler.html).
    `aresample=${OUTPUT_SAMPLE_RATE}:async=1:first_pts=0`,
    // Mono is upmixed and 5.1 downmixed to stereo by the converter this inserts.
    layout,
    ...(clip.gainDb ? [`volume=${clip.gainDb.toFixed(2)}dB`] : []),
    // Silence past the end if the audio is shorter than the picture, then cut exactly.
    'apad',
    `atrim=end_sample=${s}`,
    'asetpts=PTS-STARTPTS',
  ].join(',')}[${outLabel}]`;
}
