/**
 * Pure builders of the ffmpeg commands that make stills: a frame grab (continuity, first/last
 * frames) and a thumbnail. The runner executes them; tests check the arrays.
 */
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';
import type { MediaInfo } from '../model/entities.js';
import { fpsValue } from '../model/time.js';
import { baseName } from './store.js';

/** -y: outputs are our own temp names. -v error: stderr carries only errors for the tail. */
const GLOBALS = ['-hide_banner', '-nostdin', '-y', '-v', 'error'];

const STILL_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'webp', 'bmp', 'tif', 'tiff']);

/**
 * Input options for a still image file. ffmpeg picks the image2 demuxer for .png/.jpg/... names
 * and reads `%d` in the name as a frame-number pattern ("Could find no file with path ...");
 * `-pattern_type none` turns that off (https://ffmpeg.org/ffmpeg-formats.html#image2-1), and it
 * exists only on image2, hence `-f image2`. GIFs have their own demuxer and need nothing.
 */
export function stillImageInputOptions(path: string): string[] {
  const name = baseName(path);
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return STILL_EXTENSIONS.has(ext) ? ['-f', 'image2', '-pattern_type', 'none'] : [];
}

/**
 * Output options that write exactly the named file: the image2 muxer would also read `%d` in an
 * output name as a pattern; `-update 1` makes it one file, overwritten per frame
 * (https://ffmpeg.org/ffmpeg-formats.html#image2-2). JPEG quality 2 (scale 2-31, lower is
 * better) for grabs that feed generation, 4 for thumbnails.
 */
function stillOutputOptions(output: string, jpegQuality: number): string[] {
  const ext = output.slice(output.lastIndexOf('.') + 1).toLowerCase();
  return [...(ext === 'jpg' || ext === 'jpeg' ? ['-q:v', String(jpegQuality)] : []), '-update', '1'];
}

function seconds(t: number): string {
  return Math.max(0, t).toFixed(6);
}

export interface GrabFrameSpec {
  input: string;
  /** Seconds from the start, or 'last' for the clip's final frame. */
  atSec: number | 'last';
  /** .png (lossless, default choice), .jpg or .webp; the format follows the extension. */
  output: string;
  /** True when `input` is a still image (then atSec is ignored); default: judged by extension. */
  isStillImage?: boolean;
  label?: string;
}

/**
 * One frame as an image. `-ss` before `-i` is frame-accurate when transcoding: ffmpeg seeks to
 * the keyframe before and decodes up to the position (-accurate_seek is on by default,
 * https://trac.ffmpeg.org/wiki/Seeking). 'last' uses `-sseof -1` (the final second) and lets
 * `-update 1` overwrite the file with each frame, so the file ends as the very last frame even
 * when the stated duration or frame rate is off (VFR, edit lists). Rotation and SAR: ffmpeg
 * autorotates by default, and `scale=round(iw*sar):ih,setsar=1` gives square pixels, so the
 * image looks as the clip is displayed (the size is otherwise kept, odd sizes included).
 */
export function grabFrameInvocation(spec: GrabFrameSpec): FfmpegInvocation {
  const still = spec.isStillImage ?? stillImageInputOptions(spec.input).length > 0;
  const seek = still
    ? []
    : spec.atSec === 'last'
      ? ['-sseof', '-1']
      : spec.atSec > 0
        ? ['-ss', seconds(spec.atSec)]
        : [];
  return {
    label: spec.label ?? `frame of ${baseName(spec.input)}`,
    globalOptions: GLOBALS,
    inputs: [{ options: [...(still ? stillImageInputOptions(spec.input) : []), ...seek], source: spec.input }],
    filterComplex: null,
    outputOptions: [
      '-map',
      '0:v:0',
      ...(spec.atSec === 'last' && !still ? [] : ['-frames:v', '1']),
      '-vf',
      "scale='round(iw*sar)':ih,setsar=1",
      ...stillOutputOptions(spec.output, 2),
    ],
    output: spec.output,
    durationSec: null,
  };
}

export const THUMB_MAX_WIDTH = 320;

/** Thumbnail size: at most maxWidth wide, the displayed aspect (rotation, SAR), even sides. */
export function thumbnailSize(info: MediaInfo, maxWidth = THUMB_MAX_WIDTH): { width: number; height: number } {
  if (info.kind === 'audio' || info.displayWidth <= 0 || info.displayHeight <= 0)
    return { width: maxWidth, height: Math.round(maxWidth / 4) };
  // Never wider than the source (floor), height to the nearest even number.
  const width = Math.max(2, 2 * Math.floor(Math.min(maxWidth, info.displayWidth) / 2));
  return { width, height: Math.max(2, 2 * Math.round((width * info.displayHeight) / info.displayWidth / 2)) };
}

/** Where a clip's thumbnail is taken: ~10% in (past fades from black), never past the last frame. */
export function thumbnailTimeSec(info: MediaInfo): number {
  if (info.kind !== 'video') return 0;
  const frame = info.fps ? 1 / fpsValue(info.fps) : 0.1;
  return Math.max(0, Math.min(info.durationSec * 0.1, info.durationSec - frame));
}

export interface ThumbnailSpec {
  input: string;
  info: MediaInfo;
  /** A .jpg path (written as JPEG). */
  output: string;
  maxWidth?: number;
}

/** A JPEG thumbnail: a frame ~10% into a clip, the image itself, or an audio waveform. */
export function thumbnailInvocation(spec: ThumbnailSpec): FfmpegInvocation {
  const { info } = spec;
  const { width, height } = thumbnailSize(info, spec.maxWidth);
  const label = `thumbnail of ${baseName(spec.input)}`;
  const out = ['-frames:v', '1', ...stillOutputOptions(spec.output, 4)];
  if (info.kind === 'audio') {
    return {
      label,
      globalOptions: GLOBALS,
      inputs: [{ options: [], source: spec.input }],
      // The whole file's waveform as one picture (https://ffmpeg.org/ffmpeg-filters.html#showwavespic).
      filterComplex: `[0:a:0]showwavespic=s=${width}x${height}:colors=0x8fb8ff[v]`,
      outputOptions: ['-map', '[v]', ...out],
      output: spec.output,
      durationSec: null,
    };
  }
  const t = thumbnailTimeSec(info);
  const inputOptions = info.kind === 'image' ? stillImageInputOptions(spec.input) : t > 0 ? ['-ss', seconds(t)] : [];
  return {
    label,
    globalOptions: GLOBALS,
    inputs: [{ options: inputOptions, source: spec.input }],
    filterComplex: null,
    // Autorotate turns the frame upright before this scale; the target size already accounts
    // for rotation and SAR, so the picture has the displayed shape with square pixels.
    outputOptions: ['-map', '0:v:0', '-vf', `scale=${width}:${height},setsar=1`, ...out],
    output: spec.output,
    durationSec: null,
  };
}
