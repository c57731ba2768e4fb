/**
 * The offline upscale: Lanczos resampling to the target size, then a mild unsharp mask to
 * restore edge contrast the resampling softens (ffmpeg's scale `flags=lanczos` and `unsharp`
 * luma 5x5 amount 0.8, chroma untouched: https://ffmpeg.org/ffmpeg-filters.html#unsharp-1).
 * H.264 CRF 18 yuv420p, the take's own sound copied. Pure: the runner executes it.
 */
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';

export const UPSCALE_FACTOR = 2;
/** Never past 4K UHD's long side. */
export const MAX_UPSCALE_SIDE = 3840;

/** The target size for a source: `factor` times, even sides, the long side at most 3840. */
export function upscaleSize(width: number, height: number, factor = UPSCALE_FACTOR): { width: number; height: number } {
  const scale = Math.min(factor, MAX_UPSCALE_SIDE / Math.max(width, height));
  const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);
  return { width: even(width * scale), height: even(height * scale) };
}

export function upscaleInvocation(o: {
  input: string;
  output: string;
  width: number;
  height: number;
  durationSec: number;
}): FfmpegInvocation {
  return {
    label: 'upscale take',
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: [{ options: [], source: o.input }],
    filterComplex: null,
    outputOptions: [
      '-map',
      '0:v:0',
      '-map',
      '0:a?',
      '-vf',
      `scale=${o.width}:${o.height}:flags=lanczos,unsharp=5:5:0.8:5:5:0.0,setsar=1`,
      '-c:v',
      'libx264',
      '-preset',
      'medium',
      '-crf',
      '18',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'copy',
      '-movflags',
      '+faststart',
    ],
    output: o.output,
    durationSec: o.durationSec,
  };
}
