/**
 * An independent check of what we wrote: runs the system ffprobe directly (not through our
 * runner) so a bug in our probing code can't hide a bug in our output.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  pix_fmt?: string;
  sample_aspect_ratio?: string;
  sample_rate?: string;
  channels?: number;
  nb_frames?: string;
  duration?: string;
  /** The display matrix's rotation (degrees counter-clockwise) when the stream has one. */
  side_data_list?: { rotation?: number }[];
}

export function ffprobeJson(file: string): {
  streams: ProbedStream[];
  /** `duration` is absent where ffprobe finds none (a still). */
  format: { duration?: string; format_name: string };
} {
  const out = execFileSync(
    process.env.FFPROBE_PATH ?? 'ffprobe',
    ['-v', 'error', '-show_streams', '-show_format', '-print_format', 'json', file],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as ReturnType<typeof ffprobeJson>;
}

/** The first video stream's size as `w<sep>h` (ffprobe's csv, e.g. `1280,720`). */
export function frameSize(file: string, sep = ','): string {
  return execFileSync(
    process.env.FFPROBE_PATH ?? 'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', `csv=p=0:s=${sep}`, file],
    { encoding: 'utf8' },
  ).trim();
}

/** Counts decoded video frames (exact, slower): ffprobe -count_frames. */
export function countVideoFrames(file: string): number {
  const out = execFileSync(
    process.env.FFPROBE_PATH ?? 'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_frames',
      '-show_entries',
      'stream=nb_read_frames',
      '-of',
      'default=nokey=1:noprint_wrappers=1',
      file,
    ],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

/** Decodes the whole file and returns ffmpeg's error output (empty means a clean decode). */
export function decodeErrors(file: string): string {
  const r = spawnSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], {
    encoding: 'utf8',
  });
  return (r.stderr ?? '').trim();
}
