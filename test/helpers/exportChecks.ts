/**
 * Independent checks of an exported film (the system ffmpeg and the sidecar text, never our own
 * code): its subtitle cues, the loudness of a stretch of its audio, and how much a region of a
 * frame differs from another export's. Used by the dialogue tests through the CLI and the UI.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface Cue {
  start: number;
  end: number;
  text: string;
}

/** The cues of an SRT or WebVTT file: [start, end] in seconds and the text. */
export function parseCues(text: string): Cue[] {
  const t = (s: string): number => {
    const m = /(\d+):(\d+):(\d+)[,.](\d+)/.exec(s);
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000 : NaN;
  };
  return text
    .replace(/^WEBVTT\n/, '')
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const lines = block.split('\n');
      const i = lines.findIndex((l) => l.includes('-->'));
      const [a, b] = (lines[i] ?? '').split('-->');
      return { start: t(a ?? ''), end: t(b ?? ''), text: lines.slice(i + 1).join('\n') };
    })
    .filter((c) => Number.isFinite(c.start));
}

/** Mean volume (dB) of the file's audio between two times, by ffmpeg's volumedetect (stderr). */
export function meanVolume(file: string, start: number, end: number): number {
  const r = spawnSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-ss',
      start.toFixed(3),
      '-t',
      (end - start).toFixed(3),
      '-i',
      file,
      '-vn',
      '-af',
      'volumedetect',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  const m = /mean_volume: (-?[\d.]+) dB/.exec(r.stderr);
  return m ? Number(m[1]) : -Infinity;
}

/** The bottom fifth of a frame, as a `crop` argument. */
export const BOTTOM_FIFTH = 'iw:ih/5:0:ih*4/5';

/** Gray pixels of a region (`crop`, ffmpeg's w:h:x:y) of the frame at `sec`. */
export function grayRegion(file: string, sec: number, crop: string): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-ss',
      sec.toFixed(3),
      '-i',
      file,
      '-frames:v',
      '1',
      '-vf',
      `crop=${crop},format=gray`,
      '-f',
      'rawvideo',
      '-',
    ],
    { maxBuffer: 64 << 20 },
  );
}

/** Share of pixels whose gray level differs by more than 40 (text strokes, not encoder noise). */
export function changedShare(a: Buffer, b: Buffer): number {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 40) n++;
  return n / Math.max(1, Math.min(a.length, b.length));
}
