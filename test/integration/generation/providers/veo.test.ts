/**
 * Google Veo through the real `@google/genai` SDK against the fake Gemini API (test/fakes/veo.ts):
 * the exact wire request for each kind of shot (providers.md §2), failures with Google's
 * reasons, throttling, an expired file, the connection test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVeoProvider } from '../../../../electron/services/generation/providers/veo.js';
import type { VeoRequest } from '../../../../electron/services/generation/providers/veo/params.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { lavfiPicture } from '../../../helpers/lavfiClip.js';
import { tempDir } from '../../../helpers/tmp.js';
import { fakeContext, settle, settleSucceeded } from './harness.js';
import { startFakeVeo, VEO_CLIP, type FakeVeo } from '../../../fakes/veo.js';
import { realMedia } from '../../../helpers/realMedia.js';
import { genRequest } from '../../../fakes/providerRequest.js';

const FIRST = realMedia('first-frame-camping.png');
const root = tempDir();
let fake: FakeVeo;
let LAST: string;
let REF: string;
const veo = createVeoProvider();
const ctx = fakeContext(root, () => fake);
const b64 = (p: string) => readFileSync(p).toString('base64');

const req = (over: Partial<VeoRequest> = {}): VeoRequest =>
  genRequest({
    shotId: 's1',
    shotNumber: 3,
    title: 'Dawn',
    prompt: 'a horse runs at dawn',
    stylePrompt: 'watercolor',
    seed: 7,
    ...over,
  }) as VeoRequest;

beforeAll(async () => {
  fake = await startFakeVeo();
  LAST = join(root, 'last 镜头.jpg');
  REF = join(root, 'ref "a".png');
  lavfiPicture(LAST, 'testsrc2=s=64x36');
  lavfiPicture(REF, 'color=c=red:s=32x32');
});
afterAll(() => fake.close());
afterEach(() => fake.reset());

const creates = () => fake.requests.filter((r) => r.path.endsWith(':predictLongRunning'));

async function finish(taskId: string): Promise<string> {
  await settleSucceeded(veo, taskId, ctx());
  const dest = join(root, `out ${taskId.split('/').pop()}.mp4`);
  await veo.fetchResult(taskId, dest, ctx());
  return dest;
}

/** Finishes a task and answers the output's Files API uri, as fetchResult reports it for extension. */
async function finishWithRef(taskId: string): Promise<{ uri: string }> {
  await settle(veo, taskId, ctx());
  const out = await veo.fetchResult(taskId, join(root, `src ${taskId.split('/').pop()}.mp4`), ctx());
  expect(out?.outputRef).toMatch(/\/v1beta\/files\/f[a-z0-9]+:download\?alt=media$/);
  return { uri: out?.outputRef ?? '' };
}

describe('Veo: the wire request per shot kind', () => {
  it('text-to-video: POST /v1beta/models/{model}:predictLongRunning with x-goog-api-key and instances/parameters', async () => {
    const { taskId } = await veo.submit(req({ negativePrompt: 'blur' }), ctx());
    expect(taskId).toMatch(/^models\/veo-3\.1-generate-preview\/operations\/\w+$/);
    const [c] = creates();
    expect(c?.method).toBe('POST');
    expect(c?.path).toBe('/v1beta/models/veo-3.1-generate-preview:predictLongRunning');
    expect(c?.headers['x-goog-api-key']).toBe('test-key');
    expect(c?.headers.authorization).toBeUndefined();
    expect(c?.body).toEqual({
      instances: [{ prompt: 'a horse runs at dawn. watercolor' }],
      // 5 s → 6 (the shortest allowed length that covers the shot); no seed/generateAudio on the Gemini API.
      parameters: {
        sampleCount: 1,
        durationSeconds: 6,
        aspectRatio: '16:9',
        resolution: '720p',
        negativePrompt: 'blur',
      },
    });
    const out = await finish(taskId);
    expect(readFileSync(out).equals(readFileSync(VEO_CLIP))).toBe(true);
    expect(countVideoFrames(out)).toBeGreaterThan(0);
    const dl = fake.requests.find((r) => r.path.includes(':download'));
    expect(dl?.path).toMatch(/^\/v1beta\/files\/f\w+:download\?alt=media$/);
    expect(dl?.headers['x-goog-api-key']).toBe('test-key');
    expect(fake.requests.some((r) => r.path === `/v1beta/${taskId}` && r.method === 'GET')).toBe(true);
  });

  it('first + last frame: instances[0].image and lastFrame as {bytesBase64Encoded, mimeType}', async () => {
    const r = req({
      model: 'veo-3.1-fast-generate-preview',
      width: 1080,
      height: 1920,
      durationSec: 8,
      firstFrame: { assetId: 'a1', path: FIRST },
      lastFrame: { assetId: 'a2', path: LAST },
    });
    const { taskId } = await veo.submit(r, ctx());
    const [c] = creates();
    expect(c?.path).toBe('/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning');
    expect(c?.body).toEqual({
      instances: [
        {
          prompt: 'a horse runs at dawn. watercolor',
          image: { bytesBase64Encoded: b64(FIRST), mimeType: 'image/png' },
          lastFrame: { bytesBase64Encoded: b64(LAST), mimeType: 'image/jpeg' },
        },
      ],
      parameters: { sampleCount: 1, durationSeconds: 8, aspectRatio: '9:16', resolution: '1080p' },
    });
    expect(existsSync(await finish(taskId))).toBe(true);
  });

  it('reference images: instances[0].referenceImages[] {image, referenceType: ASSET}, 8 s', async () => {
    await veo.submit(
      req({
        references: [
          { assetId: 'r1', path: REF },
          { assetId: 'r2', path: LAST },
        ],
      }),
      ctx(),
    );
    const [c] = creates();
    expect(c?.body).toEqual({
      instances: [
        {
          prompt: 'a horse runs at dawn. watercolor',
          referenceImages: [
            { image: { bytesBase64Encoded: b64(REF), mimeType: 'image/png' }, referenceType: 'ASSET' },
            { image: { bytesBase64Encoded: b64(LAST), mimeType: 'image/jpeg' }, referenceType: 'ASSET' },
          ],
        },
      ],
      parameters: { sampleCount: 1, durationSeconds: 8, aspectRatio: '16:9', resolution: '720p' },
    });
  });

  it('extension: instances[0].video {uri} of the previous Veo output, 8 s at 720p', async () => {
    // The source must be a Veo output (the fake, like the Gemini API, refuses other videos).
    const source = await veo.submit(req(), ctx());
    const { uri } = await finishWithRef(source.taskId);
    await veo.submit(req({ extendVideoUri: uri }), ctx());
    expect((creates()[1]?.body as { instances: unknown[] }).instances).toEqual([
      { prompt: 'a horse runs at dawn. watercolor', video: { uri } },
    ]);
    expect((creates()[1]?.body as { parameters: unknown }).parameters).toMatchObject({
      durationSeconds: 8,
      resolution: '720p',
    });
    const stranger = 'https://generativelanguage.googleapis.com/v1beta/files/abc123:download?alt=media';
    expect((await rejectionOf(veo.submit(req({ extendVideoUri: stranger }), ctx()))).message).toMatch(
      /only supports video extensions for Veo-generated videos/,
    );
  });

  it('refuses what Veo cannot do before sending anything', async () => {
    const four = [1, 2, 3, 4].map((i) => ({ assetId: `r${i}`, path: REF }));
    expect((await rejectionOf(veo.submit(req({ references: four }), ctx()))).message).toMatch(
      /4 reference images.*at most 3/,
    );
    expect(
      (
        await rejectionOf(
          veo.submit(
            req({ references: [{ assetId: 'r', path: REF }], firstFrame: { assetId: 'a', path: FIRST } }),
            ctx(),
          ),
        )
      ).message,
    ).toMatch(/cannot combine reference images/);
    expect((await rejectionOf(veo.submit(req({ model: 'veo-3.0-generate-001' }), ctx()))).message).toMatch(
      /no model "veo-3.0-generate-001"/,
    );
    expect((await rejectionOf(veo.submit(req({ model: 'veo-9' }), ctx()))).code).toBe('INVALID_INPUT');
    expect(
      (await rejectionOf(veo.submit(req({ firstFrame: { assetId: 'a', path: join(root, 'gone.png') } }), ctx())))
        .details,
    ).toMatchObject({ missing: true });
    expect((await rejectionOf(veo.submit(req(), ctx({ apiKey: '' })))).message).toMatch(/needs a Gemini API key/);
    expect(fake.creates).toBe(0);
  });
});

