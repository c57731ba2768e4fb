/**
 * Real ffmpeg renders of every camera move from the real first frame, checked with the system
 * ffprobe/ffmpeg: exact frame count, size, rate, a clean decode, and that the picture moves the
 * way the move is named.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAnimaticImageInvocation } from '../../../shared/animatic/camera.js';
import type { CameraMove } from '../../../shared/model/entities.js';
import { CAMERA_MOVES } from '../../../shared/model/entities.js';
import type { Fps } from '../../../shared/model/time.js';
import { runFfmpeg } from '../../../electron/services/ffmpeg/runner.js';
import { countVideoFrames, decodeErrors, ffprobeJson } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { grabGray, meanAbsDiff } from './frames.js';
import { realMedia } from '../../helpers/realMedia.js';

const IMAGE = realMedia('first-frame-camping.png');
const dir = tempDir();

const renders = new Map<string, Promise<string>>();

/** Each distinct render once per file (the machine has 2 shared cores). */
function render(camera: CameraMove, width: number, height: number, fps: Fps, frames: number): Promise<string> {
  const output = join(dir, `${camera}-${width}x${height}-${frames}.mp4`);
  let done = renders.get(output);
  if (!done) {
    done = runFfmpeg(
      buildAnimaticImageInvocation({ imagePath: IMAGE, camera, width, height, fps, frames, output }),
    ).then(() => output);
    renders.set(output, done);
  }
  return done;
}

const formats = [
  { width: 1280, height: 720, fps: { num: 24, den: 1 }, rate: '24/1', frames: 24 },
  { width: 1080, height: 1920, fps: { num: 30000, den: 1001 }, rate: '30000/1001', frames: 31 },
];

describe.each(formats)('camera moves at $width x $height, $rate', (f) => {
  it.each([...CAMERA_MOVES])('%s: exact frames, size, rate, clean decode', async (camera) => {
    const out = await render(camera, f.width, f.height, f.fps, f.frames);
    const probe = ffprobeJson(out);
    const video = probe.streams.filter((s) => s.codec_type === 'video');
    expect(video).toHaveLength(1);
    expect(probe.streams.some((s) => s.codec_type === 'audio')).toBe(false);
    expect(video[0]).toMatchObject({
      codec_name: 'h264',
      width: f.width,
      height: f.height,
      pix_fmt: 'yuv420p',
      r_frame_rate: f.rate,
      avg_frame_rate: f.rate,
    });
    expect(countVideoFrames(out)).toBe(f.frames);
    expect(decodeErrors(out)).toBe('');
  });
});

describe('the picture moves as named (1280x720)', () => {
  const W = 1280;
  const H = 720;
  const frames = 24;
  const first = (file: string) => grabGray(file, 0, W, H);
  const last = (file: string) => grabGray(file, frames - 1, W, H);

  it('static stays still; push-in and pull-out change the picture', async () => {
    const still = await render('static', W, H, { num: 24, den: 1 }, frames);
    expect(meanAbsDiff(first(still), last(still))).toBeLessThan(0.5);
    for (const camera of ['push_in', 'pull_out'] as const) {
      const file = await render(camera, W, H, { num: 24, den: 1 }, frames);
      expect(meanAbsDiff(first(file), last(file)), camera).toBeGreaterThan(5);
    }
  });

  it('push-in ends on the centre of the start frame magnified 1.15x', async () => {
    const file = await render('push_in', W, H, { num: 24, den: 1 }, frames);
    const a = first(file);
    const b = last(file);
    // Pixel (x, y) of the last frame shows the start frame at centre + (x - centre) / 1.15.
    let sum = 0;
    let n = 0;
    for (let y = 100; y < H - 100; y += 3) {
      for (let x = 100; x < W - 100; x += 3) {
        const sx = Math.round(W / 2 + (x - W / 2) / 1.15);
        const sy = Math.round(H / 2 + (y - H / 2) / 1.15);
        sum += Math.abs((b.data[y * W + x] ?? 0) - (a.data[sy * W + sx] ?? 0));
        n++;
      }
    }
    const matched = sum / n;
    expect(matched).toBeLessThan(meanAbsDiff(a, b) / 2);
  });

  // Pans travel the spare room of a 1.2x frame: W - W/1.2 source px = 256 output px across,
  // H - H/1.2 = 144 px down. The last frame equals the first shifted by that much.
  it.each([
    ['pan_right', 256, 0],
    ['pan_left', -256, 0],
    ['tilt_down', 0, 144],
    ['tilt_up', 0, -144],
  ] as const)('%s shifts the picture by (%i, %i) px', async (camera, dx, dy) => {
    const file = await render(camera, W, H, { num: 24, den: 1 }, frames);
    const a = first(file);
    const b = last(file);
    // Window over the last frame whose shifted source stays inside the first frame.
    const win = { x: Math.max(0, -dx), y: Math.max(0, -dy), w: W - Math.abs(dx), h: H - Math.abs(dy) };
    const shifted = meanAbsDiff(b, a, { ...win, dx, dy });
    const unshifted = meanAbsDiff(b, a, win);
    const opposite = meanAbsDiff(b, a, {
      x: Math.max(0, dx),
      y: Math.max(0, dy),
      w: W - Math.abs(dx),
      h: H - Math.abs(dy),
      dx: -dx,
      dy: -dy,
    });
    expect(shifted).toBeLessThan(2);
    expect(unshifted).toBeGreaterThan(shifted * 3);
    expect(opposite).toBeGreaterThan(shifted * 3);
  });
});

describe('odd inputs', () => {
  it('an anamorphic (SAR 2:1), odd-sized still is cover-fitted undistorted', async () => {
    // 361x481 stored pixels at SAR 2:1 display as 722x481 (about 3:2), like the original.
    const src = join(dir, 'anamorphic 100%.png');
    const { execFileSync } = await import('node:child_process');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', IMAGE, '-vf', 'scale=361:481,setsar=2/1', src]);
    expect(ffprobeJson(src).streams[0]?.sample_aspect_ratio).toBe('2:1');
    const out = join(dir, 'anamorphic.mp4');
    await runFfmpeg(
      buildAnimaticImageInvocation({
        imagePath: src,
        camera: 'static',
        width: 1280,
        height: 720,
        fps: { num: 24, den: 1 },
        frames: 12,
        output: out,
      }),
    );
    const ref = await render('static', 1280, 720, { num: 24, den: 1 }, 12);
    expect(countVideoFrames(out)).toBe(12);
    expect(ffprobeJson(out).streams[0]).toMatchObject({ width: 1280, height: 720 });
    // Same framing as the square-pixel original (only resampling noise), not squeezed.
    expect(meanAbsDiff(grabGray(out, 5, 1280, 720), grabGray(ref, 5, 1280, 720))).toBeLessThan(6);
  });
});
