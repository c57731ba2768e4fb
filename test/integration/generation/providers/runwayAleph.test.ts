/**
 * Runway Aleph 2 (video-to-video): the request table with a take's clip to restyle, through the
 * real @runwayml/sdk to the strict fake (test/fakes/runwayAleph.ts), the output downloaded, the
 * price as sent, and the requests Runway refuses (the retired gen4_aleph among them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunwayProvider } from '../../../../electron/services/generation/providers/runway.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { startFakeRunway, type FakeRunway } from '../../../fakes/runway.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { realMedia } from '../../../helpers/realMedia.js';
import { recordedBody, requestTable, sendsOf, VIDEO_SCENARIOS } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';

const CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
const root = tempDir();
let fake: FakeRunway;
const runway = createRunwayProvider();
const ctx = (): ProviderContext => ({ tmpDir: root, settings: { baseUrl: fake.url, apiKey: 'test-key' } });
const source = { takeId: 't-src', assetId: 'v1', path: CLIP, durationSec: 5 };
const creates = () => fake.requests.filter((r) => r.method === 'POST' && /_to_video$/.test(r.path));

beforeAll(async () => {
  fake = await startFakeRunway({ runMs: 20 });
});
afterAll(() => fake.close());

describe('Runway Aleph 2 request table against the strict fake', () => {
  it('aleph2 sends only a restyle of a clip; the generating models refuse one before sending', async () => {
    const table = await requestTable(
      ['aleph2', 'gen4.5', 'seedance2'],
      {
        provider: 'runway',
        submit: (req) => runway.submit(req, ctx()),
        received: () => creates().length,
        accepted: () => fake.creates,
      },
      VIDEO_SCENARIOS,
    );
    expect(table).toEqual({
      aleph2: sendsOf(VIDEO_SCENARIOS, 'video'),
      'gen4.5': sendsOf(VIDEO_SCENARIOS, 'text', 'firstFrame', 'camera'),
      seedance2: sendsOf(VIDEO_SCENARIOS, 'text', 'firstFrame', 'firstLast', 'references', 'camera'),
    });
    const sent = creates().filter((r) => r.path === '/v1/video_to_video' && r.status === 200);
    expect(sent).toHaveLength(1);
    expect(recordedBody(sent[0]?.body)).toEqual({
      model: 'aleph2',
      videoUri: expect.stringMatching(/^<data:video\/mp4 \d+ chars>$/),
      promptText: '镜头: a "quoted" campfire at 100% dusk',
      seed: 42,
    });
    // The clip went whole, as the data URI of the file's bytes.
    expect(sent[0]?.body?.videoUri).toBe(`data:video/mp4;base64,${readFileSync(CLIP).toString('base64')}`);
  });

  it('a restyle with first and last frame sends them as keyframes at 0 and 1, runs, downloads, and is priced on the clip', async () => {
    const frame = { assetId: 'a1', path: FIRST_FRAME };
    const req = genRequest({
      model: 'aleph2',
      camera: 'push_in',
      durationSec: 2,
      firstFrame: frame,
      lastFrame: frame,
      sourceVideo: { ...source, durationSec: 6 },
    });
    // Billed per output second, and the output is as long as the source (6 s), not the shot (2 s).
    expect(runway.estimateCost(req)).toBeCloseTo(0.9);
    const { taskId } = await runway.submit(req, ctx());
    const body = creates().at(-1)?.body as Record<string, unknown>;
    expect((body.keyframes as { at: number }[]).map((k) => k.at)).toEqual([0, 1]);
    expect(String(body.promptText)).toMatch(/push/i);
    for (let i = 0; i < 200 && (await runway.poll(taskId, ctx())).state === 'running'; i++)
      await new Promise((r) => setTimeout(r, 10));
    await runway.fetchResult(taskId, join(root, 'restyled.mp4'), ctx());
    expect(readFileSync(join(root, 'restyled.mp4')).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('refuses before sending: the retired gen4_aleph, a clip over 30 s, a file that is no video', async () => {
    const before = creates().length;
    const retired = await rejectionOf(runway.submit(genRequest({ model: 'gen4_aleph', sourceVideo: source }), ctx()));
    expect(retired.message).toMatch(/retired gen4_aleph; pick aleph2/);
    const long = await rejectionOf(
      runway.submit(genRequest({ model: 'aleph2', sourceVideo: { ...source, durationSec: 31 } }), ctx()),
    );
    expect(long.message).toMatch(/up to 30 s/);
    const notVideo = await rejectionOf(
      runway.submit(genRequest({ model: 'aleph2', sourceVideo: { ...source, path: FIRST_FRAME } }), ctx()),
    );
    expect(notVideo.message).toMatch(/not an MP4 or MOV/);
    expect(creates().length).toBe(before);
  });
});

describe('the strict fake refuses video-to-video requests Runway refuses', () => {
  const post = async (body: Record<string, unknown>) => {
    const res = await fetch(`${fake.url}/v1/video_to_video`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer test-key',
        'x-runway-version': '2024-11-06',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as { error: string; issues: { message: string; path: string[] }[] },
    };
  };
  const video = 'https://example.com/clip.mp4';
  const img = 'https://example.com/frame.png';

  it.each([
    ['the retired gen4_aleph', { model: 'gen4_aleph', videoUri: video, promptText: 'x' }, 'model'],
    ['no videoUri', { model: 'aleph2', promptText: 'x' }, 'videoUri'],
    ['a picture as the video', { model: 'aleph2', videoUri: 'data:image/png;base64,AAAA' }, 'videoUri'],
    ['a duration (the output follows the input)', { model: 'aleph2', videoUri: video, duration: 5 }, 'duration'],
    [
      'references (gen4_aleph only)',
      { model: 'aleph2', videoUri: video, references: [{ type: 'image', uri: img }] },
      'references',
    ],
    [
      'six keyframes',
      { model: 'aleph2', videoUri: video, keyframes: Array.from({ length: 6 }, () => ({ uri: img, at: 0 })) },
      'keyframes',
    ],
    ['a keyframe past the end', { model: 'aleph2', videoUri: video, keyframes: [{ uri: img, at: 1.5 }] }, 'keyframes'],
    ['an empty prompt', { model: 'aleph2', videoUri: video, promptText: '' }, 'promptText'],
  ])('%s: 400 with the field named', async (_name, body, field) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('Validation of body failed');
    expect(r.body.issues.map((i) => i.path[0])).toContain(field);
  });

  it('accepts the documented shape', async () => {
    const r = await post({
      model: 'aleph2',
      videoUri: video,
      promptText: 'snow',
      keyframes: [{ uri: img, seconds: 1 }],
      seed: 3,
    });
    expect(r.status).toBe(200);
  });
});
