/**
 * The animatic of a shot with a first frame: the still, cover-fitted to the project frame,
 * with the shot's camera move, as an H.264 MP4 of an exact frame count. Pure: returns the
 * ffmpeg invocation; the one runner executes it.
 *
 * How the move is made, and why (measured on 2 cores, 1280x720, 72 frames, by tracking the
 * centroid of small dots through the frames; "jitter" = RMS of the second difference of their
 * positions, 0 for perfectly even motion):
 * - zoompan (https://ffmpeg.org/ffmpeg-filters.html#zoompan) crops at whole pixels of its
 *   input and rounds the crop size, so zooms step: 0.44 px jitter on a 2x canvas, 0.24 px on a
 *   4x canvas (slower).
 * - scale with eval=frame + crop also snaps to whole pixels and re-inits the graph per size.
 * - perspective with eval=frame (https://ffmpeg.org/ffmpeg-filters.html#perspective) maps the
 *   four corners of a sub-pixel source rectangle to the output with interpolation: 0.15 px
 *   jitter (the measuring floor), at zoompan-2x speed. We use it. Every move magnifies
 *   (zoom >= 1), so linear interpolation is enough and no oversized canvas is needed.
 * The image is decoded and cover-fitted ONCE, then repeated with the loop filter
 * (https://ffmpeg.org/ffmpeg-filters.html#loop), instead of `-loop 1` on the input, which
 * decodes and rescales the image for every frame: 3x slower on a 4K still.
 */
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';
import type { CameraMove } from '../model/entities.js';
import type { Fps } from '../model/time.js';
import { framesToSeconds } from '../model/time.js';
import { ANIMATIC_GLOBAL_OPTIONS, h264OutputOptions, validateRenderSize } from './encode.js';

/** Push/pull zoom range and the magnification used for pans and tilts (room to travel). */
export const PUSH_ZOOM = 1.15;
export const PAN_ZOOM = 1.2;

/**
 * A move as start/end values, interpolated linearly over the shot (a constant-speed move, as
 * in a Ken Burns effect). zoom: magnification of the cover-fitted frame (1 = whole frame).
 * x, y: where the visible window sits in the spare room, 0 = left/top edge, 1 = right/bottom.
 */
export interface CameraPath {
  zoom: [number, number];
  x: [number, number];
  y: [number, number];
}

export function cameraPath(camera: CameraMove): CameraPath {
  const c: [number, number] = [0.5, 0.5];
  switch (camera) {
    case 'static':
      return { zoom: [1, 1], x: c, y: c };
    case 'push_in':
      return { zoom: [1, PUSH_ZOOM], x: c, y: c };
    case 'pull_out':
      return { zoom: [PUSH_ZOOM, 1], x: c, y: c };
    // The camera turns left, so the window travels from the right edge to the left one.
    case 'pan_left':
      return { zoom: [PAN_ZOOM, PAN_ZOOM], x: [1, 0], y: c };
    case 'pan_right':
      return { zoom: [PAN_ZOOM, PAN_ZOOM], x: [0, 1], y: c };
    case 'tilt_up':
      return { zoom: [PAN_ZOOM, PAN_ZOOM], x: c, y: [1, 0] };
    case 'tilt_down':
      return { zoom: [PAN_ZOOM, PAN_ZOOM], x: c, y: [0, 1] };
  }
}

export interface AnimaticImageOptions {
  /** Absolute path of the still (any format ffmpeg's image2 demuxer reads). */
  imagePath: string;
  camera: CameraMove;
  width: number;
  height: number;
  fps: Fps;
  frames: number;
  output: string;
  /** For logs ("animatic shot 3"). */
  label?: string;
}

/** Short decimal text for an expression (no exponent, no float noise). */
function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** `from -> to` over output frames 0..last as an expression of `on` (output frame number). */
function lerpExpr([from, to]: [number, number], last: number): string {
  if (from === to) return num(from);
  const delta = to - from;
  return `(${num(from)}${delta < 0 ? '-' : '+'}${num(Math.abs(delta))}*on/${last})`;
}

/**
 * The perspective filter for a moving path, or null when the frame never moves. Corners, in
 * source coordinates, go to the output's top-left, top-right, bottom-left, bottom-right.
 */
export function perspectiveFilter(path: CameraPath, frames: number): string | null {
  if (path.zoom[0] === 1 && path.zoom[1] === 1) return null;
  const last = Math.max(frames - 1, 1);
  const z = lerpExpr(path.zoom, last);
  const vw = `W/${z}`;
  const vh = `H/${z}`;
  const left = `(W-${vw})*${lerpExpr(path.x, last)}`;
  const top = `(H-${vh})*${lerpExpr(path.y, last)}`;
  const right = `${left}+${vw}`;
  const bottom = `${top}+${vh}`;
  const corners = [
    ['x0', left],
    ['y0', top],
    ['x1', right],
    ['y1', top],
    ['x2', left],
    ['y2', bottom],
    ['x3', right],
    ['y3', bottom],
  ];
  // Quoted: the expressions hold no quote, and quoting keeps ',' and ':' out of the parsers.
  return `perspective=${corners.map(([k, v]) => `${k}='${v}'`).join(':')}:interpolation=linear:eval=frame`;
}

/**
 * Cover-fit in square pixels: display width is iw*sar (dar = iw*sar/ih), so anamorphic stills
 * come out undistorted. ceil() keeps both sides >= the frame so the centred crop always fits;
 * force_original_aspect_ratio would ignore the SAR.
 */
export function coverFitFilter(width: number, height: number): string {
  return [
    `scale=w='max(${width},ceil(${height}*dar))':h='max(${height},ceil(${width}/dar))':flags=lanczos:out_color_matrix=bt709:out_range=tv`,
    'setsar=1',
    `crop=${width}:${height}`,
  ].join(',');
}

export function buildAnimaticImageInvocation(o: AnimaticImageOptions): FfmpegInvocation {
  validateRenderSize(o.width, o.height, o.frames);
  const move = perspectiveFilter(cameraPath(o.camera), o.frames);
  const chain = [
    // Only the first picture of the input (an animated GIF/WebP would otherwise play on).
    'trim=end_frame=1',
    coverFitFilter(o.width, o.height),
    'format=yuv420p',
    `loop=loop=${o.frames - 1}:size=1:start=0`,
    // The looped copies carry no timestamps of their own: number them at the project rate.
    `setpts=N*${o.fps.den}/(${o.fps.num}*TB)`,
    ...(move ? [move] : []),
  ];
  return {
    label: o.label ?? `animatic ${o.camera}`,
    globalOptions: [...ANIMATIC_GLOBAL_OPTIONS],
    inputs: [
      {
        // image2 with pattern matching off: a '%' in the file name is a name, not a sequence
        // pattern (https://ffmpeg.org/ffmpeg-formats.html#image2-1).
        options: ['-f', 'image2', '-pattern_type', 'none'],
        source: o.imagePath,
      },
    ],
    filterComplex: `[0:v]${chain.join(',')}[v]`,
    outputOptions: h264OutputOptions({ fps: o.fps, frames: o.frames, still: move === null }),
    output: o.output,
    durationSec: framesToSeconds(o.frames, o.fps),
  };
}
