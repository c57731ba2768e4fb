/**
 * Per-clip filter chains that conform any source to the output: square pixels, output size
 * (letterbox/pillarbox), frame rate, pixel format, an exact frame count, and 48 kHz stereo
 * audio with an exact sample count (design.md §7 "conform every clip").
 *
 * Only numbers are interpolated into the graph. File paths never appear in it: they are -i
 * arguments (one argv element each), so Unicode, quotes, `%` and spaces in names need no
 * filter-graph escaping at all (quality.md MEDIA-13).
 */
import { DEFAULT_FRAMING, frameGeometry, frameSourceOf, type Framing } from '../model/framing.js';
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

/**
 * Scale and place the picture in the W x H canvas per the shot's framing: the numbers come
 * from frameGeometry (shared/model/framing.ts), the same function the viewer draws with.
 * `fit` pads the scaled picture onto black (letterbox/pillarbox); `fill` crops it. Both sides
 * are even for 4:2:0 chroma (mlt#256).
 */
export function placeChain(clip: Pick<ExportClip, 'info'>, target: ChainTarget, framing: Framing): string[] {
  const W = int(target.width, 'width');
  const H = int(target.height, 'height');
  const g = frameGeometry(frameSourceOf(clip.info), { width: target.width, height: target.height }, framing);
  const scale = `scale=${int(g.width, 'scaled width')}:${int(g.height, 'scaled height')}`;
  // pad may only grow and crop only shrink, so each axis is padded or cropped on its own
  // (https://ffmpeg.org/ffmpeg-filters.html#pad-1, https://ffmpeg.org/ffmpeg-filters.html#crop).
  const cropW = Math.min(g.width, target.width);
  const cropH = Math.min(g.height, target.height);
  const steps = [scale];
  if (cropW < g.width || cropH < g.height) {
    steps.push(
      `crop=${int(cropW, 'crop width')}:${int(cropH, 'crop height')}:${int(Math.max(0, -g.left), 'crop x')}:${int(Math.max(0, -g.top), 'crop y')}`,
    );
  }
  if (cropW < target.width || cropH < target.height) {
    // Centre it on black: letterbox or pillarbox.
    steps.push(`pad=${W}:${H}:${int(Math.max(0, g.left), 'pad x')}:${int(Math.max(0, g.top), 'pad y')}:color=black`);
  }
  return steps;
}

/** The video chain for input `inputIndex`, ending in label `[v<n>]`. */
export function videoChain(
  inputIndex: number,
  clip: Pick<ExportClip, 'frames' | 'info'> & { framing?: Framing },
  target: ChainTarget,
  outLabel: string,
): string {
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
    ...placeChain(clip, target, clip.framing ?? DEFAULT_FRAMING),
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
export function audioChain(
  inputIndex: number,
  clip: Pick<ExportClip, 'samples' | 'info'> & Partial<Pick<ExportClip, 'gainDb' | 'muted'>>,
  outLabel: string,
): string {
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
