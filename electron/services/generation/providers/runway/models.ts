/**
 * Runway's video models behind the one task API (providers.md §3; field sets read from the
 * installed @runwayml/sdk 4.20.1 resources/{text,image}-to-video.d.ts). One row per model: what
 * the wire accepts, so the body builder and the capabilities come from the same facts.
 */
import type {
  DurationRule,
  ProviderCapabilities,
  ProviderModel,
} from '../../../../../shared/generation/capabilities.js';
import { ALEPH_RULES } from './aleph.js';

export interface RunwayModel {
  id: string;
  label: string;
  textToVideo: boolean;
  /** Every model here takes a first frame (`promptImage` position 'first'). */
  imageToVideo: boolean;
  /** `promptImage:[{position:'last'}]` is accepted. */
  lastFrame: boolean;
  /** Reference images (Seedance 2: `references` on t2v, position-less `promptImage` on i2v). */
  referencesMax: number;
  audio: boolean;
  negativePrompt: boolean;
  seed: boolean;
  /** promptText limit in UTF-16 code units. */
  promptMax: number;
  durations: DurationRule;
  /** Ratio strings ("W:H" in pixels) per endpoint. */
  t2vRatios: readonly string[];
  i2vRatios: readonly string[];
  /** gen4.5 requires `duration` (SDK: `duration: number`, not optional). */
  durationRequired: boolean;
  /** promptText is required on image_to_video too (gen4.5: SDK `promptText: string`, not optional). */
  promptRequired: boolean;
  /** Edits a source clip on POST /v1/video_to_video (runway/aleph.ts); absent: generates only. */
  videoInput?: 'required';
}

const GEN4_I2V = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'] as const;
const VEO = ['1280:720', '720:1280', '1080:1920', '1920:1080'] as const;
const SEEDANCE = [
  '992:432',
  '864:496',
  '752:560',
  '640:640',
  '560:752',
  '496:864',
  '1470:630',
  '1280:720',
  '1112:834',
  '960:960',
  '834:1112',
  '720:1280',
  '2206:946',
  '1920:1080',
  '1664:1248',
  '1440:1440',
  '1248:1664',
  '1080:1920',
  '3840:1646',
  '3840:2160',
  '3840:2880',
  '3840:3840',
  '2880:3840',
  '2160:3840',
] as const;

/** Veo 3.1 and 3.1 Fast take the same fields through Runway. */
const VEO_31: Omit<RunwayModel, 'id' | 'label'> = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  referencesMax: 0,
  audio: true,
  negativePrompt: true,
  seed: true,
  promptMax: 1000,
  durations: { kind: 'set', values: [4, 6, 8] },
  t2vRatios: VEO,
  i2vRatios: VEO,
  durationRequired: false,
  promptRequired: false,
};

