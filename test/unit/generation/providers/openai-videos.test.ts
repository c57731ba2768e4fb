/** The /v1/videos adapter's pure parts: size choice, prompt, Retry-After, error mapping, capabilities. */
import { describe, expect, it } from 'vitest';
import {
  createOpenAIVideosProvider,
  OPENAI_VIDEOS_CAPABILITIES,
  videoPrompt,
  videoSize,
} from '../../../../electron/services/generation/providers/openai-videos.js';
import {
  answerError,
  retryAfterHeaderMs,
} from '../../../../electron/services/generation/providers/openai-videos/http.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../shared/generation/request.js';

const json = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('openai-videos', () => {
  it('sizes: landscape/portrait, 1792x1024 only where the model has 1080p', () => {
    const pro = modelCapabilities(OPENAI_VIDEOS_CAPABILITIES, 'sora-2-pro').resolutions;
    const base = modelCapabilities(OPENAI_VIDEOS_CAPABILITIES, 'sora-2').resolutions;
    expect(videoSize({ width: 1920, height: 1080 }, base)).toBe('1280x720');
    expect(videoSize({ width: 1080, height: 1920 }, base)).toBe('720x1280');
    expect(videoSize({ width: 1920, height: 1080 }, pro)).toBe('1792x1024');
    expect(videoSize({ width: 1080, height: 1920 }, pro)).toBe('1024x1792');
    expect(videoSize({ width: 1280, height: 720 }, pro)).toBe('1280x720');
  });

  it('prompt: style joined, negative prompt in words, no prompt refused', () => {
    const r = {
      shotId: 's',
      shotNumber: 4,
      title: '',
      prompt: ' a fox ',
      stylePrompt: 'ink',
      negativePrompt: '',
    } as GenerationRequest;
    expect(videoPrompt(r)).toBe('a fox. ink');
    expect(videoPrompt({ ...r, negativePrompt: 'people' })).toBe('a fox. ink. Avoid: people');
    expect(() => videoPrompt({ ...r, prompt: '', stylePrompt: '' })).toThrow(/Shot 4 has no prompt/);
  });

  it('Retry-After: retry-after-ms, seconds, HTTP date, absent', () => {
    expect(retryAfterHeaderMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterHeaderMs(new Headers({ 'retry-after': '7' }))).toBe(7000);
    expect(retryAfterHeaderMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4000)).toBe(6000);
    expect(retryAfterHeaderMs(new Headers())).toBe(0);
  });

  it('errors: quota is not throttling; a bad parameter names it', async () => {
    const quota = await answerError(
      json(429, {
        message: 'You exceeded your current quota.',
        type: 'insufficient_quota',
        code: 'insufficient_quota',
      }),
      'start shot 1',
    );
    expect(quota.details).toMatchObject({ quota: true });
    expect(quota.details?.throttled).toBeUndefined();
    const bad = await answerError(
      json(400, {
        message: "Invalid value: '5'.",
        type: 'invalid_request_error',
        code: 'invalid_value',
        param: 'seconds',
      }),
      'start shot 1',
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toBe('The gateway refused to start shot 1: Invalid value: \'5\'. (parameter "seconds")');
    // A moderation refusal is the failure kind the runner records, as for the other adapters.
    const blocked = await answerError(
      json(400, {
        message: 'Your request was blocked by our moderation system.',
        type: 'invalid_request_error',
        code: 'moderation_blocked',
      }),
      'start shot 1',
    );
    expect(blocked.details).toMatchObject({ moderation: true, failureKind: 'moderation' });
    expect(bad.details?.failureKind).toBeUndefined();
    const html = await answerError(new Response('<html>Bad Gateway</html>', { status: 502 }), 'check the video');
    expect(html.message).toMatch(/HTTP 502.*Bad Gateway/);
  });

  it('says in its label and model notes that it is for gateways that still serve the shape', () => {
    const p = createOpenAIVideosProvider();
    expect(p.label).toMatch(/for gateways that still serve it/);
    expect(p.capabilities.models.every((m) => /gateways that still serve it/.test(m.note ?? ''))).toBe(true);
    expect([p.capabilities.lastFrame, p.capabilities.referenceImagesMax, p.capabilities.audio]).toEqual([
      false,
      0,
      true,
    ]);
  });
});
