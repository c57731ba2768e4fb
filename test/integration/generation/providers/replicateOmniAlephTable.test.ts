/**
 * Replicate's Kling 3.0 Omni and Runway Gen-4 Aleph: the per-model request table with a take's
 * clip to restyle through the adapter to its strict fake, every sent body a snapshot; the clips
 * refused before anything is sent; the fake refusing what the real endpoint refuses; and Aleph
 * billed on the 5 s it makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplicateProvider } from '../../../../electron/services/generation/providers/replicate.js';
import { requestCost } from '../../../../electron/services/generation/plan.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { REPLICATE_FAKE_KEY, startFakeReplicate, type FakeReplicate } from '../../../fakes/replicate.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { requestTable, sendsOf, VIDEO_SCENARIOS, type BodyTable } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';
import { editable, source } from './editClips.js';
import { fakeContext } from './harness.js';

let rep: FakeReplicate;
const repAdapter = createReplicateProvider();
const repCtx = fakeContext(tempDir(), () => rep, REPLICATE_FAKE_KEY);

beforeAll(async () => {
  rep = await startFakeReplicate({ runMs: 20 });
});
afterAll(async () => {
  await rep.close();
});

const KLING_OMNI = 'kwaivgi/kling-v3-omni-video';
const ALEPH = 'runwayml/gen4-aleph';

describe('Replicate Kling 3.0 Omni and Gen-4 Aleph request table against the strict fake', () => {
  it('Kling Omni sends every kind of shot and a restyle; Aleph only a restyle', async () => {
    const bodies: BodyTable = {};
    const table = await requestTable(
      [KLING_OMNI, ALEPH],
      {
        provider: 'replicate',
        submit: (req) => repAdapter.submit(req, repCtx()),
        received: () => rep.createRequests().length,
        accepted: () => rep.creates,
        lastCreate: () => rep.createRequests().at(-1),
        bodies,
      },
      VIDEO_SCENARIOS,
    );
    expect(table).toEqual({
      [KLING_OMNI]: sendsOf(VIDEO_SCENARIOS, 'text', 'firstFrame', 'firstLast', 'references', 'camera', 'video'),
      [ALEPH]: sendsOf(VIDEO_SCENARIOS, 'video'),
    });
    const input = (s: 'video' | 'text', m: string) =>
      (bodies[m]?.[s]?.body as { input: Record<string, unknown> }).input;
    expect(input('video', KLING_OMNI)).toMatchObject({ video_reference_type: 'base', keep_original_sound: true });
    expect(input('video', KLING_OMNI)).not.toHaveProperty('generate_audio');
    expect(input('text', KLING_OMNI)).toMatchObject({ aspect_ratio: '16:9', duration: 5, mode: 'standard' });
    expect(input('video', ALEPH)).toMatchObject({
      video: expect.stringMatching(/^<data:video\/mp4 \d+ chars>$/),
      seed: 42,
    });
    expect(bodies).toMatchSnapshot();
  });

  it('refuses before sending: a Kling Omni clip outside 3-10 s, Aleph without a clip', async () => {
    const before = rep.createRequests().length;
    const long = await rejectionOf(
      repAdapter.submit(genRequest({ model: KLING_OMNI, sourceVideo: { ...source, durationSec: 11 } }), repCtx()),
    );
    expect(long.message).toMatch(/3 to 10 s/);
    const bare = await rejectionOf(repAdapter.submit(genRequest({ model: ALEPH }), repCtx()));
    expect(bare.message).toMatch(/edits an existing clip/);
    expect(rep.createRequests().length).toBe(before);
  });

  it('Kling Omni refuses an 8 fps clip before sending; Aleph states no frame-rate limit and sends it', async () => {
    const before = rep.createRequests().length;
    const slow = await rejectionOf(
      repAdapter.submit(
        genRequest({ model: KLING_OMNI, sourceVideo: { ...source, width: 1280, height: 720, fps: 8 } }),
        repCtx(),
      ),
    );
    expect(slow.message).toMatch(/runs at 8 fps; Kling 3\.0 Omni.* 24 to 60 fps/);
    expect(rep.createRequests().length).toBe(before);
    await repAdapter.submit(genRequest({ model: ALEPH, sourceVideo: { ...source, fps: 8 } }), repCtx());
    expect(rep.createRequests().length).toBe(before + 1);
  });

  it("the fake reads the clip: an 8 fps clip the app did not measure fails Kling Omni's prediction, a 24 fps one runs", async () => {
    // No fps known (a take imported before rates were recorded): the adapter sends, the model refuses it.
    const slow = await repAdapter.submit(
      genRequest({ model: KLING_OMNI, sourceVideo: { ...source, width: 1280, height: 720 } }),
      repCtx(),
    );
    const created = rep.createRequests().at(-1);
    expect(created?.status).toBe(201);
    expect((created?.body as { input: Record<string, unknown> }).input.reference_video).toMatch(
      /^data:video\/mp4;base64,/,
    );
    const failed = await repAdapter.poll(slow.taskId, repCtx());
    expect(failed).toMatchObject({ state: 'failed' });
    expect(JSON.stringify(failed)).toMatch(/frame rate must be between 24 and 60 FPS; got 8\.0/);
    // The same request with a 24 fps clip is not failed by the fake's clip rule.
    const ok = await repAdapter.submit(genRequest({ model: KLING_OMNI, sourceVideo: editable() }), repCtx());
    expect((await repAdapter.poll(ok.taskId, repCtx())).state).not.toBe('failed');
  });

  it('Aleph is billed on the 5 s it makes, whatever the shot or clip length', () => {
    const req = genRequest({ model: ALEPH, durationSec: 9, sourceVideo: { ...source, durationSec: 8 } });
    expect(requestCost(repAdapter, req)).toBeCloseTo(0.9);
  });
});

describe('the strict Replicate fake refuses what the endpoint refuses', () => {
  const repPost = async (model: string, input: Record<string, unknown>) => {
    const res = await fetch(`${rep.url}/models/${model}/predictions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${REPLICATE_FAKE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    });
    return { status: res.status, body: (await res.json()) as { title: string; detail: string } };
  };
  const img = 'https://example.com/a.png';
  const clip = 'https://example.com/c.mp4';
  it.each([
    ['an end image without a start image', KLING_OMNI, { prompt: 'x', end_image: img }, /end_image/],
    [
      'audio with a reference video',
      KLING_OMNI,
      { prompt: 'x', reference_video: clip, generate_audio: true },
      /generate_audio/,
    ],
    [
      'five pictures beside a clip',
      KLING_OMNI,
      { prompt: 'x', reference_video: clip, reference_images: Array(5).fill(img) },
      /at most 4/,
    ],
    ['a 2 s duration', KLING_OMNI, { prompt: 'x', duration: 2 }, /greater than or equal to 3/],
    ['mode "std" (that is the Kling API)', KLING_OMNI, { prompt: 'x', mode: 'std' }, /mode/],
    ['Aleph without a clip', ALEPH, { prompt: 'x' }, /video is required/],
    ['Aleph with a duration', ALEPH, { prompt: 'x', video: clip, duration: 5 }, /Additional property duration/],
  ])('Replicate: %s is a 422', async (_n, model, input, why) => {
    const r = await repPost(model, input);
    expect(r.status).toBe(422);
    expect(r.body.title).toBe('Input validation failed');
    expect(r.body.detail).toMatch(why);
  });
});
