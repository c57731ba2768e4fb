/**
 * The ffmpeg output options an export writes, spelled once for the tests that check them word for
 * word (test/unit/export/args.test.ts, concat.test.ts) and for the hand-typed baselines of
 * test/bench/export.bench.ts. Written out here rather than imported from shared/export, so a
 * change there still fails the tests (options: https://ffmpeg.org/ffmpeg.html#Main-options).
 */

/** Two outputs mapped from filter labels or input streams, in this order. */
export function maps(video: string, audio: string): string[] {
  return ['-map', video, '-map', audio];
}

/** Nothing of the inputs' metadata or chapters copied into the export. */
export const NO_METADATA = ['-map_metadata', '-1', '-map_chapters', '-1'];

/** H.264 as an export encodes it: an x264 preset and CRF, 4:2:0, High profile, a constant rate. */
export function x264Options(preset: string, crf: string, rate: string): string[] {
  return ['-c:v', 'libx264', '-preset', preset, '-crf', crf, '-pix_fmt', 'yuv420p', '-profile:v', 'high', '-r', rate];
}

/** The export's audio: AAC at 192 kb/s (draft and standard), 48 kHz, stereo. */
export const AAC_STEREO = ['-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2'];

/** The index (moov) before the media data, so a player starts before the whole file is read. */
export const FASTSTART = ['-movflags', '+faststart'];

/** A concat demuxer input reading the list at `list` (any paths in it: `-safe 0`). */
export function concatInput(list: string): string[] {
  return ['-f', 'concat', '-safe', '0', '-i', list];
}

/** The concat demuxer's list as a person writes it, with its quoting (https://ffmpeg.org/ffmpeg-formats.html#concat-1). */
export function concatList(files: string[]): string {
  return files.map((f) => `file '${f.replace(/'/g, `'\\''`)}'\n`).join('');
}
