import { describe, expect, it } from 'vitest';
import { buildGenerationRequest, GenerationRequestSchema } from '../../../shared/generation/request.js';
import type { Shot } from '../../../shared/model/entities.js';
import { newShot } from '../../../shared/model/factories.js';

const shot: Shot = newShot({ id: 's1', prompt: '@mia walks', durationFrames: 48, elementIds: ['e1'] });
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
