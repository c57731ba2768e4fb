/**
 * Test media synthesised by the SYSTEM ffmpeg from lavfi sources (never our runner, so a bug in
 * our code can't shape its own input). `lavfiClip`: an optional video source graph encoded with
 * libx264 (or libx265) + an optional audio source graph encoded as AAC. `lavfiPicture`: one
 * video source graph written as a picture (PNG, JPEG, GIF: the container's own encoder). Every
 * caller names its own sizes, rates, durations and preset.
 * lavfi as an input format (`-f lavfi -i <graph>`): https://ffmpeg.org/ffmpeg-devices.html#lavfi
 */
import { execFileSync } from 'node:child_process';

const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';

export interface LavfiClip {
  /** The video source graph, e.g. `testsrc2=s=320x240:r=24:d=1`; no video stream when absent. */
  video?: string;
  /** The audio source graph, e.g. `sine=f=440:r=48000:d=1`; no audio stream when absent. */
  audio?: string;
  /** The video encoder (default `libx264`). */
  codec?: 'libx264' | 'libx265';
  /** The encoder preset (`ultrafast`, `veryfast`, ...); the encoder's default (medium) when absent. */
  preset?: string;
  /** The pixel format (default `yuv420p`). */
  pixFmt?: string;
  /** Extra output options after the pixel format, e.g. `['-g', '48']`, `['-vf', …]`, `['-movflags', '+faststart']`. */
  videoArgs?: string[];
  /** Extra audio output options after `-c:a aac`, e.g. `['-ac', '2']`. */
  audioArgs?: string[];
  /** The output's length (`-t`), for source graphs that run on without a `d=`. */
  seconds?: number;
  /** Stop at the shorter stream (`-shortest`). */
  shortest?: boolean;
}

const QUIET = ['-hide_banner', '-v', 'error', '-nostdin', '-y'];

function run(bin: string, args: string[]): void {
  execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The ffmpeg argv (without the program) that writes `clip` to `out`, overwriting it. */
export function lavfiClipArgs(out: string, clip: LavfiClip): string[] {
  const input = (graph: string | undefined): string[] => (graph === undefined ? [] : ['-f', 'lavfi', '-i', graph]);
  const video =
    clip.video === undefined
      ? []
      : [
          '-c:v',
          clip.codec ?? 'libx264',
          ...(clip.preset === undefined ? [] : ['-preset', clip.preset]),
          '-pix_fmt',
          clip.pixFmt ?? 'yuv420p',
          ...(clip.videoArgs ?? []),
        ];
  return [
    ...QUIET,
    ...input(clip.video),
    ...input(clip.audio),
    ...(clip.seconds === undefined ? [] : ['-t', String(clip.seconds)]),
    ...video,
    ...(clip.audio === undefined ? [] : ['-c:a', 'aac', ...(clip.audioArgs ?? [])]),
    ...(clip.shortest ? ['-shortest'] : []),
    out,
  ];
}

/**
 * Writes `clip` to `out` with the system ffmpeg (`FFMPEG_PATH` overrides; a bench passes the
 * binary it measures, so its inputs come from the same ffmpeg); returns `out`.
 */
export function lavfiClip(out: string, clip: LavfiClip, bin = FFMPEG): string {
  run(bin, lavfiClipArgs(out, clip));
  return out;
}

export interface LavfiPicture {
  /** A filter applied after the source (`-vf`), e.g. a drawtext whose escaping is written for `-vf`. */
  vf?: string;
  /** How many frames to write (`-frames:v`): 1 (the default) for a still, `null` for all (a GIF). */
  frames?: number | null;
}

/** The ffmpeg argv (without the program) that writes the video source `graph` to the picture `out`. */
export function lavfiPictureArgs(out: string, graph: string, o: LavfiPicture = {}): string[] {
  const { vf, frames = 1 } = o;
  return [
    ...QUIET,
    '-f',
    'lavfi',
    '-i',
    graph,
    ...(vf === undefined ? [] : ['-vf', vf]),
    ...(frames === null ? [] : ['-frames:v', String(frames)]),
    out,
  ];
}

/** Writes the video source `graph` to the picture `out` (its extension picks the encoder); returns `out`. */
export function lavfiPicture(out: string, graph: string, o: LavfiPicture = {}): string {
  run(FFMPEG, lavfiPictureArgs(out, graph, o));
  return out;
}
