/** A GenerationRequest for tests (pure: no files, so unit tests can use it); `patch` changes any field. */
import type { GenerationRequest } from '../../shared/generation/request.js';

export function genRequest(patch: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    shotId: 'shot-1',
    shotNumber: 1,
    title: 'Camp',
    prompt: '镜头: a "quoted" campfire at 100% dusk',
    stylePrompt: '',
    negativePrompt: '',
    firstFrame: null,
    lastFrame: null,
    camera: 'static',
    durationSec: 5,
    width: 1280,
    height: 720,
    fps: { num: 24, den: 1 },
    seed: 42,
    model: null,
    ...patch,
  };
}
