/**
 * ffprobe's JSON -> MediaInfo (pure). The service runs `ffprobe ...probeArgs(path)` and hands
 * the parsed stdout here; every rejection is an AppError whose message names the file.
 */
import { AppError } from '../errors.js';
import type { MediaInfo } from '../model/entities.js';
import type { Fps } from '../model/time.js';
import { parseRatio, ratioValue, toFps, type Ratio } from './rational.js';

/**
 * The ffprobe arguments for one file. `-pattern_type none`: the image2 demuxer (chosen for
 * .jpg/.png/... names) otherwise reads `%d` in a file name as a frame-number pattern and
 * reports "No such file" (https://ffmpeg.org/ffmpeg-formats.html#image2-1); ffprobe accepts the
 * option silently for other formats. `-i` so a name starting with "-" is never an option.
 */
export function probeArgs(absPath: string, opts: { packets?: boolean } = {}): string[] {
  // packets: also what the export's stream copy needs (shared/export/copyFacts.ts clipFactsArgs),
  // so import stores those facts from this one process: each stream's extradata hash
  // (https://ffmpeg.org/ffprobe.html, "-show_data_hash") and every packet's timestamps (a demux
  // pass, no decoding).
  const packets = opts.packets
    ? ['-show_data_hash', 'sha256', '-show_entries', 'packet=stream_index,pts,dts,duration,flags']
    : [];
  return [
    '-v',
    'error',
    '-pattern_type',
    'none',
    ...packets,
    '-print_format',
    'json=compact=1',
    '-show_format',
    '-show_streams',
    '-i',
    absPath,
  ];
}

export interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  channels?: number;
  sample_rate?: string;
  disposition?: { default?: number; attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}
export interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string };
}

/**
 * VFR: ffprobe's r_frame_rate is the base rate that can represent every timestamp, while
 * avg_frame_rate is frames / duration. A constant-rate stream has them equal (mp4 stores exact
 * durations; Matroska's 1 ms timestamps bend the average by < 0.1 % on clips over a second).
 * A phone clip that wobbles around 30 fps has r 30/1 and avg e.g. 29.87 (0.4 %). So: VFR when
 * they differ by more than 0.2 %, except an exact 2:1 (r is the FIELD rate of interlaced or
 * soft-telecined video). A false alarm costs nothing: export conforms every clip to the
 * project rate anyway; the flag explains why a clip's frames may not line up with the grid.
 */
export const VFR_TOLERANCE = 0.002;

export function isVariableFrameRate(r: Ratio | null, avg: Ratio | null): boolean {
  if (!r || !avg) return false;
  const rv = ratioValue(r);
  const av = ratioValue(avg);
  const close = (a: number, b: number): boolean => Math.abs(a - b) / Math.max(a, b) <= VFR_TOLERANCE;
  return !close(rv, av) && !close(rv, 2 * av);
}

/**
 * Degrees CLOCKWISE the stored picture must be turned for display (0/90/180/270): what ffmpeg's
 * autorotate applies (fftools get_rotation: -av_display_rotation_get()). The display matrix
 * side data gives the counter-clockwise angle (ffprobe "rotation": -90 for a portrait phone
 * clip); the legacy `rotate` tag (older ffmpeg) is already clockwise. ffmpeg 8.1.1 broke
 * rotation metadata once (reliability-anchors.md A3.2), so the fixtures test both ways.
 */
