/**
 * A deliverable's finished sound (pure; the runner executes it): the run's mix with the
 * deliverable's loudness pass 2 applied and encoded (AAC, or PCM for the ProRes master) into an
 * audio-only MOV, which the join then copies beside the segments' video.
 *
 * Kept in the export cache by a key of everything that makes its samples: the mix's whole ffmpeg
 * command (each clip's and audio item's source by asset id, seeks and lengths, and the graph
 * with trims, gains, fades, ducking, crossfades; muted tracks are already out of the plan), the
 * loudness target, the audio encoder settings and the ffmpeg version. A change that only moves
 * pixels (framing, label, codec of the picture) leaves the key as it was, so the re-export runs
 * neither the mix nor either loudness pass. The mix command is keyed rather than a list of its
 * parts so that nothing the graph reads can be forgotten: what reaches ffmpeg is what is hashed.
 */
import type { Quality } from '../api/contract.js';
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';
import { deliverableAudioArgs } from './codecs.js';
import type { Deliverable } from './deliverable.js';
import { mixInvocation } from './deliveryArgs.js';
import type { ExportPlan } from './plan.js';

/** Bump when what the audio step does with the same mix changes. */
const AUDIO_STEP_VERSION = 1;

/**
 * The key material of a deliverable's sound. `sourceOf` names a project-relative media path by
 * its content (the asset id: its bytes' sha256), so the key holds across project folders.
 */
export function audioKeyMaterial(
  plan: ExportPlan,
  dv: Pick<Deliverable, 'codec' | 'container' | 'loudnessLufs'>,
  quality: Quality,
  ffmpegVersion: string,
  sourceOf: (relPath: string) => string,
): string {
  const mix = mixInvocation(plan, '', sourceOf);
  return JSON.stringify({
    v: AUDIO_STEP_VERSION,
    ffmpeg: ffmpegVersion,
    inputs: mix.inputs,
    graph: mix.filterComplex,
    mixOut: mix.outputOptions,
    target: dv.loudnessLufs,
    encode: deliverableAudioArgs(dv, quality),
  });
}

export interface AudioEncodeOptions {
  mixPath: string;
  /** loudness.ts applyFilter, or null to keep the mix's level. */
  loudnessFilter: string | null;
  deliverable: Pick<Deliverable, 'id' | 'codec' | 'container'>;
  quality: Quality;
  tempPath: string;
  durationSec: number;
}

/** Loudness pass 2 and the audio encode, into an audio-only MOV (the cache temp: -f is explicit). */
export function audioInvocation(o: AudioEncodeOptions): FfmpegInvocation {
  return {
    label: `audio ${o.deliverable.id}`,
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: [{ options: [], source: o.mixPath }],
    filterComplex: `[0:a:0]${o.loudnessFilter ?? 'anull'},aformat=channel_layouts=stereo[aout]`,
    outputOptions: [
      '-map',
      '[aout]',
      ...deliverableAudioArgs(o.deliverable, o.quality),
      '-map_metadata',
      '-1',
      '-f',
      'mov',
    ],
    output: o.tempPath,
    durationSec: o.durationSec,
  };
}
