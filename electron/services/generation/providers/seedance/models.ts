/**
 * Seedance models on Volcengine Ark / BytePlus ModelArk and what each can do (providers.md §9).
 * The 2.0 models take their options as body fields; the 1.0 models take them as `--flag value`
 * text appended to the prompt (Ark's older text-command form, as ComfyUI's BytePlus nodes send).
 */
import type { DurationRule, ProviderCapabilities } from '../../../../../shared/generation/capabilities.js';
import type { Aspect, Resolution } from '../../../../../shared/model/format.js';
import type { ModelCatalogue } from '../catalogue.js';

export interface SeedanceModel {
  id: string;
  label: string;
  /** Options as body fields (2.0) or as text flags (1.0). */
  style: 'fields' | 'flags';
  textToVideo: boolean;
  imageToVideo: boolean;
  lastFrame: boolean;
  referenceImagesMax: number;
  audio: boolean;
  durations: DurationRule;
  resolutions: readonly Resolution[];
}

/** The project aspects Seedance renders natively (Ark also has 4:3, 3:4 and `adaptive`). */
export const SEEDANCE_ASPECTS: readonly Aspect[] = ['16:9', '9:16', '1:1', '21:9'];
const RESOLUTIONS: readonly Resolution[] = ['720p', '1080p'];

export const SEEDANCE_MODELS: readonly SeedanceModel[] = [
  {
    id: 'doubao-seedance-2-0-260128', label: 'Seedance 2.0', style: 'fields', textToVideo: true, imageToVideo: true, lastFrame: true,
    // First-party reference maximum not found; 9 is what Runway's reseller API states for Seedance 2.
    referenceImagesMax: 9, audio: true, durations: { kind: 'set', values: [5, 10] }, resolutions: RESOLUTIONS,
  },
  {
    id: 'doubao-seedance-2-0-fast-260128', label: 'Seedance 2.0 Fast', style: 'fields', textToVideo: true, imageToVideo: true, lastFrame: true,
    referenceImagesMax: 9, audio: true, durations: { kind: 'set', values: [5, 10] }, resolutions: RESOLUTIONS,
  },
  {
    id: 'seedance-1-0-pro-250528', label: 'Seedance 1.0 Pro', style: 'flags', textToVideo: true, imageToVideo: true, lastFrame: true,
    referenceImagesMax: 0, audio: false, durations: { kind: 'range', min: 3, max: 12 }, resolutions: RESOLUTIONS,
  },
  {
    id: 'seedance-1-0-lite-t2v-250428', label: 'Seedance 1.0 Lite (text)', style: 'flags', textToVideo: true, imageToVideo: false, lastFrame: false,
    referenceImagesMax: 0, audio: false, durations: { kind: 'range', min: 3, max: 12 }, resolutions: RESOLUTIONS,
  },
  {
    id: 'seedance-1-0-lite-i2v-250428', label: 'Seedance 1.0 Lite (image)', style: 'flags', textToVideo: false, imageToVideo: true, lastFrame: true,
    referenceImagesMax: 4, audio: false, durations: { kind: 'range', min: 3, max: 12 }, resolutions: RESOLUTIONS,
  },
];

export const DEFAULT_SEEDANCE_MODEL = 'doubao-seedance-2-0-260128';

export function seedanceModel(id: string | null): SeedanceModel | undefined {
  return SEEDANCE_MODELS.find((m) => m.id === (id ?? DEFAULT_SEEDANCE_MODEL));
}

/** What one model can do, in the shared shape (the UI reads it through modelCapabilities). */
export function seedanceModelCapabilities(m: SeedanceModel): Omit<ProviderCapabilities, 'models'> {
  return {
    textToVideo: m.textToVideo, imageToVideo: m.imageToVideo, lastFrame: m.lastFrame, referenceImagesMax: m.referenceImagesMax,
    extend: false, audio: m.audio, durations: m.durations, aspects: SEEDANCE_ASPECTS, resolutions: m.resolutions,
  };
}

export const SEEDANCE_CATALOGUE: ModelCatalogue<SeedanceModel> = {
  provider: 'seedance', label: 'Seedance', models: SEEDANCE_MODELS, find: seedanceModel, capabilities: seedanceModelCapabilities,
};
