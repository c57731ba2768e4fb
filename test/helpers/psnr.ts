/**
 * PSNR (dB) of one picture from each of two files, both reduced to 320x180 by area averaging and
 * compared in RGB: tests ask which picture is on screen, not about scaling kernels or the YUV
 * matrix. `aFilter`/`bFilter` pick the picture (e.g. `select=eq(n\,8)`, optionally a crop);
 * '' takes a still as it is. Identical pictures give Infinity.
 */
import { execFileSync } from 'node:child_process';

export function psnrOf(a: string, aFilter: string, b: string, bFilter: string): number {
  const side = (i: number, f: string, o: string): string =>
    `[${i}:v]${f ? `${f},` : ''}setpts=N,scale=320:180:flags=area,format=gbrp[${o}]`;
  const graph = `${side(0, aFilter, 'x')};${side(1, bFilter, 'y')};[x][y]psnr`;
  const log = execFileSync(
    'sh',
    ['-c', `ffmpeg -v info -nostats -i "$1" -i "$2" -lavfi "$3" -frames:v 1 -f null - 2>&1`, 'sh', a, b, graph],
    { encoding: 'utf8' },
  );
  const found = /average:(inf|[\d.]+)/.exec(log);
  if (!found) throw new Error(`no PSNR in ffmpeg output: ${log.slice(-400)}`);
  return found[1] === 'inf' ? Infinity : Number(found[1]);
}

/** The filter that picks frame n of a clip. */
export const frameN = (n: number): string => `select=eq(n\\,${n})`;
