import { describe, expect, it } from 'vitest';
import { buildGenerationRequest, GenerationRequestSchema } from '../../../shared/generation/request.js';
import type { Shot } from '../../../shared/model/entities.js';

const shot: Shot = {
  id: 's1',
  sceneId: null,
  position: 0,
  title: '',
  prompt: '@mia walks',
  negativePrompt: '',
  firstFrameAssetId: null,
  lastFrameAssetId: null,
  camera: 'static',
  shotSize: null,
  durationFrames: 48,
  provider: null,
  model: null,
  elementIds: ['e1'],
  dialogue: '',
  seed: null,
  selectedTakeId: null,
  trimInFrames: 0,
  trimOutFrames: null,
  transitionIn: { kind: 'cut', frames: 0 },
  notes: '',
};
const project = { width: 1280, height: 720, fps: { num: 24, den: 1 }, stylePrompt: '', defaultModel: null };

describe('reference images in the generation request', () => {
  it('carries the references it is given, in order, and validates them', () => {
    const req = buildGenerationRequest({
      project,
      shot,
      shotNumber: 1,
      frame: (assetId) => ({ assetId, path: `/p/${assetId}.png` }),
      references: [
        { assetId: 'a1', path: '/p/a1.png', kind: 'character', name: 'Mia' },
        { assetId: 'st', path: '/p/st.png', kind: 'style', name: 'style' },
      ],
    });
    expect(req.references?.map((r) => r.assetId)).toEqual(['a1', 'st']);
    expect(() => GenerationRequestSchema.parse({ ...req, references: [{ assetId: 'x', path: '' }] })).toThrow();
  });
  it('leaves the field out when there are none (requests stored before stay identical)', () => {
    const req = buildGenerationRequest({ project, shot, shotNumber: 1, frame: (a) => ({ assetId: a, path: a }) });
    expect('references' in req).toBe(false);
  });
});
