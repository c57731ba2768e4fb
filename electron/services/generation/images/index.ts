/**
 * The image model registry (keyframes). One adapter per file in this folder; callers look
 * them up by id and read their models and prompt style, never branching on the id.
 */
import { AppError } from '../../../../shared/errors.js';
import { runFfmpeg } from '../../ffmpeg/runner.js';
import { createComfyImageAdapter } from './comfyImage.js';
import { createFluxKontextAdapter } from './fluxKontext.js';
import { createGeminiImageAdapter } from './gemini.js';
import { createKeyframeCardAdapter } from './keyframeCard.js';
import { createRunwayImageAdapter } from './runwayImage.js';
import { createSeedreamAdapter } from './seedream.js';
import type { ImageAdapter } from './types.js';

export const DEFAULT_IMAGE_PROVIDER = 'keyframe-card';

let registry: Map<string, ImageAdapter> | null = null;

function adapters(): Map<string, ImageAdapter> {
  registry ??= new Map(
    [
      createKeyframeCardAdapter({ runFfmpeg }),
      createGeminiImageAdapter(),
      createRunwayImageAdapter(),
      createSeedreamAdapter(),
      createFluxKontextAdapter(),
      createComfyImageAdapter(),
    ].map((a) => [a.id, a]),
  );
  return registry;
}

export function listImageProviders(): ImageAdapter[] {
  return [...adapters().values()];
}

export function getImageProvider(id: string): ImageAdapter {
  const a = adapters().get(id);
  if (!a)
    throw new AppError(
      'INVALID_INPUT',
      `Unknown image provider "${id}". Available: ${[...adapters().keys()].join(', ')}`,
      { provider: id },
    );
  return a;
}
