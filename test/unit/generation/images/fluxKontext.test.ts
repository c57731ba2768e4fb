import { describe, expect, it } from 'vitest';
import {
  createFluxKontextAdapter,
  kontextAspect,
  kontextInput,
} from '../../../../electron/services/generation/images/fluxKontext.js';
import { imageModel } from '../../../../electron/services/generation/images/types.js';
import type { ImageRequest } from '../../../../shared/generation/imageRequest.js';

const req = (patch: Partial<ImageRequest> = {}): ImageRequest => ({
  kind: 'image',
  shotId: 'shot-1',
  shotNumber: 1,
  role: 'first',
  provider: 'flux-kontext',
  model: null,
  prompt: 'Close-up. Image 1 shows Mara.',
  negativePrompt: '',
  references: [],
  width: 1280,
  height: 720,
  seed: 7,
  variation: 0,
  ...patch,
});

describe('FLUX Kontext input (fal)', () => {
  const model = imageModel(createFluxKontextAdapter(), null);

  it('pictures go to the multi endpoint as image_urls, at most the model limit, in order', () => {
    const urls = ['u1', 'u2', 'u3', 'u4', 'u5'];
    expect(kontextInput(req(), model, urls)).toEqual({
      endpoint: 'fal-ai/flux-pro/kontext/multi',
      input: {
        prompt: 'Close-up. Image 1 shows Mara.',
        image_urls: ['u1', 'u2', 'u3', 'u4'],
        aspect_ratio: '16:9',
        seed: 7,
        num_images: 1,
        output_format: 'png',
        safety_tolerance: '2',
      },
    });
  });

  it('no pictures: text-to-image, no image_urls; no seed when the shot has none', () => {
    const { endpoint, input } = kontextInput(req({ seed: null }), model, []);
    expect(endpoint).toBe('fal-ai/flux-pro/kontext/text-to-image');
    expect(Object.keys(input).sort()).toEqual([
      'aspect_ratio',
      'num_images',
      'output_format',
      'prompt',
      'safety_tolerance',
    ]);
  });

  it.each([
    [1920, 1080, '16:9'],
    [1080, 1920, '9:16'],
    [1080, 1080, '1:1'],
    [2520, 1080, '21:9'],
    [1080, 1350, '3:4'],
  ])('%ix%i -> %s', (width, height, aspect) => {
    expect(kontextAspect({ width, height })).toBe(aspect);
  });
});
