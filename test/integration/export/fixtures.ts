/**
 * Export fixtures: clips placed in a temp project folder and probed with the system ffprobe
 * into the MediaInfo shape the project stores (independent of our media service). Most odd
 * cases come from test/helpers/media.ts; the recipes here are the few it doesn't make.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MediaInfo } from '../../../shared/model/entities.js';
import type { Fps } from '../../../shared/model/time.js';
import type { ClipSpec } from '../../unit/export/doc.js';
import { currentFfPaths, setFfPaths } from '../../../electron/services/ffmpeg/binaries.js';
import { ffprobeJson } from '../../helpers/ffprobe.js';
import type { GrayFrame } from '../../helpers/grayFrame.js';
import { lavfiClip } from '../../helpers/lavfiClip.js';

const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';

/** Runs the system ffmpeg quietly (errors only), overwriting its output: for making inputs. */
export function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-hide_banner', '-v', 'error', '-nostdin', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/**
 * Cases test/helpers/media.ts doesn't make, or makes with content a pixel check can't read.
 * Each recipe writes `out`.
 */
export const RECIPES = {
  /** 1080x1920 portrait 25 fps, 32 kHz stereo. */
  portrait32k: (out: string) =>
    lavfiClip(out, {
      video: 'testsrc2=s=540x960:r=25',
      audio: 'sine=f=440:r=32000,aformat=channel_layouts=stereo',
      seconds: 1,
      preset: 'ultrafast',
      videoArgs: ['-vf', 'scale=1080:1920'],
    }),
  /** Plain white 320x240 stored with SAR 4:3, so it displays as 16:9 and fills a 16:9 frame. */
  whiteAnamorphic: (out: string) =>
    lavfiClip(out, {
      video: 'color=c=white:s=320x240:r=24',
      seconds: 1,
      preset: 'ultrafast',
      videoArgs: ['-vf', 'setsar=4/3'],
    }),
  /**
   * Stored 320x240 with the RIGHT half white, tagged to be shown turned 90 degrees
   * counter-clockwise (ffmpeg 5.1's muxer turns `rotate=90` into that display matrix, and only
   * when stream-copying, hence two steps): displayed it is 240x320 with the TOP half white.
   */
  splitRotated: (out: string) => {
    const plain = lavfiClip(`${out}.plain.mp4`, {
      video: 'color=c=black:s=320x240:r=24,drawbox=x=160:y=0:w=160:h=240:color=white:t=fill',
      seconds: 1,
      preset: 'ultrafast',
    });
    ffmpeg(['-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', out]);
    rmSync(plain);
  },
} satisfies Record<string, (out: string) => void>;
export type Recipe = keyof typeof RECIPES;

function ratio(text: string | undefined): Fps | null {
  const m = /^(\d+)\/(\d+)$/.exec(text ?? '');
  if (!m || Number(m[1]) === 0 || Number(m[2]) === 0) return null;
  return { num: Number(m[1]), den: Number(m[2]) };
}

/** MediaInfo from the system ffprobe, the shape our media service stores. */
export function probeInfo(file: string): MediaInfo {
  const json = ffprobeJson(file);
  const v = json.streams.find((s) => s.codec_type === 'video');
  const a = json.streams.find((s) => s.codec_type === 'audio');
  if (!v || !v.width || !v.height) throw new Error(`${file}: no video stream`);
  const sar = ratio(v.sample_aspect_ratio?.replace(':', '/')) ?? { num: 1, den: 1 };
  const rotation = v.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0;
  const sqW = Math.round((v.width * sar.num) / sar.den);
  const turned = Math.abs(rotation) % 180 === 90;
  const r = ratio(v.r_frame_rate);
  const avg = ratio(v.avg_frame_rate);
  return {
    kind: 'video',
    container: json.format.format_name,
    width: v.width,
    height: v.height,
    displayWidth: turned ? v.height : sqW,
    displayHeight: turned ? sqW : v.height,
    durationSec: Number(json.format.duration ?? 0),
    fps: avg ?? r,
    vfr: r !== null && avg !== null && r.num * avg.den !== avg.num * r.den,
    rotation,
    sar,
    videoCodec: v.codec_name,
    pixelFormat: v.pix_fmt ?? null,
    hasAudio: a !== undefined,
    audioCodec: a?.codec_name ?? null,
    audioChannels: a?.channels ?? 0,
    audioSampleRate: Number(a?.sample_rate ?? 0),
  };
}

/** Copies a file (or runs a recipe) to `<projectDir>/<relPath>`; returns its ClipSpec for makeDoc(). */
export function addClip(
  projectDir: string,
  relPath: string,
  source: Recipe | string,
  extra: Omit<ClipSpec, 'path' | 'info'> = {},
): ClipSpec {
  const abs = join(projectDir, relPath);
  mkdirSync(dirname(abs), { recursive: true });
  if (source in RECIPES) RECIPES[source as Recipe](abs);
  else copyFileSync(source, abs);
  if (statSync(abs).size === 0) throw new Error(`fixture ${relPath} is empty`);
  return { ...extra, path: relPath, info: probeInfo(abs) };
}

/** Mean brightness (0..255) of a rectangle of a gray frame. */
export function meanGray(f: GrayFrame, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += f.data[y * f.width + x] ?? 0;
  return sum / Math.max(1, (x1 - x0) * (y1 - y0));
}

/**
 * Puts a shell wrapper (in `dir`) in front of the real ffprobe that appends one line to `log`
 * per call: `import` for the import's probe (it names a pattern type), `clip` for the export's
 * clip probe (a data hash without one), `other` for the rest. Undo with `setFfPaths(null)`.
 */
export function logFfprobeCalls(dir: string, log: string): void {
  const real = currentFfPaths();
  const wrapper = join(dir, 'ffprobe-wrapper.sh');
  writeFileSync(
    wrapper,
    `#!/bin/sh\ncase "$*" in *-pattern_type*) echo import >> '${log}';; *-show_data_hash*) echo clip >> '${log}';; *) echo other >> '${log}';; esac\nexec '${real.ffprobe}' "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  setFfPaths({ ...real, ffprobe: wrapper });
}
