/** A take's clip to restyle (GenerationRequest.sourceVideo): which models take one, and the schema. */
import { describe, expect, it } from 'vitest';
import { runwayCapabilities } from '../../../electron/services/generation/providers/runway/models.js';
import { capabilityProblem } from '../../../shared/generation/capabilities.js';
import { GenerationRequestSchema } from '../../../shared/generation/request.js';
import { genRequest } from '../../fakes/providerRequest.js';

const caps = runwayCapabilities();
const sourceVideo = { takeId: 't1', assetId: 'a1', path: '/clip.mp4', durationSec: 4 };

describe('sourceVideo', () => {
  it('goes only to a model that edits video, and an editing-only model needs one', () => {
    expect(capabilityProblem('Runway', caps, genRequest({ model: 'aleph2', sourceVideo }))).toBeNull();
    expect(capabilityProblem('Runway', caps, genRequest({ model: 'gen4.5', sourceVideo }))).toMatch(
      /Shot 1 restyles a clip, but Runway \(gen4.5\) cannot edit a video/,
    );
    expect(capabilityProblem('Runway', caps, genRequest({ model: 'aleph2' }))).toMatch(
      /Runway \(aleph2\) edits an existing clip/,
    );
    const extend = { takeId: 't0', provider: 'runway', model: 'aleph2', ref: 'x', durationSec: 5 };
    expect(capabilityProblem('Runway', caps, genRequest({ model: 'aleph2', sourceVideo, extend }))).toMatch(
      /both extend and restyle/,
    );
  });

  it('is part of the validated request (strict: unknown fields and a zero length are refused)', () => {
    expect(GenerationRequestSchema.safeParse(genRequest({ sourceVideo })).success).toBe(true);
    expect(
      GenerationRequestSchema.safeParse(genRequest({ sourceVideo: { ...sourceVideo, durationSec: 0 } })).success,
    ).toBe(false);
    expect(
      GenerationRequestSchema.safeParse({ ...genRequest(), sourceVideo: { ...sourceVideo, url: 'https://x' } }).success,
    ).toBe(false);
  });
});