export function rotationOf(stream: ProbeStream): number {
  const snap = (deg: number): number => (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
  const side = stream.side_data_list?.find((s) => typeof s.rotation === 'number');
  if (side && typeof side.rotation === 'number') return snap(-side.rotation);
  const tag = Number(stream.tags?.rotate);
  return Number.isFinite(tag) ? snap(tag) : 0;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function pick(streams: ProbeStream[]): ProbeStream | undefined {
  return streams.find((s) => s.disposition?.default === 1) ?? streams[0];
}

function seconds(text: string | undefined): number {
  const v = Number(text);
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** Image demuxers: png_pipe, jpeg_pipe, webp_pipe, bmp_pipe, ... and image2 (by extension). */
function isStill(v: ProbeStream, formatName: string): boolean {
  if (formatName === 'image2' || formatName.endsWith('_pipe')) return true;
  // A GIF is an animation unless it holds one frame (ffprobe: nb_frames 1, avg_frame_rate 0/0).
  if (formatName === 'gif') return v.nb_frames === '1' || parseRatio(v.avg_frame_rate) === null;
  return false;
}

function chooseFps(r: Ratio | null, avg: Ratio | null, vfr: boolean): Fps | null {
  // CFR: r is the "nice" exact rate (30000/1001 rather than a long average); VFR: the average.
  return vfr ? (toFps(avg) ?? toFps(r)) : (toFps(r) ?? toFps(avg));
}

/** MediaInfo from `ffprobe -print_format json -show_format -show_streams` output. */
export function parseProbeOutput(json: unknown, fileName: string): MediaInfo {
  const name = `"${fileName}"`;
  if (!isObject(json) || !Array.isArray(json.streams)) {
    throw new AppError('MEDIA_CORRUPT', `${name} could not be read: ffprobe found no streams in it.`, {
      file: fileName,
    });
  }
  const out = json as ProbeOutput;
  const streams = out.streams ?? [];
  const formatName = out.format?.format_name ?? '';
  if (formatName === 'tty') {
    throw new AppError('MEDIA_UNSUPPORTED', `${name} is a text file, not a video, image or audio file.`, {
      file: fileName,
    });
  }
  // Cover art in music files is a "video" stream flagged attached_pic: it is not a picture track.
  const videos = streams.filter((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audios = streams.filter((s) => s.codec_type === 'audio');
  const v = pick(videos);
  const a = pick(audios);
  if (!v && !a) {
    const kinds = [...new Set(streams.map((s) => s.codec_type ?? 'unknown'))].join(', ') || 'nothing';
    throw new AppError('MEDIA_UNSUPPORTED', `${name} has no video, image or audio stream (it contains: ${kinds}).`, {
      file: fileName,
    });
  }

  const kind: MediaInfo['kind'] = v ? (isStill(v, formatName) ? 'image' : 'video') : 'audio';
  const width = v?.width ?? 0;
  const height = v?.height ?? 0;
  if (v && !(width > 0 && height > 0)) {
    throw new AppError('MEDIA_CORRUPT', `${name} is damaged: its picture has no size.`, { file: fileName });
  }
  const durationSec =
    kind === 'image' ? 0 : seconds(out.format?.duration) || seconds(v?.duration) || seconds(a?.duration);
  if (kind !== 'image' && durationSec === 0) {
    throw new AppError('MEDIA_CORRUPT', `${name} has no duration: it is probably incomplete or damaged.`, {
      file: fileName,
    });
  }

  const sar = parseRatio(v?.sample_aspect_ratio) ?? { num: 1, den: 1 };
  const rotation = v ? rotationOf(v) : 0;
  const sarWidth = Math.round((width * sar.num) / sar.den);
  const quarter = rotation === 90 || rotation === 270;
  const r = kind === 'video' ? parseRatio(v?.r_frame_rate) : null;
  const avg = kind === 'video' ? parseRatio(v?.avg_frame_rate) : null;
  const vfr = isVariableFrameRate(r, avg);

  return {
    kind,
    container: formatName,
    width,
    height,
    displayWidth: quarter ? height : sarWidth,
    displayHeight: quarter ? sarWidth : height,
    durationSec,
    fps: kind === 'video' ? chooseFps(r, avg, vfr) : null,
    vfr,
    rotation,
    sar,
    videoCodec: v?.codec_name ?? null,
    pixelFormat: v?.pix_fmt ?? null,
    hasAudio: a !== undefined,
    audioCodec: a?.codec_name ?? null,
    audioChannels: a?.channels ?? 0,
    audioSampleRate: Math.max(0, Math.round(Number(a?.sample_rate ?? 0)) || 0),
  };
}
