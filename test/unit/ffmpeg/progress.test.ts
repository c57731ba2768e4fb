import { describe, expect, it } from 'vitest';
import { isStatsLine, parseProgressLine, parseStatsTime } from '../../../shared/ffmpeg/progress.js';
import { StderrTail } from '../../../shared/ffmpeg/tail.js';

// Lines captured from Debian's ffmpeg 5.1.9 (stderr split on \r and \n as the runner does).
const VIDEO_START = 'frame=    1 fps=0.0 q=0.0 size=       0kB time=00:00:00.00 bitrate=N/A speed=   0x    ';
const VIDEO_END = 'frame=   75 fps=0.0 q=-1.0 Lsize=     127kB time=00:00:03.01 bitrate= 345.5kbits/s speed=32.2x    ';
const AUDIO_MID = 'size=     173kB time=00:00:20.01 bitrate=  70.9kbits/s speed= 125x    ';
const NULL_MUX = 'frame=   50 fps=0.0 q=-0.0 Lsize=N/A time=00:00:02.01 bitrate=N/A speed= 131x    ';
const NEGATIVE = 'frame=    1 fps=0.0 q=-1.0 size=       5kB time=-00:00:00.04 bitrate=N/A speed=N/A    ';
const NEGATIVE_AUDIO = 'size=N/A time=-00:00:02.97 bitrate=N/A speed=N/A    ';
// ffmpeg 5.1 with no timestamp at all (AV_NOPTS_VALUE printed as a time).
const NOPTS = 'size=       0kB time=-577014:32:22.77 bitrate=N/A speed=N/A    ';
// ffmpeg 6+ prints N/A in the same situation.
const NA = 'frame=    0 fps=0.0 q=0.0 size=       0kB time=N/A bitrate=N/A speed=N/A    ';
const HOURS = 'frame=90000 fps=250 q=28.0 size=  102400kB time=01:02:03.50 bitrate=2000.0kbits/s speed=10x';

describe('parseStatsTime', () => {
  it('reads HH:MM:SS.xx', () => {
    expect(parseStatsTime(VIDEO_END)).toBeCloseTo(3.01, 6);
    expect(parseStatsTime(AUDIO_MID)).toBeCloseTo(20.01, 6);
    expect(parseStatsTime(HOURS)).toBeCloseTo(3723.5, 6);
  });
  it('keeps the sign of negative times and returns null for N/A or other lines', () => {
    expect(parseStatsTime(NEGATIVE)).toBeCloseTo(-0.04, 6);
    expect(parseStatsTime(NA)).toBeNull();
    expect(parseStatsTime("Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'a.mp4':")).toBeNull();
    expect(parseStatsTime('  Duration: 00:00:03.00, start: 0.000000, bitrate: 345 kb/s')).toBeNull();
  });
});

describe('parseProgressLine', () => {
  it('turns time= into a fraction of the expected duration', () => {
    expect(parseProgressLine(VIDEO_START, 3)).toBe(0);
    expect(parseProgressLine(AUDIO_MID, 40)).toBeCloseTo(20.01 / 40, 6);
    expect(parseProgressLine(NULL_MUX, 4)).toBeCloseTo(2.01 / 4, 6);
  });
  it('clamps to 1 when ffmpeg overshoots the expected duration', () => {
    expect(parseProgressLine(VIDEO_END, 3)).toBe(1);
  });
  it('ignores negative times, including ffmpeg 5.1 printing a missing timestamp', () => {
    expect(parseProgressLine(NEGATIVE, 3)).toBeNull();
    expect(parseProgressLine(NEGATIVE_AUDIO, 3)).toBeNull();
    expect(parseProgressLine(NOPTS, 3)).toBeNull();
  });
  it('ignores time=N/A, non-stats lines and an unknown or zero total', () => {
    expect(parseProgressLine(NA, 3)).toBeNull();
    expect(parseProgressLine('[libx264 @ 0x55] frame I:1     Avg QP:20.21  size: 12345', 3)).toBeNull();
    expect(parseProgressLine(VIDEO_END, null)).toBeNull();
    expect(parseProgressLine(VIDEO_END, 0)).toBeNull();
  });
});

describe('StderrTail', () => {
  it('keeps the last N lines that are not statistics', () => {
    const tail = new StderrTail(2);
    tail.pushText(`Input #0, lavfi\r${VIDEO_START}\r${VIDEO_END}\nError A\nError B\r\nError C\n`);
    expect(tail.lines()).toEqual(['Error B', 'Error C']);
    expect(isStatsLine(VIDEO_END)).toBe(true);
    expect(isStatsLine(AUDIO_MID)).toBe(true);
    expect(isStatsLine('Error C')).toBe(false);
  });
});
