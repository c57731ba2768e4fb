/**
 * Framing through the real ffmpeg: the default framing (fit, centred) writes exactly the
 * pixels the conform chain wrote before framing existed (the old expression-based
 * scale/pad, run side by side here), for real, anamorphic, odd-sized and rotated sources in
 * every project aspect; and `fill` at a crop position cuts the part frameGeometry says.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { placeChain } from '../../../shared/export/filters.js';
import { DEFAULT_FRAMING, type Framing } from '../../../shared/model/framing.js';
import { oddSizeClip, REAL_CLIPS, rotatedClip, sarClip } from '../../helpers/media.js';
import { probeInfo } from './fixtures.js';

const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
const CANVASES = [
  [1280, 720],
  [720, 1280],
  [720, 720],
  [720, 900],
  [1680, 720],
] as const;

/** framemd5 lines of the first two frames through `chain` (hashes only). */
function frameHashes(file: string, chain: string): string[] {
  const r = spawnSync(
    FFMPEG,
    ['-v', 'error', '-i', file, '-an', '-vf', chain, '-frames:v', '2', '-f', 'framemd5', '-'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg failed on ${chain}: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').pop()!.trim());
}

const oldChain = (W: number, H: number): string =>
  `scale=iw*sar:ih,setsar=1,scale=${W}:${H}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p`;

const newChain = (file: string, W: number, H: number, framing: Framing): string =>
  [
    'scale=iw*sar:ih',
    'setsar=1',
    ...placeChain({ info: probeInfo(file) }, { width: W, height: H, fps: { num: 24, den: 1 } }, framing),
    'setsar=1',
    'format=yuv420p',
  ].join(',');

describe('framing in the conform chain (real ffmpeg)', () => {
  const sources = { horse: REAL_CLIPS.horse, sar: sarClip(), odd: oddSizeClip(), rotated: rotatedClip(90) };
  for (const [name, file] of Object.entries(sources)) {
    it(`default framing keeps the old output exactly: ${name}`, () => {
      for (const [W, H] of CANVASES) {
        const before = frameHashes(file, oldChain(W, H));
        expect(before).toHaveLength(2);
        expect(frameHashes(file, newChain(file, W, H, DEFAULT_FRAMING)), `${name} at ${W}x${H}`).toEqual(before);
      }
    });
  }

  it('fill at a crop position shows the part of the picture frameGeometry places there', () => {
    // The horse clip (3:2) filling 9:16: the picture is cropped left/right. x = 0 keeps the
    // left edge, x = 1 the right one: both differ from the centre and from each other.
    const at = (x: number) =>
      frameHashes(REAL_CLIPS.horse, newChain(REAL_CLIPS.horse, 720, 1280, { mode: 'fill', x, y: 0.5 }))[0];
    const left = at(0);
    const centre = at(0.5);
    const right = at(1);
    expect(new Set([left, centre, right]).size).toBe(3);
    // The left-edge crop equals scaling by hand and cropping at 0: the numbers are frameGeometry's.
    expect(left).toBe(
      frameHashes(REAL_CLIPS.horse, 'scale=1920:1280,setsar=1,crop=720:1280:0:0,setsar=1,format=yuv420p')[0],
    );
  });
});
