/** Veo's pure parts: aspect/resolution choice, per-model capabilities, Google error mapping, cost. */
import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';
import {
  createVeoProvider,
  VEO_CAPABILITIES,
  veoFlaggedInput,
} from '../../../../electron/services/generation/providers/veo.js';
import { retryDelayMs, veoError } from '../../../../electron/services/generation/providers/veo/errors.js';
import { veoAspect, veoResolution, veoSeconds } from '../../../../electron/services/generation/providers/veo/params.js';
import type { AppError } from '../../../../shared/errors.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../shared/generation/request.js';

const apiError = (status: number, error: Record<string, unknown>) =>
  new ApiError({ status, message: JSON.stringify({ error }) });

describe('veo params', () => {
  it('picks 16:9 or 9:16 and the resolution the model has', () => {
    expect(veoAspect(1920, 1080)).toBe('16:9');
    expect(veoAspect(1080, 1920)).toBe('9:16');
    expect(veoAspect(1080, 1080)).toBe('16:9');
    expect(veoResolution(1280, 720, ['720p', '1080p'])).toBe('720p');
    expect(veoResolution(1920, 1080, ['720p', '1080p'])).toBe('1080p');
    expect(veoResolution(3840, 2160, ['720p', '1080p', '4k'])).toBe('4k');
    expect(veoResolution(3840, 2160, ['720p', '1080p'])).toBe('1080p');
  });

  it('per model: Veo 3.1 only (3.0 is shut down); Lite takes no references or extension; audio everywhere', () => {
    expect(VEO_CAPABILITIES.models.map((m) => m.id)).toEqual([
      'veo-3.1-generate-preview',
      'veo-3.1-fast-generate-preview',
      'veo-3.1-lite-generate-preview',
    ]);
    const v31 = modelCapabilities(VEO_CAPABILITIES, 'veo-3.1-generate-preview');
    const lite = modelCapabilities(VEO_CAPABILITIES, 'veo-3.1-lite-generate-preview');
    expect([v31.lastFrame, v31.referenceImagesMax, v31.extend, v31.audio, v31.cameraMoves]).toEqual([
      true,
      3,
      true,
      true,
      'prompt',
    ]);
    expect([lite.lastFrame, lite.referenceImagesMax, lite.resolutions]).toEqual([true, 0, ['720p', '1080p']]);
  });

  it('1080p and 4k are sent as 8 s (Google: "must be 8 … with 1080p and 4k"); 720p keeps 4 / 6 s', () => {
    const mc = modelCapabilities(VEO_CAPABILITIES, 'veo-3.1-generate-preview');
    expect(veoSeconds({ durationSec: 4, width: 1280, height: 720 }, mc)).toBe(4);
    expect(veoSeconds({ durationSec: 4, width: 1920, height: 1080 }, mc)).toBe(8);
    expect(veoSeconds({ durationSec: 5, width: 3840, height: 2160 }, mc)).toBe(8);
  });

  it('estimates from the price table at the billed length (5 s → 6 s)', () => {
    const veo = createVeoProvider();
    const r = { durationSec: 5, width: 1280, height: 720, model: 'veo-3.1-fast-generate-preview' } as GenerationRequest;
    expect(veo.estimateCost(r)).toBe(0.72);
    expect(veo.estimateCost({ ...r, model: null })).toBe(2.4);
    // An extension and a reference-image request are sent as 8 s, and priced so.
    const ext = {
      takeId: 't',
      provider: 'veo',
      model: 'veo-3.1-fast-generate-preview',
      ref: 'https://x/files/a',
      durationSec: 8,
    };
    expect(veo.estimateCost({ ...r, extend: ext } as GenerationRequest)).toBeCloseTo(0.96, 6);
    expect(veo.estimateCost({ ...r, references: [{ assetId: 'a', path: '/a.png' }] } as GenerationRequest)).toBeCloseTo(
      0.96,
      6,
    );
    // Lite takes no references: none are sent, so the shot's own length is priced; a 1080p shot is 8 s.
    expect(
      veo.estimateCost({
        ...r,
        model: 'veo-3.1-lite-generate-preview',
        references: [{ assetId: 'a', path: '/a.png' }],
      } as GenerationRequest),
    ).toBe(veo.estimateCost({ ...r, model: 'veo-3.1-lite-generate-preview' }));
    expect(veo.estimateCost({ ...r, width: 1920, height: 1080 })).toBeCloseTo(0.96, 6);
  });
});

describe('veo errors', () => {
  it('reads google.rpc.RetryInfo', () => {
    expect(retryDelayMs([{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }])).toBe(1500);
    expect(retryDelayMs([{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo' }])).toBe(0);
    expect(retryDelayMs(undefined)).toBe(0);
  });

  it('maps statuses to clear AppErrors, and leaves network/5xx errors unknown', () => {
    const throttled = veoError(
      apiError(429, {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message: 'You exceeded your current quota.',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '20s' }],
      }),
      'start shot 1',
    ) as AppError;
    expect(throttled.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 20000 });
    expect(throttled.message).toMatch(/quota/);
    const auth = veoError(
      apiError(403, { code: 403, status: 'PERMISSION_DENIED', message: 'Permission denied.' }),
      'x',
    ) as AppError;
    expect(auth.details).toMatchObject({ auth: true });
    const bad = veoError(
      apiError(400, { code: 400, status: 'INVALID_ARGUMENT', message: 'durationSeconds must be 4, 6 or 8' }),
      'start shot 2',
    ) as AppError;
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toBe('Google refused to start shot 2: durationSeconds must be 4, 6 or 8');
    const billing = veoError(
      apiError(400, { code: 400, status: 'FAILED_PRECONDITION', message: 'Billing required.' }),
      'x',
    ) as AppError;
    expect(billing.details).toMatchObject({ billing: true });
    const server = apiError(503, { code: 503, message: 'overloaded' });
    expect(veoError(server, 'x')).toBe(server);
    const net = new TypeError('fetch failed');
    expect(veoError(net, 'x')).toBe(net);
  });
});

describe('veo safety reasons', () => {
  it('names the flagged input when the reason says it, else none', () => {
    expect(
      veoFlaggedInput('Veo could not generate videos because the input image violates the usage guidelines.'),
    ).toBe('image');
    expect(veoFlaggedInput("The prompt couldn't be submitted: it might violate our policies.")).toBe('prompt');
    expect(veoFlaggedInput('Support codes: 58061214')).toBeNull();
  });
});
