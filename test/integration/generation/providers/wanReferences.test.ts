/**
 * Wan reference-to-video and cancel against the fake (test/fakes/wan.ts): the pictures go up
 * through DashScope's temporary-file upload (getPolicy -> multipart form to the storage host ->
 * `oss://key`), then the create carries them with X-DashScope-OssResourceResolve: enable —
 * wan2.7-r2v as input.media reference_image (+ first_frame) with resolution/ratio, wan2.6-r2v
 * as input.reference_urls with size "W*H"; element names become the prompt labels. Shots a
 * model cannot make are refused before anything is sent. Cancel: PENDING -> CANCELED; a
 * started task answers UnsupportedOperation.
 */
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWanProvider } from '../../../../electron/services/generation/providers/wan.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import type { ReferenceRef } from '../../../../shared/generation/request.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import type { WanFake } from '../../../fakes/wan.js';
import { CANCEL_REFUSED, startFakeWan, WAN_VIDEO } from '../../../fakes/wan.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle } from './harness.js';

const root = tempDir();
let fake: WanFake;
const wan = createWanProvider({ env: {} });
const ctx = (): ProviderContext => ({ tmpDir: root, settings: { baseUrl: fake.url, apiKey: 'test-key' } });
const PNG_BYTES = statSync(FIRST_FRAME).size;

/** Reference pictures at Unicode paths with spaces and quotes, as users have them. */
function refs(n: number, extra: Partial<ReferenceRef>[] = []): ReferenceRef[] {
  return Array.from({ length: n }, (_, i) => {
    const path = join(root, `Mára "ref" ${i + 1} 镜头.png`);
    copyFileSync(FIRST_FRAME, path);
    return { assetId: `r${i + 1}`, path, kind: 'character' as const, ...extra[i] };
  });
}

