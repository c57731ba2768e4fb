import { describe, expect, it } from 'vitest';
import {
  capabilityProblem,
  modelCapabilities,
  type ProviderCapabilities,
} from '../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import { plainCapabilities } from '../../fakes/capabilities.js';

const caps: ProviderCapabilities = plainCapabilities({
  durations: { kind: 'set', values: [5, 10] },
  aspects: ['16:9', '9:16'],
  resolutions: ['720p'],
  models: [
    { id: 'fast', label: 'Fast' },
    {
      id: 'pro',
      label: 'Pro',
      capabilities: { lastFrame: true, audio: true, durations: { kind: 'range', min: 2, max: 12 } },
    },
  ],
});

describe('modelCapabilities', () => {
  it('applies a model’s own overrides on top of the provider defaults', () => {
    const pro = modelCapabilities(caps, 'pro');
    expect(pro).toMatchObject({
      lastFrame: true,
      audio: true,
      textToVideo: true,
      durations: { kind: 'range', min: 2, max: 12 },
    });
    expect(pro.models).toBe(caps.models);
  });
  it('uses the first model for no or an unknown model', () => {
    expect(modelCapabilities(caps, null).lastFrame).toBe(false);
    expect(modelCapabilities(caps, 'nope').lastFrame).toBe(false);
  });
  it('judges a request by its model', () => {
    const req = {
      shotNumber: 2,
      firstFrame: null,
      lastFrame: { assetId: 'a', path: '/x.png' },
      model: 'fast',
    } as unknown as GenerationRequest;
    expect(capabilityProblem('Acme', caps, req)).toMatch(/Shot 2 has a last frame, but Acme cannot end/);
    expect(capabilityProblem('Acme', caps, { ...req, model: 'pro' })).toBeNull();
  });
});

describe('cost at the model’s own lengths', () => {
  it('bills a model with fixed lengths at the length it will make', async () => {
    const { requestCost } = await import('../../../electron/services/generation/plan.js');
    const provider = { id: 'acme', label: 'Acme', capabilities: caps, estimateCost: () => NaN } as never;
    const prices = [
      {
        provider: 'acme',
        model: '*',
        perSecond: 1,
        perRequest: 0,
        currency: 'USD',
        source: 'test',
        asOf: '2026-11-21',
        estimate: false,
      },
    ] as never;
    const req = { model: 'fast', durationSec: 6 } as unknown as GenerationRequest;
    // 'fast' makes 5 or 10 s: a 6 s shot is made (and billed) as 10 s; 'pro' takes any 2-12 s.
    expect(requestCost(provider, req, prices)).toBe(10);
    expect(requestCost(provider, { ...req, model: 'pro' }, prices)).toBe(6);
  });
});
