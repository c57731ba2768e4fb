/**
 * The temp file an export writes to: beside the target, so the final rename stays on one file
 * system and is atomic (rename(2): https://man7.org/linux/man-pages/man2/rename.2.html), and
 * hidden, so a half-written file never looks like a finished video. The sweeper only ever
 * deletes names of this shape (a damaged or hostile project can't make it delete other files).
 */
import { basename, dirname, join } from 'node:path';

export const TEMP_SUFFIX = '.sbtmp';
/** File names are limited to 255 bytes on ext4, APFS and NTFS; leave room for the id. */
const MAX_BASE_BYTES = 160;

function truncateBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** `/videos/cut.mp4` + id -> `/videos/.cut.mp4.<id>.sbtmp` */
export function exportTempPath(outPath: string, exportId: string): string {
  const base = truncateBytes(basename(outPath), MAX_BASE_BYTES);
  return join(dirname(outPath), `.${base}.${exportId}${TEMP_SUFFIX}`);
}

/**
 * The concat list a stream-copy export writes beside its temp file
 * (`.cut.mp4.<id>.sbtmp` -> `.cut.mp4.<id>.list.sbtmp`). Derived from the temp path, so the
 * sweeper finds it from the run record alone, and itself a temp name it may delete.
 */
export function concatListPath(tempPath: string): string {
  if (!isExportTempName(tempPath)) throw new RangeError(`Not an export temp file: ${tempPath}`);
  return `${tempPath.slice(0, -TEMP_SUFFIX.length)}.list${TEMP_SUFFIX}`;
}

/** The audio concat list of a stream copy that copies the audio too (`...<id>.alist.sbtmp`). */
export function audioListPath(tempPath: string): string {
  return concatListPath(tempPath).replace(/\.list(\.sbtmp)$/, '.alist$1');
}

export function isExportTempName(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX) && name.length > 1 + TEMP_SUFFIX.length;
}
