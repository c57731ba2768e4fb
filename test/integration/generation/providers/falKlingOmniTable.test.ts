/**
 * The Kling Omni models of fal.ai: the per-model request table with a take's clip to restyle
 * (text, first frame, first + last, references, camera, video) through the adapter to its strict
 * fake, every sent body a snapshot; the clips those models refuse before anything is uploaded or
 * sent; the fake refusing what the real endpoints refuse; and a restyle priced on the clip it edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFalProvider } from '../../../../electron/services/generation/providers/fal.js';
import { requestCost } from '../../../../electron/services/generation/plan.js';
import { FAL_FAKE_KEY, startFakeFal, type FakeFal } from '../../../fakes/fal.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { requestTable, sendsOf, VIDEO_SCENARIOS, type BodyTable } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';
import { editable, source } from './editClips.js';
import { fakeContext } from './harness.js';

let fal: FakeFal;
const falAdapter = createFalProvider();
const falCtx = fakeContext(tempDir(), () => fal, FAL_FAKE_KEY);
const falCreates = () =>
  fal
    .seen()
    .filter((r) => r.method === 'POST' && r.target?.host === 'queue.fal.run')
    .map((r) => ({ path: r.target?.pathname ?? r.path, body: r.body, status: r.status }));

beforeAll(async () => {
  fal = await startFakeFal({ runMs: 20 });
});
afterAll(async () => {
  await fal.close();
});

const O1 = 'fal-ai/kling-video/o1/standard';
const O3 = 'fal-ai/kling-video/o3/standard';
const O3_EDIT = 'fal-ai/kling-video/o3/pro/video-to-video/edit';
const O3_PRO = 'fal-ai/kling-video/o3/pro';
const O3_4K = 'fal-ai/kling-video/o3/4k';
const O1_EDIT = 'fal-ai/kling-video/o1/video-to-video/edit';

describe('fal Kling Omni request table against the strict fake', () => {
  it('O1 / O3 (Standard, Pro, 4K) generate (text, frames, references, camera), O1 / O3 Edit only restyle a clip', async () => {
    const bodies: BodyTable = {};
    const table = await requestTable(
      [O1, O3, O3_PRO, O3_4K, O1_EDIT, O3_EDIT],
      {
        provider: 'fal',
        patch: { sourceVideo: editable() },
        submit: (req) => falAdapter.submit(req, falCtx()),
        received: () => falCreates().length,
        accepted: () => fal.creates,
        lastCreate: () => falCreates().at(-1),
        bodies,
      },
      VIDEO_SCENARIOS,
    );
    expect(table).toEqual({
      [O1]: sendsOf(VIDEO_SCENARIOS, 'text', 'firstFrame', 'firstLast', 'references', 'camera'),
      [O3]: sendsOf(VIDEO_SCENARIOS, 'text', 'firstFrame', 'firstLast', 'references', 'camera'),
      [O3_PRO]: sendsOf(VIDEO_SCENARIOS, 'text', 'firstFrame', 'firstLast', 'references', 'camera'),
      [O3_4K]: sendsOf(VIDEO_SCENARIOS, 'text', 'firstFrame', 'firstLast', 'references', 'camera'),
      [O1_EDIT]: sendsOf(VIDEO_SCENARIOS, 'video'),
      [O3_EDIT]: sendsOf(VIDEO_SCENARIOS, 'video'),
    });
    // Each tier goes to its own endpoints; the 4K tier takes up to 7 references, Pro 4.
    expect(bodies[O3_PRO]?.firstFrame?.path).toBe('/fal-ai/kling-video/o3/pro/image-to-video');
    expect(bodies[O3_4K]?.references?.path).toBe('/fal-ai/kling-video/o3/4k/reference-to-video');
    expect(bodies[O3_4K]?.text?.body).toMatchObject({ aspect_ratio: '16:9', generate_audio: true });
    // O1 Edit reads no @Video1 tag (its page names only @Image / @Element).
    expect(String((bodies[O1_EDIT]?.video?.body as { prompt: string }).prompt)).not.toMatch(/@Video1/);
    // The endpoint each kind of shot went to, and O3's first frame as `image_url` (not start_image_url).
    expect(bodies[O1]?.text?.path).toBe('/fal-ai/kling-video/o1/standard/reference-to-video');
    expect(bodies[O1]?.firstLast?.body).toMatchObject({
      start_image_url: expect.any(String),
      end_image_url: expect.any(String),
    });
    expect(bodies[O3]?.firstFrame?.body).toMatchObject({ image_url: expect.any(String), generate_audio: true });
    expect(bodies[O3_EDIT]?.video?.body).toMatchObject({ video_url: expect.any(String), keep_audio: true });
    expect(String((bodies[O3_EDIT]?.video?.body as { prompt: string }).prompt)).toMatch(/^@Video1: /);
    expect(bodies).toMatchSnapshot();
  });

  it('refuses a clip fal would refuse before uploading anything: too long, too short, too small', async () => {
    const [creates, uploads] = [falCreates().length, fal.uploads.size];
    for (const [src, why] of [
      [{ ...source, durationSec: 12 }, /takes clips of 3 to 10 s/],
      [{ ...source, durationSec: 2 }, /takes clips of 3 to 10 s/],
      [{ ...source, width: 720, height: 480 }, /720×480.*720 to 2160 pixels/],
    ] as const) {
      const err = await rejectionOf(falAdapter.submit(genRequest({ model: O3_EDIT, sourceVideo: src }), falCtx()));
      expect(err.message).toMatch(why);
    }
    // A first frame is not something the edit endpoint takes: refused, not dropped.
    const framed = await rejectionOf(
      falAdapter.submit(
        genRequest({ model: O3_EDIT, sourceVideo: source, firstFrame: { assetId: 'a1', path: FIRST_FRAME } }),
        falCtx(),
      ),
    );
    expect(framed.message).toMatch(/first frame/);
    expect([falCreates().length, fal.uploads.size]).toEqual([creates, uploads]);
  });

  it('refuses an 8 fps clip before uploading, on every fal edit endpoint, naming its rate and the range (en + key)', async () => {
    const [creates, uploads] = [falCreates().length, fal.uploads.size];
    for (const model of [O1_EDIT, O3_EDIT]) {
      const err = await rejectionOf(
        falAdapter.submit(genRequest({ model, sourceVideo: { ...editable(), fps: 8 } }), falCtx()),
      );
      expect(err.message).toMatch(/runs at 8 fps; .* takes clips of 24 to 60 fps/);
      expect(err.details).toMatchObject({ messageKey: 'restyle.clipFps', fps: 8, min: 24, max: 60 });
    }
    const fast = await rejectionOf(
      falAdapter.submit(genRequest({ model: O1_EDIT, sourceVideo: { ...editable(), fps: 120 } }), falCtx()),
    );
    expect(fast.message).toMatch(/runs at 120 fps/);
    expect([falCreates().length, fal.uploads.size]).toEqual([creates, uploads]);
  });

  it("the fake reads the uploaded clip: an 8 fps clip the app did not measure is fal's 422 on video_url", async () => {
    // No fps known (a take imported before rates were recorded): the adapter sends, fal refuses.
    const err = await rejectionOf(
      falAdapter.submit(
        genRequest({ model: O3_EDIT, sourceVideo: { ...source, durationSec: 5, width: 720, height: 720 } }),
        falCtx(),
      ),
    );
    expect(err.message).toMatch(/frame rate must be between 24\.0 and 60\.0 FPS; got 8\.0/);
    expect(falCreates().at(-1)?.status).toBe(422);
  });

  it('a restyle is priced on the clip it edits, the same in the estimate and the adapter', () => {
    const req = genRequest({ model: O3_EDIT, durationSec: 2, sourceVideo: { ...source, durationSec: 8 } });
    expect(requestCost(falAdapter, req)).toBeCloseTo(0.336 * 8);
    expect(falAdapter.estimateCost(req)).toBeCloseTo(0.336 * 8);
  });
});

describe('the strict fal fake refuses what the endpoints refuse', () => {
  const falPost = async (endpoint: string, input: Record<string, unknown>) => {
    const res = await fetch(fal.url, {
      method: 'POST',
      headers: {
        authorization: `Key ${FAL_FAKE_KEY}`,
        'content-type': 'application/json',
        'x-fal-target-url': `https://queue.fal.run/${endpoint}`,
      },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as { detail: { loc: string[]; msg: string }[] } };
  };
  it.each([
    [
      'O3 image-to-video with start_image_url (that is O1)',
      'fal-ai/kling-video/o3/standard/image-to-video',
      { prompt: 'x', start_image_url: 'u' },
      'image_url',
    ],
    [
      'O1 image-to-video with an aspect ratio',
      'fal-ai/kling-video/o1/standard/image-to-video',
      { prompt: 'x', start_image_url: 'u', aspect_ratio: '16:9' },
      'aspect_ratio',
    ],
    ['O3 a 16 s duration', 'fal-ai/kling-video/o3/standard/text-to-video', { prompt: 'x', duration: '16' }, 'duration'],
    [
      'O1 a negative prompt',
      'fal-ai/kling-video/o1/standard/reference-to-video',
      { prompt: 'x', negative_prompt: 'y' },
      'negative_prompt',
    ],
    [
      'Edit with a duration',
      'fal-ai/kling-video/o3/pro/video-to-video/edit',
      { prompt: 'x', video_url: 'u', duration: '5' },
      'duration',
    ],
    ['Edit without a clip', 'fal-ai/kling-video/o3/pro/video-to-video/edit', { prompt: 'x' }, 'video_url'],
    [
      'O3 4K image-to-video with start_image_url',
      'fal-ai/kling-video/o3/4k/image-to-video',
      { prompt: 'x', start_image_url: 'u' },
      'image_url',
    ],
    [
      'O3 Pro five references',
      'fal-ai/kling-video/o3/pro/reference-to-video',
      { prompt: 'x', image_urls: ['a', 'b', 'c', 'd', 'e'] },
      'image_urls',
    ],
    [
      'O3 4K eight references',
      'fal-ai/kling-video/o3/4k/reference-to-video',
      { prompt: 'x', image_urls: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
      'image_urls',
    ],
    [
      'O1 Edit with a duration',
      'fal-ai/kling-video/o1/video-to-video/edit',
      { prompt: 'x', video_url: 'u', duration: '5' },
      'duration',
    ],
  ])('fal: %s is a 422 naming the field', async (_n, endpoint, input, field) => {
    const r = await falPost(endpoint, input);
    expect(r.status).toBe(422);
    expect(r.body.detail[0]?.loc).toEqual(['body', field]);
  });
});
