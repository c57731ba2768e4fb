/**
 * ffmpeg progress from its stderr statistics lines (pure; the runner feeds it line by line).
 * We parse the human "stats" line rather than `-progress pipe:` so the same stderr stream
 * gives both progress and the error tail, and every builder works unchanged. Shape, ffmpeg 5.1:
 *   frame=   75 fps=0.0 q=-1.0 Lsize=     127kB time=00:00:03.01 bitrate= 345.5kbits/s speed=32.2x
 *   size=     173kB time=00:00:20.01 bitrate=  70.9kbits/s speed= 125x      (audio only)
 * Modelled on LosslessCut's parser (codebases.md §A "ffmpeg invocation"):
 * https://github.com/mifi/lossless-cut/blob/master/src/main/progress.ts
 */

const TIME_RE = /(?:^|\s)time=\s*(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)(?:\s|$)/;

/** Seconds in a `time=` field, or null when the line has none (or `time=N/A`). */
export function parseStatsTime(line: string): number | null {
  const m = TIME_RE.exec(line);
  if (!m) return null;
  const [, sign, hh, mm, ss] = m;
  const sec = Number(hh) * 3600 + Number(mm) * 60 + Number(ss);
  if (!Number.isFinite(sec)) return null;
  return sign === '-' ? -sec : sec;
}

/**
 * Progress 0..1 of a job expected to produce `totalSec` seconds of output, from one stderr
 * line; null when the line says nothing usable (not a stats line, `time=N/A`, a negative time,
 * or an unknown total).
 *
 * Negative times are ignored, not clamped to 0: ffmpeg prints them while the first packets of
 * an input with a negative start (edit lists, -itsoffset, audio priming) are still being
 * muxed, and ffmpeg 5.1 prints `time=-577014:32:22.77` when it has no timestamp at all
 * (AV_NOPTS_VALUE); newer versions print `time=N/A` there.
 */
export function parseProgressLine(line: string, totalSec: number | null): number | null {
  if (totalSec === null || !(totalSec > 0)) return null;
  const sec = parseStatsTime(line);
  if (sec === null || sec < 0) return null;
  return Math.min(1, Math.max(0, sec / totalSec));
}

/** True for ffmpeg's periodic statistics lines (left out of error tails: they carry no cause). */
export function isStatsLine(line: string): boolean {
  return /^\s*(?:frame=|size=)/.test(line) && /\btime=/.test(line);
}