describe('Veo: failures', () => {
  it("an operation error and a safety block reach the user with Google's reason", async () => {
    fake.set({ failWith: 'Internal error while generating the video.' });
    const a = await veo.submit(req(), ctx());
    await new Promise((r) => setTimeout(r, 150));
    expect(await veo.poll(a.taskId, ctx())).toEqual({
      state: 'failed',
      error: 'Veo failed: Internal error while generating the video.',
    });
    fake.set({
      failWith: null,
      moderation: 'The prompt could not be submitted: it may violate our policies (celebrity).',
    });
    const b = await veo.submit(req(), ctx());
    await new Promise((r) => setTimeout(r, 150));
    const r = await veo.poll(b.taskId, ctx());
    expect(r.state).toBe('failed');
    expect(r.error).toMatch(/safety filter blocked.*celebrity/);
    // The reason names the prompt: a moderation failure flagged 'prompt' (moderationPrompt), not a provider failure.
    expect(r).toMatchObject({ failureKind: 'moderation', flagged: 'prompt' });
    fake.set({
      moderation:
        "Veo could not generate videos because the input image violates Vertex AI's usage guidelines. Support codes: 15236754",
    });
    const c = await veo.submit(req(), ctx());
    await new Promise((r) => setTimeout(r, 150));
    expect(await veo.poll(c.taskId, ctx())).toMatchObject({ failureKind: 'moderation', flagged: 'image' });
  });

  it('a bad key is an auth error; a 429 is throttling with retryAfterMs from RetryInfo', async () => {
    const bad = await rejectionOf(veo.submit(req(), ctx({ apiKey: 'wrong' })));
    expect(bad.code).toBe('PROVIDER_FAILED');
    expect(bad.message).toMatch(/rejected the API key.*API key not valid/);
    fake.set({ throttle: 1, retryAfterSec: 3 });
    const t = await rejectionOf(veo.submit(req(), ctx()));
    expect(t.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 3000 });
    expect(fake.creates).toBe(0);
    // One attempt only: the SDK did not retry the throttled create by itself.
    expect(creates()).toHaveLength(2);
  });

  it('an expired file is PROVIDER_FAILED expired; the connection test checks the key', async () => {
    const { taskId } = await veo.submit(req(), ctx());
    await new Promise((r) => setTimeout(r, 150));
    fake.set({ expired: true });
    const dest = join(root, 'expired.mp4');
    const err = await rejectionOf(veo.fetchResult(taskId, dest, ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
    expect(existsSync(dest)).toBe(false);
    await veo.ping?.(ctx());
    expect(fake.requests.at(-1)?.path).toMatch(/^\/v1beta\/models\?pageSize=1$/);
    expect((await rejectionOf(veo.ping(ctx({ apiKey: 'nope' })))).details).toMatchObject({ auth: true });
  });
});
