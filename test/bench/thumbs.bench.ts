/**
 * THM-1 (quality.md): a filmstrip sprite (20 tiles) of a 3-minute 1080p30 H.264 clip with a
 * 2 s GOP, made at bench time with testsrc2 (reliability-anchors B2.3), through makeFilmstrip
 * (layout, invocation, the one runner, temp + rename) against the raw keyframe-only command of
 * B2.3 typed by hand. Target: <= 1.5x and < 1 s. Each run starts with no cached sprite.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Asset } from '../../shared/model/entities.js';
import { currentFfPaths } from '../../electron/services/ffmpeg/binaries.js';
import { makeFilmstrip } from '../../electron/services/media/filmstrip.js';
import { probeFile } from '../../electron/services/media/probe.js';
import { frameSize } from '../helpers/ffprobe.js';
import { lavfiClip } from '../helpers/lavfiClip.js';
import { interleaved, medians, report } from './lib.js';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const ffmpegBin = currentFfPaths().ffmpeg;
const ID = 'ab'.repeat(32);

function ffmpeg(args: string[]): void {
  const r = spawnSync(ffmpegBin, ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'storyboard-bench-thm-'));
  try {
    const rel = `media/ab/${ID}.mp4`;
    const clip = join(root, ...rel.split('/'));
    mkdirSync(join(root, 'media', 'ab'), { recursive: true });
    console.log('making a 3-minute 1080p30 clip (GOP 2 s)...');
    lavfiClip(
      clip,
      { video: 'testsrc2=s=1920x1080:r=30:d=180', preset: 'ultrafast', videoArgs: ['-g', '60'] },
      ffmpegBin,
    );
    const info = await probeFile(clip);
    const asset: Asset = {
      id: ID,
      path: rel,
      originalName: 'testsrc2 3min.mp4',
      bytes: statSync(clip).size,
      origin: 'imported',
      info,
      createdAt: new Date().toISOString(),
    };
    const rawOut = join(root, 'raw.jpg');
    let strip = { path: '', count: 0, tileWidth: 0, tileHeight: 0 };
    const t = await interleaved(
      RUNS,
      async () => {
        rmSync(join(root, 'media', 'thumbs'), { recursive: true, force: true });
        strip = await makeFilmstrip(root, asset, { height: 90, count: 20 });
      },
      // B2.3's raw command: keyframes only, every 4th of the 90 keyframes, 20 tiles in a row.
      () =>
        ffmpeg([
          '-skip_frame',
          'nokey',
          '-i',
          clip,
          '-vf',
          "select='not(mod(n\\,4))',scale=160:90,tile=20x1",
          '-frames:v',
          '1',
          '-q:v',
          '5',
          rawOut,
        ]),
    );
    const size = frameSize(strip.path);
    if (size !== `${20 * strip.tileWidth},${strip.tileHeight}`) throw new Error(`unexpected sprite size ${size}`);
    report(
      {
        id: 'THM-1',
        workload:
          'filmstrip sprite, 20 tiles of 160x90, of a 3-min 1080p30 H.264 clip (GOP 2 s): keyframe-only decode, fps + tile',
        ...medians(t),
        targetRatio: 1.5,
        note: `absolute target < 1 s; sprite ${size}; baseline: raw ffmpeg -skip_frame nokey + select + tile (reliability-anchors B2.3)`,
      },
      t,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
