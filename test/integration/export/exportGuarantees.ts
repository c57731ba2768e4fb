/**
 * The checks every export must pass (MEDIA-5/6/9), read with the system ffprobe/ffmpeg,
 * independent of our code.
 */
import { expect } from 'vitest';
import type { Fps } from '../../../shared/model/time.js';
import { countVideoFrames, decodeErrors, ffprobeJson, type ProbedStream } from '../../helpers/ffprobe.js';

/**
 * One H.264 yuv420p video track of `size` at its rate and one AAC stereo 48 kHz track; the file
 * and its video as long as `frames` within a frame; exactly `frames` frames; a clean decode.
 * Returns both tracks for the caller's own checks of the audio's length.
 */
export function expectExportGuarantees(
  file: string,
  frames: number,
  size: { width: number; height: number; fps: Fps },
): { video: ProbedStream; audio: ProbedStream } {
  const probe = ffprobeJson(file);
  const video = probe.streams.filter((s) => s.codec_type === 'video');
  const audio = probe.streams.filter((s) => s.codec_type === 'audio');
  expect(video).toHaveLength(1);
  expect(audio).toHaveLength(1);
  expect(video[0]).toMatchObject({
    codec_name: 'h264',
    width: size.width,
    height: size.height,
    pix_fmt: 'yuv420p',
    r_frame_rate: `${size.fps.num}/${size.fps.den}`,
  });
  expect(audio[0]).toMatchObject({ codec_name: 'aac', channels: 2, sample_rate: '48000' });
  const frame = size.fps.den / size.fps.num;
  const seconds = frames * frame;
  expect(Math.abs(Number(probe.format.duration) - seconds)).toBeLessThanOrEqual(frame);
  expect(Math.abs(Number(video[0]?.duration) - seconds)).toBeLessThanOrEqual(frame);
  expect(countVideoFrames(file)).toBe(frames);
  expect(decodeErrors(file)).toBe('');
  return { video: video[0]!, audio: audio[0]! };
}
