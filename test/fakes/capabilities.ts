/** What a stand-in provider declares unless a test says otherwise: the plain cloud video generator. */
import type { ProviderCapabilities } from '../../shared/generation/capabilities.js';

/** Text and image to video, 1-10 s, any aspect and resolution; no last frame, references, extend or sound. */
export function plainCapabilities(over: Partial<ProviderCapabilities> = {}): ProviderCapabilities {
  return {
    textToVideo: true,
    imageToVideo: true,
    lastFrame: false,
    referenceImagesMax: 0,
    extend: false,
    audio: false,
    durations: { kind: 'range', min: 1, max: 10 },
    aspects: 'any',
    resolutions: 'any',
    models: [],
    ...over,
  };
}
