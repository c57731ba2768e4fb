/**
 * A picture made exactly W x H for an API that refuses any other size (the Sora /v1/videos
 * shape: "Inpaint image must match the requested width and height", providers.md §1).
 * Cover-fit with the animatic's geometry (shared/animatic/camera.ts coverFitFilter): fill the
 * frame in square pixels, crop the centre, never letterbox or stretch. Pure; the one runner
 * executes it.
 */
import { AppError } from '../errors.js';
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';
import { stillImageInputOptions } from './frames.js';
import { baseName } from './store.js';

const MAX_SIDE = 8192;

/**
 * Scale so both sides cover the frame, then crop the centre. `dar` is iw*sar/ih, so an
 * anamorphic picture is judged by how it is displayed; setsar=1 makes the pixels square.
 * Unlike the animatic (which outputs bt709 TV-range video) the output stays RGB: no colour
 * matrix or range options, which would shift the colours of a PNG.
 */
export function coverFitStillFilter(width: number, height: number): string {
  return [
    `scale=w='max(${width},ceil(${height}*dar))':h='max(${height},ceil(${width}/dar))':flags=lanczos`,
    'setsar=1',
    `crop=${width}:${height}`,
  ].join(',');
}

export interface FitFrameSpec {
  /** A still (PNG, JPEG, WebP, ...); only its first picture is used. */
  input: string;
  /** Written as PNG (lossless; every image API takes it), whatever its extension. */
  output: string;
  width: number;
  height: number;
  label?: string;
}

export function fitFrameInvocation(spec: FitFrameSpec): FfmpegInvocation {
  for (const [name, v] of [
    ['width', spec.width],
    ['height', spec.height],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > MAX_SIDE) {
      throw new AppError(
        'INVALID_INPUT',
        `A picture's ${name} must be a whole number of pixels from 1 to ${MAX_SIDE} (got ${v}).`,
      );
    }
  }
  return {
    label: spec.label ?? `fit ${baseName(spec.input)} to ${spec.width}x${spec.height}`,
    // -y: the output is our own temp name. -v error: stderr carries only errors for the tail.
    globalOptions: ['-hide_banner', '-nostdin', '-y', '-v', 'error'],
    inputs: [{ options: stillImageInputOptions(spec.input), source: spec.input }],
    filterComplex: null,
    outputOptions: [
      '-map',
      '0:v:0',
      '-frames:v',
      '1',
      '-vf',
      coverFitStillFilter(spec.width, spec.height),
      '-c:v',
      'png',
      // One file named exactly `output`, '%' and all (https://ffmpeg.org/ffmpeg-formats.html#image2-2).
      '-f',
      'image2',
      '-update',
      '1',
    ],
    output: spec.output,
    durationSec: null,
  };
}
