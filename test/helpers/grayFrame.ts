/**
 * Independent frame reads: one frame decoded by the system ffmpeg (not our runner; it applies
 * the display matrix) as 8-bit gray pixels, row by row.
 */
import { execFileSync } from 'node:child_process';

export interface GrayFrame {
  width: number;
  height: number;
  data: Buffer;
}

/**
 * The frame of `file` at `at`: a time in seconds (seeked to), or `{ index }`, the n-th frame in
 * decode order (0-based). `width`x`height` is the size the caller expects to see; a frame of
 * another size fails here rather than being misread.
 */
export function grayFrame(file: string, at: number | { index: number }, width: number, height: number): GrayFrame {
  const data = execFileSync(
    process.env.FFMPEG_PATH ?? 'ffmpeg',
    [
      '-hide_banner',
      '-v',
      'error',
      '-nostdin',
      ...(typeof at === 'number' ? ['-ss', String(at)] : []),
      '-i',
      file,
      // The comma inside select's expression is escaped for the filter-graph parser.
      ...(typeof at === 'number' ? [] : ['-vf', `select=eq(n\\,${at.index})`]),
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      '-',
    ],
    { maxBuffer: 64 << 20 },
  );
  if (data.length !== width * height)
    throw new Error(`${file}: expected a ${width}x${height} frame, got ${data.length} bytes`);
  return { width, height, data };
}