export const RUNWAY_MODELS: readonly RunwayModel[] = [
  {
    id: 'gen4.5',
    label: 'Gen-4.5',
    textToVideo: true,
    imageToVideo: true,
    lastFrame: false,
    referencesMax: 0,
    audio: false,
    negativePrompt: false,
    seed: true,
    promptMax: 1000,
    durations: { kind: 'range', min: 2, max: 10 },
    t2vRatios: ['1280:720', '720:1280'],
    i2vRatios: GEN4_I2V,
    durationRequired: true,
    promptRequired: true,
  },
  {
    // Image-to-video only. Duration 2-10 s: the SDK types say only `number` ([secondary]: Venice docs).
    id: 'gen4_turbo',
    label: 'Gen-4 Turbo (needs a first frame)',
    textToVideo: false,
    imageToVideo: true,
    lastFrame: false,
    referencesMax: 0,
    audio: false,
    negativePrompt: false,
    seed: true,
    promptMax: 1000,
    durations: { kind: 'range', min: 2, max: 10 },
    t2vRatios: [],
    i2vRatios: GEN4_I2V,
    durationRequired: false,
    promptRequired: false,
  },
  { id: 'veo3.1', label: 'Veo 3.1 (via Runway)', ...VEO_31 },
  { id: 'veo3.1_fast', label: 'Veo 3.1 Fast (via Runway)', ...VEO_31 },
  {
    // Duration: SDK says `number | 'auto'`; 4-15 s is [secondary] (Seedance 2.0 docs via resellers).
    id: 'seedance2',
    label: 'Seedance 2 (via Runway)',
    textToVideo: true,
    imageToVideo: true,
    lastFrame: true,
    referencesMax: 9,
    audio: true,
    negativePrompt: false,
    seed: true,
    promptMax: 3500,
    durations: { kind: 'range', min: 4, max: 15 },
    t2vRatios: SEEDANCE,
    i2vRatios: SEEDANCE,
    durationRequired: false,
    promptRequired: false,
  },
  {
    // Aleph 2: video-to-video only (runway/aleph.ts, with sources). The output is as long as the
    // source clip, up to 30 s; first / last frame go as keyframes at 0 and 1.
    id: 'aleph2',
    label: 'Aleph 2 (restyles a take)',
    textToVideo: false,
    imageToVideo: true,
    lastFrame: true,
    referencesMax: 0,
    audio: false,
    negativePrompt: false,
    seed: true,
    promptMax: 1000,
    durations: { kind: 'range', min: 1, max: 30 },
    t2vRatios: [],
    i2vRatios: [],
    durationRequired: false,
    promptRequired: false,
    videoInput: 'required',
  },
];

/** Models Runway no longer takes, with what replaced them (refused before sending). */
export const RUNWAY_RETIRED: Readonly<Record<string, string>> = {
  // Dropped from the API spec on 2026-06-10 (@runwayml/sdk commit 72f96f2 "update the right config
  // file": VideoToVideoCreateParams.Gen4Aleph removed, aleph2 kept; first-party).
  gen4_aleph: 'aleph2',
};

export const DEFAULT_RUNWAY_MODEL = 'gen4.5';

export function runwayModel(id: string | null): RunwayModel | undefined {
  return RUNWAY_MODELS.find((m) => m.id === (id ?? DEFAULT_RUNWAY_MODEL));
}

function modelEntry(m: RunwayModel): ProviderModel {
  return {
    id: m.id,
    label: m.label,
    capabilities: {
      textToVideo: m.textToVideo,
      imageToVideo: m.imageToVideo,
      lastFrame: m.lastFrame,
      referenceImagesMax: m.referencesMax,
      audio: m.audio,
      durations: m.durations,
      ...(m.videoInput ? { videoInput: m.videoInput, cameraMoves: 'prompt' as const } : {}),
    },
    ...(m.videoInput ? { rules: ALEPH_RULES } : {}),
  };
}

/** Provider defaults = the default model (gen4.5); each model carries its own differences. */
export function runwayCapabilities(): ProviderCapabilities {
  const def = RUNWAY_MODELS[0]!;
  return {
    textToVideo: def.textToVideo,
    imageToVideo: def.imageToVideo,
    lastFrame: def.lastFrame,
    referenceImagesMax: def.referencesMax,
    extend: false,
    audio: def.audio,
    cameraMoves: 'prompt',
    durations: def.durations,
    // Runway picks from fixed pixel ratios; the nearest one is asked for and the take conformed on export.
    aspects: 'any',
    resolutions: 'any',
    models: RUNWAY_MODELS.map(modelEntry),
  };
}

/** The allowed "W:H" ratio nearest the project's shape, then nearest its pixel count. */
export function pickRatio(ratios: readonly string[], width: number, height: number): string {
  const want = Math.log(width / height);
  const area = width * height;
  let best = ratios[0] ?? '1280:720';
  let bestScore = Infinity;
  for (const r of ratios) {
    const [w, h] = r.split(':').map(Number) as [number, number];
    const score = Math.abs(Math.log(w / h) - want) * 1000 + Math.abs(Math.log((w * h) / area));
    if (score < bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}
