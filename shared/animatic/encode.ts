/** Output options shared by every animatic render: an H.264 MP4 that any editor accepts. */
import type { Fps } from '../model/time.js';
import { fpsToString } from '../model/time.js';
import { AppError } from '../errors.js';

export const ANIMATIC_GLOBAL_OPTIONS: readonly string[] = ['-hide_banner', '-nostdin', '-y'];

/**
 * Filter that converts to the delivery pixel format with the BT.709 matrix in TV range.
 * Without out_color_matrix swscale converts RGB with BT.601 while players assume BT.709 for
 * HD, which shifts colours (https://ffmpeg.org/ffmpeg-filters.html#scale-1).
 */
export const TO_YUV420P_BT709 = 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p';

export function validateRenderSize(width: number, height: number, frames: number): void {
  // 4:2:0 chroma is subsampled 2x2, so libx264 rejects odd sizes; the project's sizes are even
  // (shared/model/format.ts), so an odd one here is a caller bug worth naming.
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 2 || height < 2 || width % 2 || height % 2) {
    throw new AppError('INVALID_INPUT', `Animatic size must be even and at least 2x2, got ${width}x${height}`);
  }
  if (!Number.isInteger(frames) || frames < 1)
    throw new AppError('INVALID_INPUT', `Animatic frame count must be a positive integer, got ${frames}`);
}

/**
 * -map of the graph's [v] output, exact frame count, constant rate, x264 and faststart.
 * `still`: every frame is the same picture (static shot, title card); -tune stillimage lowers
 * deblocking and raises psy-rd for sharper stills, but for moving shots it only wastes bits
 * on motion, so moving shots keep x264's default tuning
 * (https://trac.ffmpeg.org/wiki/Encode/H.264#Tune).
 */
export function h264OutputOptions(opts: { fps: Fps; frames: number; still: boolean }): string[] {
  return [
    '-map',
    '[v]',
    '-an',
    // -frames:v makes the count exact whatever the looping input does.
    '-frames:v',
    String(opts.frames),
    // An explicit output rate keeps the MP4 time base at the project's rational rate (CFR).
    '-r',
    fpsToString(opts.fps),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '18',
    ...(opts.still ? ['-tune', 'stillimage'] : []),
    '-pix_fmt',
    'yuv420p',
    // Tag what TO_YUV420P_BT709 produced so players and the export conform read it right.
    '-colorspace',
    'bt709',
    '-color_primaries',
    'bt709',
    '-color_trc',
    'bt709',
    '-color_range',
    'tv',
    // moov atom first: the preview player can start before the whole file is read.
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
  ];
}
