/**
 * Odd media fixtures, made with the SYSTEM ffmpeg at test time (never through our runner, so
 * a bug in our code can't shape its own inputs). Each function returns an absolute path and
 * is cached for the test run: the first call encodes (a fraction of a second), later calls in
 * any test file of the same run reuse the file. Files are tiny (320x240, 1-2 s).
 *
 *   cfrClip()          H.264 320x240 25 fps 2 s + AAC stereo 48 kHz (the "normal" clip)
 *   vfrClip()          H.264 320x240 2 s, frames at irregular intervals (r 30/1, avg 20/1) + stereo
 *   rotatedClip(cw)    cfrClip with a display matrix: shown turned `cw` degrees clockwise
 *   oddSizeClip()      H.264 321x241 yuv444p 25 fps 1 s, no audio
 *   sarClip()          H.264 320x240 with SAR 2:1 (displays as 640x240), 25 fps 1 s, no audio
 *   noAudioClip()      H.264 320x240 25 fps 1 s, no audio stream at all
 *   monoClip()         H.264 320x240 25 fps 1 s + AAC mono 44.1 kHz
 *   hevcClip()         HEVC 320x240 25 fps 1 s (null when this ffmpeg has no libx265)
 *   pngImage() / jpegImage()   320x240 stills;  gifAnimation()  160x120 10 fps 1 s GIF
 *   audioOnly()        AAC stereo 48 kHz 2 s in .m4a
 *   unicodeNameClip()  cfrClip named `镜头 'a' 100% b.mp4` (Unicode, quotes, %, spaces)
 *   zeroByteFile()     empty.mp4 (0 bytes)
 *   truncatedClip()    the first 30% of cfrClip (no moov atom: unreadable)
 *   corruptFile()      64 KiB of pseudo-random bytes named .mp4
 *   textFileAsMp4()    a plain text file named .mp4
 *   REAL_CLIPS         the real AI clips (realMedia.ts finds them; STORYBOARD_TEST_MEDIA overrides)
 *
 * The cache lives in $TMPDIR/storyboard-media-fixtures-<vitest pid>; folders of finished runs
 * are removed on first use. Set STORYBOARD_FIXTURE_DIR to pin it (e.g. to inspect files).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../../electron/services/util/process.js';
import { isMainThread } from 'node:worker_threads';
import { lavfiClip, lavfiPicture } from './lavfiClip.js';

const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
const FFPROBE = process.env.FFPROBE_PATH ?? 'ffprobe';
const PREFIX = 'storyboard-media-fixtures-';

export { REAL_CLIPS, REAL_MEDIA_DIR, realMedia } from './realMedia.js';

let cacheDir: string | null = null;

/** The per-run cache folder (created on first use). */
export function fixtureDir(): string {
  if (cacheDir) return cacheDir;
  if (process.env.STORYBOARD_FIXTURE_DIR) {
    cacheDir = process.env.STORYBOARD_FIXTURE_DIR;
  } else {
    // Vitest's forks pool runs each test file in a child of the vitest process, the threads
    // pool in a worker thread of it: either way this id is shared by the whole run.
    const runPid = isMainThread ? process.ppid : process.pid;
    sweepFinishedRuns(runPid);
    cacheDir = join(tmpdir(), `${PREFIX}${runPid}`);
  }
  mkdirSync(cacheDir, { recursive: true });
  return cacheDir;
}

