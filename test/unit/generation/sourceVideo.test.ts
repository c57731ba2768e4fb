/** A take's clip to restyle (GenerationRequest.sourceVideo): which models take one, and the schema. */
import { describe, expect, it } from 'vitest';
import { runwayCapabilities } from '../../../electron/services/generation/providers/runway/models.js';
import { restyleShots, restyleSource } from '../../../electron/services/generation/restyle.js';
import type { Asset, Shot, Take } from '../../../shared/model/entities.js';
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

describe('restyle source', () => {
  const shot = (id: string) => ({ id }) as Shot;
  const take = (id: string, shotId: string, kind?: 'image') => ({ id, shotId, assetId: `asset-${id}`, kind }) as Take;
  const takes = [take('t1', 's1'), take('t2', 's1'), take('k3', 's2', 'image')];
  const store = {
    getAsset: (id: string) => ({ id, path: `takes/${id}.mp4`, info: { durationSec: 4.5 } }) as unknown as Asset,
    absPath: (rel: string) => `/project/${rel}`,
  };

  it("is the shot's latest video take; a shot with only a keyframe picture has none", () => {
    expect(restyleShots([shot('s1'), shot('s2'), shot('s3')], takes, new Set()).map((s) => s.id)).toEqual(['s1']);
    expect(restyleShots([shot('s1')], takes, new Set(['s1']))).toEqual([]);
    expect(restyleSource(store, takes, shot('s1'), 1)).toEqual({
      takeId: 't2',
      assetId: 'asset-t2',
      path: '/project/takes/asset-t2.mp4',
      durationSec: 4.5,
    });
    expect(restyleSource(store, takes, shot('s2'), 2)).toBe(
      'Shot 2 has no clip to restyle; generate or import one first.',
    );
  });

  it("carries the clip's probed size and frame rate (edit endpoints refuse under 24 fps before sending)", () => {
    const info = { durationSec: 4, width: 1280, height: 720, fps: { num: 30000, den: 1001 } };
    const probed = { ...store, getAsset: (id: string) => ({ id, path: `takes/${id}.mp4`, info }) as unknown as Asset };
    expect(restyleSource(probed, takes, shot('s1'), 1)).toMatchObject({ width: 1280, height: 720, fps: 30000 / 1001 });
    expect(GenerationRequestSchema.safeParse(genRequest({ sourceVideo: { ...sourceVideo, fps: 0 } })).success).toBe(
      false,
    );
  });
});
