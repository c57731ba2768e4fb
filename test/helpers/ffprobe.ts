/**
 * An independent check of what we wrote: runs the system ffprobe directly (not through our
 * runner) so a bug in our probing code can't hide a bug in our output.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  /** The codec profile, e.g. `High` (H.264) or `LC` (AAC). */
  profile?: string;
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

/** What a comparison of two encodes must hold equal: the streams' shape, from the system ffprobe. */
export interface OutputFacts {
  width: number;
  height: number;
  /** r_frame_rate, e.g. `24/1`. */
  rate: string;
  videoCodec: string;
  profile: string;
  pixFmt: string;
  /** Video frames as the container counts them (an MP4's sample table). */
  frames: number;
  audioCodec: string;
  sampleRate: number;
  channels: number;
}

export function outputFacts(file: string): OutputFacts {
  const { streams } = ffprobeJson(file);
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  if (!v) throw new Error(`${file}: no video stream`);
  return {
    width: v.width ?? 0,
    height: v.height ?? 0,
    rate: v.r_frame_rate ?? '',
    videoCodec: v.codec_name,
    profile: v.profile ?? '',
    pixFmt: v.pix_fmt ?? '',
    frames: Number(v.nb_frames ?? 0),
    audioCodec: a?.codec_name ?? 'none',
    sampleRate: Number(a?.sample_rate ?? 0),
    channels: a?.channels ?? 0,
  };
}

/** The facts in one line, e.g. `1920x1080 24/1 h264 High yuv420p 582 frames, aac 48000 Hz 2 ch`. */
export function outputFactsText(f: OutputFacts): string {
  return `${f.width}x${f.height} ${f.rate} ${f.videoCodec} ${f.profile} ${f.pixFmt} ${f.frames} frames, ${f.audioCodec} ${f.sampleRate} Hz ${f.channels} ch`;
}
