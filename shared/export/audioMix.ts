/**
 * Audio items (music, voice-over, sound) mixed under the picture at export (design.md §3, §7).
 * Each item is one more ffmpeg input (-ss/-t from its in/out; the file is only ever a -i
 * argument, never part of the graph), conformed to 48 kHz stereo, gained, faded and delayed
 * to its start by an exact sample count; then amix adds them to the picture's own audio.
 * Every position and length is in output samples (samples.ts rounding), so items land on the
 * same sample grid as the cut. Pure and unit tested.
 */
import type { FfmpegInput } from '../ffmpeg/invocation.js';
import type { AudioItem, MediaInfo, ProjectSnapshot } from '../model/entities.js';
import { framesToSeconds, type Fps } from '../model/time.js';
import { duckEnvelope, ducks, voiceOverIntervals, type DuckPoint } from './ducking.js';
import { OUTPUT_SAMPLE_RATE } from './presets.js';
import { sampleAtFrame } from './samples.js';

export interface ExportAudioItem {
  id: string;
  lane: AudioItem['lane'];
  assetId: string;
  /** `Music "bed.wav" at 00:01.000`, for messages. */
  label: string;
  /** The asset's path relative to the project folder (forward slashes). */
  path: string;
  info: MediaInfo;
  /** Where the item starts on the output timeline, in output samples. */
  startSample: number;
  /** Seconds into the media where the item starts (its in point). */
  inSec: number;
  /** Output samples the item plays: cut at its out point, its media's end and the cut's end. */
  samples: number;
  gainDb: number;
  fadeInSamples: number;
  fadeOutSamples: number;
  /** Ducking under voice-over (ducking.ts), timeline seconds; absent or empty: none. */
  duck?: DuckPoint[];
}

const LANE_NAMES: Record<AudioItem['lane'], string> = { music: 'Music', voiceover: 'Voice-over', sfx: 'Sound' };

