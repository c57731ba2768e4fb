/**
 * Encoder settings per export quality. One table so the plan, the argument builder, the UI
 * and the benchmark baseline all agree on what "draft" means.
 */
import type { Quality } from '../model/format.js';
import type { ExportContainer } from './plan.js';

export interface QualityPreset {
  /** libx264 speed/efficiency trade-off (https://trac.ffmpeg.org/wiki/Encode/H.264#Preset). */
  x264Preset: 'veryfast' | 'medium' | 'slow';
  /** Constant quality: lower is better and bigger; 17-18 is "visually lossless" (same page, #crf). */
  crf: number;
  /** AAC bit rate for 48 kHz stereo. */
  audioBitrate: '192k' | '256k';
}

export const QUALITY_PRESETS: Readonly<Record<Quality, QualityPreset>> = {
  draft: { x264Preset: 'veryfast', crf: 23, audioBitrate: '192k' },
  standard: { x264Preset: 'medium', crf: 20, audioBitrate: '192k' },
  high: { x264Preset: 'slow', crf: 17, audioBitrate: '256k' },
};

/** What every export produces, whatever the sources are (design.md §7). */
export const OUTPUT_PIXEL_FORMAT = 'yuv420p';
export const OUTPUT_SAMPLE_RATE = 48_000;
export const OUTPUT_CHANNELS = 2;

/**
 * Video encoder options for a quality. yuv420p + High profile is what every browser, phone
 * and editor decodes; x264 would otherwise keep 4:4:4 or 4:2:2 sources as High 4:4:4
 * Predictive, which QuickTime and most phones refuse (https://trac.ffmpeg.org/wiki/Encode/H.264#Encodingfordumbplayers).
 */
export function videoEncoderArgs(quality: Quality): string[] {
  const p = QUALITY_PRESETS[quality];
  return [
    '-c:v',
    'libx264',
    '-preset',
    p.x264Preset,
    '-crf',
    String(p.crf),
    '-pix_fmt',
    OUTPUT_PIXEL_FORMAT,
    '-profile:v',
    'high',
  ];
}

/** AAC stereo at 48 kHz: the rate video tools expect, whatever the sources' rates were. */
export function audioEncoderArgs(quality: Quality): string[] {
  return [
    '-c:a',
    'aac',
    '-b:a',
    QUALITY_PRESETS[quality].audioBitrate,
    '-ar',
    String(OUTPUT_SAMPLE_RATE),
    '-ac',
    String(OUTPUT_CHANNELS),
  ];
}

/**
 * The end of every export's output options: the index (moov) first so players and browsers
 * start before the whole file loads (https://trac.ffmpeg.org/wiki/Encode/H.264#faststartforwebvideo),
 * and the muxer named, since the temp name ends in .sbtmp and the muxer can't be guessed from it.
 */
export function exportMuxerArgs(container: ExportContainer): string[] {
  return ['-movflags', '+faststart', '-f', container];
}
