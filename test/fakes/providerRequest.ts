/** A GenerationRequest for adapter tests against the seedance, fal and replicate fakes. */
import type { GenerationRequest } from '../../shared/generation/request.js';
import { realMedia } from '../helpers/realMedia.js';

export const FIRST_FRAME = realMedia('first-frame-camping.png');

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