beforeAll(async () => {
  fake = await startFakeWan({ runMs: 300 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const creates = (): typeof fake.requests => fake.requests.filter((r) => r.method === 'POST' && r.path === WAN_VIDEO);

function expectUploads(model: string, n: number): string[] {
  const policies = fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/uploads'));
  expect(policies.map((r) => r.path)).toEqual(Array(n).fill(`/api/v1/uploads?action=getPolicy&model=${model}`));
  expect(policies.every((r) => r.headers.authorization === 'Bearer test-key')).toBe(true);
  expect(fake.uploads).toHaveLength(n);
  for (const u of fake.uploads) {
    expect(u).toMatchObject({ model, bytes: PNG_BYTES, type: 'image/png' });
    expect(u.fields).toMatchObject({
      OSSAccessKeyId: 'LTAI-fake',
      'x-oss-object-acl': 'private',
      'x-oss-forbid-overwrite': 'true',
      success_action_status: '200',
    });
    expect(u.key).toMatch(/^dashscope-instant\/.+\/[0-9a-f-]{36}\.png$/);
  }
  return fake.uploads.map((u) => `oss://${u.key}`);
}

describe('Wan reference-to-video wire requests', () => {
  it('auto with element pictures picks wan2.7-r2v: uploads, then media reference_image in order, "Image n" labels, ratio', async () => {
    const pictures = refs(2, [{ name: 'Mara' }, { name: 'Old Tom' }]);
    const { taskId } = await wan.submit(
      genRequest({ prompt: 'Mara waves at Old Tom; Marathon posters behind', references: pictures }),
      ctx(),
    );
    const urls = expectUploads('wan2.7-r2v', 2);
    expect(creates()).toHaveLength(1);
    const c = creates()[0]!;
    expect(c.headers).toMatchObject({
      authorization: 'Bearer test-key',
      'x-dashscope-async': 'enable',
      'x-dashscope-ossresourceresolve': 'enable',
      'content-type': 'application/json',
    });
    expect(c.body).toEqual({
      model: 'wan2.7-r2v',
      input: {
        prompt: 'Image 1 waves at Image 2; Marathon posters behind',
        media: [
          { type: 'reference_image', url: urls[0] },
          { type: 'reference_image', url: urls[1] },
        ],
      },
      parameters: { resolution: '720P', prompt_extend: false, watermark: false, ratio: '16:9', duration: 5, seed: 42 },
    });
    expect(await settle(wan, taskId, ctx())).toEqual({ state: 'succeeded', progress: 1 });
    const dest = join(root, `r2v ${taskId}.mp4`);
    await wan.fetchResult(taskId, dest, ctx());
    expect(countVideoFrames(dest)).toBeGreaterThan(0);
  });

  it('wan2.7-r2v with a first frame: at most 5 references, then first_frame; no ratio; 图n labels in a Chinese prompt', async () => {
    const pictures = refs(6, [{ name: '小明' }]);
    await wan.submit(
      genRequest({
        model: 'wan2.7-r2v',
        prompt: '小明走进营地',
        firstFrame: { assetId: 'f', path: FIRST_FRAME },
        references: pictures,
        width: 1080,
        height: 1920,
        durationSec: 20,
        seed: null,
      }),
      ctx(),
    );
    const urls = expectUploads('wan2.7-r2v', 6);
    expect(creates()[0]!.body).toEqual({
      model: 'wan2.7-r2v',
      input: {
        prompt: '图1走进营地',
        media: [
          ...urls.slice(0, 5).map((url) => ({ type: 'reference_image', url })),
          { type: 'first_frame', url: urls[5] },
        ],
      },
      parameters: { resolution: '1080P', prompt_extend: false, watermark: false, duration: 15 },
    });
  });

  it('wan2.6-r2v-flash: element pictures only (no style) as reference_urls, characterN labels, size "W*H", single shot', async () => {
    const pictures = [
      ...refs(2, [{ name: 'Mara' }, { name: 'Rex', kind: 'prop' }]),
      { ...refs(1)[0]!, assetId: 's', kind: 'style' as const },
    ];
    await wan.submit(
      genRequest({
        model: 'wan2.6-r2v-flash',
        prompt: 'Mara throws Rex',
        negativePrompt: 'blur',
        references: pictures,
        width: 720,
        height: 1280,
        durationSec: 12,
      }),
      ctx(),
    );
    const urls = expectUploads('wan2.6-r2v-flash', 2);
    expect(creates()[0]!.headers['x-dashscope-ossresourceresolve']).toBe('enable');
    expect(creates()[0]!.body).toEqual({
      model: 'wan2.6-r2v-flash',
      input: { prompt: 'character1 throws character2', negative_prompt: 'blur', reference_urls: urls },
      parameters: { watermark: false, size: '720*1280', shot_type: 'single', duration: 10, seed: 42 },
    });
  });
});

describe('Wan reference-to-video refusals (nothing sent)', () => {
  const cases: [string, Parameters<typeof genRequest>[0], RegExp][] = [
    [
      'a first frame on wan2.6-r2v',
      { model: 'wan2.6-r2v', firstFrame: { assetId: 'f', path: FIRST_FRAME } },
      /first frame.*only reference pictures/,
    ],
    [
      'a last frame on wan2.7-r2v',
      {
        model: 'wan2.7-r2v',
        firstFrame: { assetId: 'f', path: FIRST_FRAME },
        lastFrame: { assetId: 'l', path: FIRST_FRAME },
      },
      /cannot end on a given frame/,
    ],
    ['no pictures on wan2.7-r2v', { model: 'wan2.7-r2v', references: [] }, /no element or style pictures/],
  ];
  for (const [name, patch, message] of cases) {
    it(name, async () => {
      const err = await rejectionOf(wan.submit(genRequest({ references: refs(1), ...patch }), ctx()));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(message);
      expect(fake.requests).toHaveLength(0);
    });
  }

  it('only a style picture on wan2.6-r2v (it takes characters): refused', async () => {
    const err = await rejectionOf(
      wan.submit(genRequest({ model: 'wan2.6-r2v', references: refs(1, [{ kind: 'style' }]) }), ctx()),
    );
    expect(err.message).toMatch(/no element pictures/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('the fake checks r2v bodies like DashScope', () => {
  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${fake.url}${WAN_VIDEO}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        authorization: 'Bearer k',
        'x-dashscope-async': 'enable',
        'content-type': 'application/json',
        ...headers,
      },
    });

  it('refuses data URIs, oss:// without the resolve header or uploaded for another model, and 2.6 fields on 2.7', async () => {
    const media = (url: string): unknown => ({
      model: 'wan2.7-r2v',
      input: { prompt: 'p', media: [{ type: 'reference_image', url }] },
      parameters: { resolution: '720P' },
    });
    expect(await (await post(media('data:image/png;base64,AAAA'))).json()).toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringMatching(/URL does not appear to be valid/),
    });
    await wan.submit(genRequest({ model: 'wan2.6-r2v', references: refs(1) }), ctx());
    const other = `oss://${fake.uploads[0]!.key}`;
    expect((await post(media(other), { 'x-dashscope-ossresourceresolve': 'enable' })).status).toBe(400);
    const legacy = { model: 'wan2.7-r2v', input: { prompt: 'p', reference_urls: ['https://x/y.png'] }, parameters: {} };
    expect(await (await post(legacy)).json()).toMatchObject({ message: 'Field required: input.media' });
    expect(fake.creates).toBe(1);
  });
});

describe('Wan cancel', () => {
  it('a PENDING task: POST /api/v1/tasks/{id}/cancel (Bearer, no body), then the task reads CANCELED', async () => {
    fake.hold = 'PENDING';
    const { taskId } = await wan.submit(genRequest(), ctx());
    await wan.cancel!(taskId, ctx());
    const c = fake.requests.find((r) => r.path.endsWith('/cancel'))!;
    expect(c).toMatchObject({ method: 'POST', path: `/api/v1/tasks/${taskId}/cancel`, body: undefined });
    expect(c.headers.authorization).toBe('Bearer test-key');
    fake.hold = null;
    expect(await wan.poll(taskId, ctx())).toMatchObject({ state: 'failed', failureKind: 'canceled' });
  });

  it('a RUNNING task: UnsupportedOperation becomes a clear notCancelable error; the task runs on', async () => {
    fake.hold = 'RUNNING';
    const { taskId } = await wan.submit(genRequest(), ctx());
    const err = await rejectionOf(wan.cancel!(taskId, ctx()));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toMatch(/only queued \(PENDING\) tasks can be canceled/);
    expect(err.details).toMatchObject({
      status: 400,
      notCancelable: true,
      reason: `UnsupportedOperation: ${CANCEL_REFUSED}`,
    });
    expect(await wan.poll(taskId, ctx())).toEqual({ state: 'running', progress: 0.5 });
  });
});