function sweepFinishedRuns(current: number): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length));
    if (pid === current || !Number.isInteger(pid) || isProcessAlive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/**
 * Returns the cached file `name`, making it first with `make(tmpPath)`. The file appears
 * under its final name only when complete (rename), so parallel test files never see half a
 * fixture; if two make it at once, the last rename wins with identical content.
 */
function cached(name: string, make: (tmp: string) => void): string {
  const dir = fixtureDir();
  const file = join(dir, name);
  if (existsSync(file)) return file;
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot) : '';
  const tmp = join(dir, `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}${ext}`);
  try {
    make(tmp);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return file;
}

function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** testsrc2 at `size`, `rate` fps for `sec` seconds (the video source of every clip here). */
const testsrc = (size: string, rate: number, sec: number): string =>
  `testsrc2=size=${size}:rate=${rate}:duration=${sec}`;
/** A 440 Hz tone at `rate` Hz for `sec` seconds. */
const sine = (rate: number, sec: number): string => `sine=frequency=440:sample_rate=${rate}:duration=${sec}`;

export function cfrClip(): string {
  return cached('cfr-320x240-25fps-stereo.mp4', (t) =>
    lavfiClip(t, {
      video: testsrc('320x240', 25, 2),
      audio: sine(48000, 2),
      preset: 'ultrafast',
      audioArgs: ['-ac', '2'],
      shortest: true,
    }),
  );
}

/** A clip the Kling Omni edit endpoints take (3-10 s, 720-2160 px, 24-60 fps): 1280x720, 24 fps, 4 s. */
export function editableClip(): string {
  return cached('edit-1280x720-24fps-4s.mp4', (t) =>
    lavfiClip(t, { video: testsrc('1280x720', 24, 4), preset: 'ultrafast' }),
  );
}

export function vfrClip(): string {
  // Drop every third frame of a 30 fps source and keep the timestamps (-fps_mode vfr):
  // deltas alternate 1/30 and 2/30 s, so r_frame_rate stays 30/1 while avg_frame_rate is 20/1.
  return cached('vfr-320x240-stereo.mp4', (t) =>
    lavfiClip(t, {
      video: testsrc('320x240', 30, 2),
      audio: sine(48000, 2),
      preset: 'ultrafast',
      videoArgs: ['-vf', "select='not(eq(mod(n\\,3)\\,1))'", '-fps_mode', 'vfr'],
      audioArgs: ['-ac', '2'],
      shortest: true,
    }),
  );
}

/**
 * cfrClip tagged to DISPLAY turned `cw` degrees clockwise (what ffmpeg's autorotate applies).
 * ffmpeg 5.1's mov muxer turns the legacy `rotate` tag into a display matrix that rotates the
 * other way round (tag 90 -> shown 90 counter-clockwise), so the tag written is 360 - cw; the
 * result is checked with ffprobe because this behaviour differs between ffmpeg versions
 * (6.0+ has -display_rotation instead: https://ffmpeg.org/ffmpeg.html#Main-options).
 */
export function rotatedClip(cw: 90 | 180 | 270 = 90): string {
  return cached(`rotated-cw${cw}.mp4`, (t) => {
    ffmpeg(['-i', cfrClip(), '-map', '0', '-c', 'copy', '-metadata:s:v:0', `rotate=${(360 - cw) % 360}`, t]);
    const out = execFileSync(FFPROBE, ['-v', 'error', '-select_streams', 'v:0', '-show_streams', '-of', 'json', t], {
      encoding: 'utf8',
    });
    const stream = (JSON.parse(out) as { streams: { side_data_list?: { rotation?: number }[] }[] }).streams[0];
    const ccw = stream?.side_data_list?.find((s) => typeof s.rotation === 'number')?.rotation;
    if (ccw === undefined || ((-ccw % 360) + 360) % 360 !== cw) {
      throw new Error(`rotatedClip(${cw}): ffprobe shows display matrix rotation ${String(ccw)}`);
    }
  });
}

export function oddSizeClip(): string {
  // libx264 refuses odd sizes in 4:2:0; 4:4:4 has no chroma subsampling, so 321x241 is legal.
  // (testsrc2 itself rounds its size down to even numbers, hence the scale.)
  return cached('odd-321x241-yuv444p.mp4', (t) =>
    lavfiClip(t, {
      video: testsrc('320x240', 25, 1),
      preset: 'ultrafast',
      pixFmt: 'yuv444p',
      videoArgs: ['-vf', 'scale=321:241'],
    }),
  );
}

export function sarClip(): string {
  return cached('sar-2to1-320x240.mp4', (t) =>
    lavfiClip(t, { video: testsrc('320x240', 25, 1), preset: 'ultrafast', videoArgs: ['-vf', 'setsar=2/1'] }),
  );
}

export function noAudioClip(): string {
  return cached('noaudio-320x240-25fps.mp4', (t) =>
    lavfiClip(t, { video: testsrc('320x240', 25, 1), preset: 'ultrafast' }),
  );
}

export function monoClip(): string {
  return cached('mono-44100.mp4', (t) =>
    lavfiClip(t, {
      video: testsrc('320x240', 25, 1),
      audio: sine(44100, 1),
      preset: 'ultrafast',
      audioArgs: ['-ac', '1'],
      shortest: true,
    }),
  );
}

let x265: boolean | null = null;
export function hasLibx265(): boolean {
  if (x265 === null) {
    const r = spawnSync(FFMPEG, ['-hide_banner', '-encoders'], { encoding: 'utf8' });
    x265 = /\blibx265\b/.test(r.stdout ?? '');
  }
  return x265;
}

export function hevcClip(): string | null {
  if (!hasLibx265()) return null;
  return cached('hevc-320x240.mp4', (t) =>
    lavfiClip(t, {
      video: testsrc('320x240', 25, 1),
      codec: 'libx265',
      preset: 'ultrafast',
      videoArgs: ['-x265-params', 'log-level=error', '-tag:v', 'hvc1'],
    }),
  );
}

export function pngImage(): string {
  return cached('still-320x240.png', (t) => lavfiPicture(t, testsrc('320x240', 25, 1)));
}

export function jpegImage(): string {
  return cached('still-320x240.jpg', (t) => lavfiPicture(t, testsrc('320x240', 25, 1)));
}

export function gifAnimation(): string {
  return cached('anim-160x120.gif', (t) => lavfiPicture(t, testsrc('160x120', 10, 1), { frames: null }));
}

export function audioOnly(): string {
  return cached('tone-stereo-48k.m4a', (t) => lavfiClip(t, { audio: sine(48000, 2), audioArgs: ['-ac', '2'] }));
}

export function unicodeNameClip(): string {
  return cached("镜头 'a' 100% b.mp4", (t) => writeFileSync(t, readFileSync(cfrClip())));
}

export function zeroByteFile(): string {
  return cached('empty.mp4', (t) => writeFileSync(t, ''));
}

export function truncatedClip(): string {
  return cached('truncated-30pct.mp4', (t) => {
    const full = readFileSync(cfrClip());
    writeFileSync(t, full.subarray(0, Math.floor(full.length * 0.3)));
  });
}

export function corruptFile(): string {
  return cached('corrupt-random.mp4', (t) => {
    // A fixed linear congruential sequence: "random" bytes that are the same on every run.
    const bytes = Buffer.alloc(64 * 1024);
    let x = 0x2545f491;
    for (let i = 0; i < bytes.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    writeFileSync(t, bytes);
  });
}

export function textFileAsMp4(): string {
  return cached('notes.mp4', (t) => writeFileSync(t, 'Shot list\n1. horse runs\n2. kitten sleeps\n'));
}

/** RGB bytes of one decoded picture (a still, or frame n of a clip), decoded independently of the app. */
export function rgbFrame(file: string, frame?: number): Buffer {
  const select = frame === undefined ? [] : ['-vf', `select=eq(n\\,${frame})`];
  return execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, ...select, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { maxBuffer: 1 << 24 },
  );
}
