/**
 * Encoder settings per deliverable codec and export quality. Segments of one deliverable are
 * encoded with exactly these arguments, so they join without re-encoding; the arguments are
 * also part of every segment's cache key (shared/export/segments.ts). Pure.
 */
import type { Quality } from '../api/contract.js';
import type { Deliverable, VideoCodec } from './deliverable.js';
import { OUTPUT_CHANNELS, OUTPUT_SAMPLE_RATE, QUALITY_PRESETS, videoEncoderArgs } from './presets.js';
import { assertNever } from '../assertNever.js';

/** x265 presets and CRF by quality: x265's CRF scale sits ~5 above x264's for the same look (https://trac.ffmpeg.org/wiki/Encode/H.265). */
const X265: Record<Quality, { preset: string; crf: number }> = {
  draft: { preset: 'ultrafast', crf: 28 },
  standard: { preset: 'fast', crf: 25 },
  high: { preset: 'slow', crf: 22 },
};

/** The pixel format each codec's deliverable carries (a new codec must name its own). */
const PIXEL_FORMATS = {
  h264: 'yuv420p',
  hevc: 'yuv420p',
  // ProRes 422 is 10-bit 4:2:2 (https://trac.ffmpeg.org/wiki/Encode/VFX#Prores).
  prores: 'yuv422p10le',
} as const satisfies Record<VideoCodec, string>;

export function pixelFormatFor(codec: VideoCodec): string {
  return PIXEL_FORMATS[codec];
}

/** Video encoder options (no -tag: the tag is the muxer's and set when the deliverable is muxed). */
export function codecArgs(codec: VideoCodec, quality: Quality): string[] {
  switch (codec) {
    case 'h264':
      return videoEncoderArgs(quality);
    case 'hevc': {
      const p = X265[quality];
      // log-level=error: x265 prints its banner and stats to stderr otherwise.
      return [
        '-c:v',
        'libx265',
        '-preset',
        p.preset,
        '-crf',
        String(p.crf),
        '-pix_fmt',
        'yuv420p',
        '-x265-params',
        'log-level=error',
      ];
    }
    case 'prores':
      // prores_ks profile 2 = ProRes 422 (standard); vendor apl0 so Apple tools accept it as their own
      // (https://ffmpeg.org/ffmpeg-codecs.html#ProRes).
      return ['-c:v', 'prores_ks', '-profile:v', '2', '-vendor', 'apl0', '-pix_fmt', 'yuv422p10le'];
    default:
      return assertNever(codec, 'video codec');
  }
}

/**
 * The muxer's stream tag: HEVC as `hvc1` (parameter sets in the sample description), the tag
 * Apple's players require (https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices
 * §1.10); ffmpeg defaults to `hev1`.
 */
export function videoTagArgs(codec: VideoCodec): string[] {
  return codec === 'hevc' ? ['-tag:v', 'hvc1'] : [];
}

/** ffprobe's codec_name for the codec (what the output check expects). */
export function probeCodecName(codec: VideoCodec): string {
  return codec;
}

/** AAC 48 kHz stereo in MP4; 24-bit PCM in a ProRes MOV (a broadcast master carries uncompressed sound). */
export function deliverableAudioArgs(dv: Pick<Deliverable, 'codec' | 'container'>, quality: Quality): string[] {
  const layout = ['-ar', String(OUTPUT_SAMPLE_RATE), '-ac', String(OUTPUT_CHANNELS)];
  if (dv.codec === 'prores' && dv.container === 'mov') return ['-c:a', 'pcm_s24le', ...layout];
  return ['-c:a', 'aac', '-b:a', QUALITY_PRESETS[quality].audioBitrate, ...layout];
}

export function audioCodecName(dv: Pick<Deliverable, 'codec' | 'container'>): string {
  return dv.codec === 'prores' && dv.container === 'mov' ? 'pcm_s24le' : 'aac';
}
