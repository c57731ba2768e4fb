/**
 * Filmstrips: one JPEG sprite per clip (a row of `count` tiles), the way web editors draw clip
 * thumbnails (reliability-anchors B2.2): the timeline picks tiles by offset, so zooming never
 * waits for ffmpeg. Long clips are read keyframes-only (`-skip_frame nokey`, B2.3: a 3-minute
 * 1080p clip in ~0.6 s instead of ~7 s for a full decode); short clips, whose few keyframes
 * would repeat one picture (AI clips often have one keyframe per clip), are decoded fully,
 * which is cheap at their length.
 */
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';
import type { MediaInfo } from '../model/entities.js';
import { stillImageInputOptions } from './frames.js';
import { baseName, THUMBS_DIR } from './store.js';

export const FILMSTRIP_DEFAULT_HEIGHT = 90;
export const FILMSTRIP_DEFAULT_COUNT = 20;
export const FILMSTRIP_MAX_HEIGHT = 360;
export const FILMSTRIP_MAX_COUNT = 100;
/** Clips up to this long are decoded fully (every frame is a candidate tile). */
export const FULL_DECODE_MAX_SEC = 30;

export interface FilmstripParams {
  height: number;
  count: number;
}

export interface FilmstripLayout {
  /** Tiles actually in the sprite (1 for a still image). */
  count: number;
  tileWidth: number;
  tileHeight: number;
  /** Seconds into the clip that each tile stands for (tile i covers times[i]..times[i+1]). */
  times: number[];
  keyframesOnly: boolean;
}

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

/** Tile size and times of a filmstrip of a clip (pure; the sprite is count*tileWidth wide). */
export function filmstripLayout(info: MediaInfo, params: FilmstripParams): FilmstripLayout {
  const tileHeight = even(Math.min(params.height, FILMSTRIP_MAX_HEIGHT));
  const aspect = info.displayWidth > 0 && info.displayHeight > 0 ? info.displayWidth / info.displayHeight : 16 / 9;
  const tileWidth = even(tileHeight * aspect);
  const still = info.kind === 'image' || info.durationSec <= 0;
  const count = still ? 1 : Math.max(1, Math.min(Math.trunc(params.count), FILMSTRIP_MAX_COUNT));
  const step = still ? 0 : info.durationSec / count;
  const times = Array.from({ length: count }, (_, i) => Number((i * step).toFixed(6)));
  return { count, tileWidth, tileHeight, times, keyframesOnly: !still && info.durationSec > FULL_DECODE_MAX_SEC };
}

/** media/thumbs/<sha256>.strip-h<height>-n<count>.jpg: one cache file per (asset, params). */
export function filmstripRelPath(assetId: string, params: FilmstripParams): string {
  return `${THUMBS_DIR}/${assetId}.strip-h${params.height}-n${params.count}.jpg`;
}

export interface FilmstripSpec {
  input: string;
  info: MediaInfo;
  /** A .jpg path. */
  output: string;
  layout: FilmstripLayout;
}

/**
 * The sprite in one ffmpeg pass. `fps=count/duration` turns the (keyframe-only or full) frame
 * stream into exactly one frame per tile slot, repeating the latest frame where keyframes are
 * sparser than tiles (https://ffmpeg.org/ffmpeg-filters.html#fps-1); `tile` lays them in a row
 * and emits one picture (https://ffmpeg.org/ffmpeg-filters.html#tile). `-an -sn -dn`: nothing but the picture is read into the graph.
 */
export function filmstripInvocation(spec: FilmstripSpec): FfmpegInvocation {
  const { info, layout } = spec;
  const scale = `scale=${layout.tileWidth}:${layout.tileHeight},setsar=1`;
  const still = layout.count === 1 && (info.kind === 'image' || info.durationSec <= 0);
  const dur = info.durationSec.toFixed(6);
  const vf = still
    ? scale
    : // tpad clones the last frame so slots after the last keyframe are filled, not left black.
      `tpad=stop_mode=clone:stop_duration=${dur},fps=fps=${layout.count}/${dur}:round=down,${scale},tile=${layout.count}x1`;
  const inputOptions =
    info.kind === 'image'
      ? stillImageInputOptions(spec.input)
      : // Decoder option: drop every non-key frame before decoding (https://ffmpeg.org/ffmpeg-codecs.html#Codec-Options).
        layout.keyframesOnly
        ? ['-skip_frame', 'nokey']
        : [];
  return {
    label: `filmstrip of ${baseName(spec.input)}`,
    globalOptions: ['-hide_banner', '-nostdin', '-y', '-v', 'error'],
    inputs: [{ options: inputOptions, source: spec.input }],
    filterComplex: null,
    outputOptions: ['-map', '0:v:0', '-an', '-sn', '-dn', '-vf', vf, '-frames:v', '1', '-q:v', '5', '-update', '1'],
    output: spec.output,
    durationSec: null,
  };
}