function clock(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = sec - m * 60;
  return `${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
}

/**
 * The items that sound inside the cut (`totalFrames` long), in timeline order, and sentences
 * for items that can't be exported (missing media, media without sound). Items starting at
 * or after the end are dropped; items running past it are cut.
 */
export function planAudioItems(
  doc: Pick<ProjectSnapshot, 'audioItems' | 'assets'>,
  fps: Fps,
  totalFrames: number,
): { items: ExportAudioItem[]; problems: string[] } {
  const rate = OUTPUT_SAMPLE_RATE;
  const totalSamples = sampleAtFrame(totalFrames, fps, rate);
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  const items: ExportAudioItem[] = [];
  const problems: string[] = [];
  const voiceOver = voiceOverIntervals(doc, fps);
  const sorted = [...doc.audioItems].sort((a, b) => a.startFrame - b.startFrame || a.id.localeCompare(b.id));
  for (const item of sorted) {
    const asset = assets.get(item.assetId);
    const at = clock(framesToSeconds(item.startFrame, fps));
    const lane = LANE_NAMES[item.lane];
    if (!asset) {
      problems.push(
        `${lane} item at ${at} uses media that is missing from the project (asset ${item.assetId.slice(0, 12)}): re-import it or remove the item.`,
      );
      continue;
    }
    const label = `${lane} "${asset.originalName}" at ${at}`;
    if (!(asset.info.kind === 'audio' || asset.info.hasAudio)) {
      problems.push(`${label} uses media without sound: remove the item.`);
      continue;
    }
    const startSample = sampleAtFrame(item.startFrame, fps, rate);
    if (startSample >= totalSamples) continue; // starts after the cut ends: nothing to hear
    const inSample = sampleAtFrame(item.inFrame, fps, rate);
    const mediaEnd = Math.floor(asset.info.durationSec * rate + 1e-6);
    const outSample = item.outFrame !== null ? Math.min(sampleAtFrame(item.outFrame, fps, rate), mediaEnd) : mediaEnd;
    const samples = Math.min(outSample - inSample, totalSamples - startSample);
    if (samples <= 0) continue;
    // Fades keep their length in frames; one longer than the (cut) item covers all of it.
    const fade = (frames: number): number => Math.min(sampleAtFrame(frames, fps, rate), samples);
    const duck = ducks(item) ? duckEnvelope(voiceOver, startSample / rate, (startSample + samples) / rate) : [];
    items.push({
      id: item.id,
      lane: item.lane,
      assetId: asset.id,
      label,
      path: asset.path,
      info: asset.info,
      startSample,
      inSec: framesToSeconds(item.inFrame, fps),
      samples,
      gainDb: item.gainDb,
      fadeInSamples: fade(item.fadeInFrames),
      fadeOutSamples: fade(item.fadeOutFrames),
      ...(duck.length > 0 ? { duck } : {}),
    });
  }
  return { items, problems };
}

/** Seconds for -ss, rounded down to the microsecond (as args.ts seekSeconds). */
function seek(sec: number): string {
  return (Math.floor(sec * 1e6 + 1e-6) / 1e6).toFixed(6);
}

/** Extra input read past the out point; apad in the chain makes up anything still missing. */
const ITEM_MARGIN_SEC = 0.1;

/** The ffmpeg input of an item: seek to its in point (-ss before -i: fast, sample-accurate for audio), read its length. */
export function audioItemInput(item: ExportAudioItem, resolveAbs: (relPath: string) => string): FfmpegInput {
  const lengthSec = item.samples / OUTPUT_SAMPLE_RATE + ITEM_MARGIN_SEC;
  const ss = item.inSec > 0 ? ['-ss', seek(item.inSec)] : [];
  return { options: [...ss, '-t', (Math.ceil(lengthSec * 1e6) / 1e6).toFixed(6)], source: resolveAbs(item.path) };
}

function int(n: number, what: string): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
  return String(n);
}

/** `-20dB`, `+3.5dB`: the volume filter's decibel form (https://ffmpeg.org/ffmpeg-filters.html#volume). */
export function gainText(db: number): string {
  if (!Number.isFinite(db)) throw new RangeError(`gain must be finite, got ${db}`);
  const text = String(Math.round(db * 1000) / 1000);
  return `${text === '-0' ? '0' : text}dB`;
}

/** Audio frame length while ducking: 5 ms at 48 kHz, so the envelope moves in small steps. */
const DUCK_FRAME_SAMPLES = 240;

/** Seconds in an expression: microseconds, no exponent. */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`envelope value must be finite, got ${x}`);
  const text = x.toFixed(6).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * The ducking envelope as a `volume` expression of the item's own time (`points` in timeline
 * seconds, `offsetSec` where the item starts): a chain of if(lt(T,corner), linear piece, ...).
 * T is the middle of the audio frame (frames are DUCK_FRAME_SAMPLES long, see duckFilters),
 * held in register 0 with st()/ld() (https://ffmpeg.org/ffmpeg-utils.html#Expression-Evaluation).
 * (The filter's own nb_samples/sample_rate variables evaluate to NaN here in ffmpeg 5.1.)
 */
export function duckExpression(points: readonly DuckPoint[], offsetSec: number): string {
  if (points.length === 0) return '1';
  const p = points.map((q) => ({ t: q.t - offsetSec, g: q.gain }));
  let expr = num(p[p.length - 1]!.g);
  for (let i = p.length - 1; i >= 1; i--) {
    const a = p[i - 1]!;
    const b = p[i]!;
    const piece =
      b.t > a.t && a.g !== b.g ? `${num(a.g)}+(${num(b.g - a.g)})*(ld(0)-(${num(a.t)}))/${num(b.t - a.t)}` : num(b.g);
    expr = `if(lt(ld(0),${num(b.t)}),${piece},${expr})`;
  }
  return `st(0,t+${num(DUCK_FRAME_SAMPLES / 2 / OUTPUT_SAMPLE_RATE)});${expr}`;
}

/**
 * The filters that duck an item: `volume` re-evaluated on every audio frame (eval=frame; the
 * default, once, would freeze the first value) over the envelope, on frames cut to 5 ms by
 * asetnsamples so the ramps move in small steps (https://ffmpeg.org/ffmpeg-filters.html#volume,
 * https://ffmpeg.org/ffmpeg-filters.html#asetnsamples). Quoted: the expression has commas and `;`.
 */
export function duckFilters(points: readonly DuckPoint[], offsetSec: number): string[] {
  return [
    `asetnsamples=n=${DUCK_FRAME_SAMPLES}:p=0`,
    `volume=volume='${duckExpression(points, offsetSec)}':eval=frame`,
  ];
}

/** The chain of item input `inputIndex`, ending in `[outLabel]`: conform, cut, gain, fades, delay. */
export function audioItemChain(inputIndex: number, item: ExportAudioItem, outLabel: string): string {
  const n = int(item.samples, 'samples');
  const filters = [
    // As the clips' audio (filters.ts audioChain): on the output clock from sample 0, 48 kHz stereo.
    `aresample=${OUTPUT_SAMPLE_RATE}:async=1:first_pts=0`,
    'aformat=sample_fmts=fltp:channel_layouts=stereo',
    'apad',
    `atrim=end_sample=${n}`,
    'asetpts=PTS-STARTPTS',
    `volume=${gainText(item.gainDb)}`,
  ];
  // Fades by sample position, so they start and end on exact samples
  // (https://ffmpeg.org/ffmpeg-filters.html#afade-1: start_sample, nb_samples).
  if (item.fadeInSamples > 0) filters.push(`afade=t=in:ss=0:ns=${int(item.fadeInSamples, 'fade-in')}`);
  if (item.fadeOutSamples > 0) {
    filters.push(
      `afade=t=out:ss=${int(item.samples - item.fadeOutSamples, 'fade-out start')}:ns=${int(item.fadeOutSamples, 'fade-out')}`,
    );
  }
  if (item.duck && item.duck.length > 0) filters.push(...duckFilters(item.duck, item.startSample / OUTPUT_SAMPLE_RATE));
  // The S suffix gives the delay in samples, exact at any frame rate; all=1 applies it to
  // both channels (https://ffmpeg.org/ffmpeg-filters.html#adelay).
  if (item.startSample > 0) filters.push(`adelay=delays=${int(item.startSample, 'start')}S:all=1`);
  return `[${int(inputIndex, 'input')}:a:0]${filters.join(',')}[${outLabel}]`;
}

/**
 * The item chains (inputs `firstInput`..) and the mix of `[pictureLabel]` with them into
 * `[outLabel]`, exactly `totalSamples` long. normalize=0: amix would otherwise scale every
 * input by 1/N and the picture's audio would get quieter as items are added; duration=first:
 * the output is as long as the picture's audio (https://ffmpeg.org/ffmpeg-filters.html#amix).
 */
export function audioMixChains(
  items: readonly ExportAudioItem[],
  firstInput: number,
  pictureLabel: string,
  totalSamples: number,
  outLabel: string,
): string[] {
  if (items.length === 0) return [];
  const chains = items.map((item, j) => audioItemChain(firstInput + j, item, `m${j}`));
  const pads = items.map((_, j) => `[m${j}]`).join('');
  chains.push(
    `[${pictureLabel}]${pads}amix=inputs=${items.length + 1}:normalize=0:duration=first:dropout_transition=0,` +
      `atrim=end_sample=${int(totalSamples, 'total samples')},asetpts=PTS-STARTPTS[${outLabel}]`,
  );
  return chains;
}
