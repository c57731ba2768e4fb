/**
 * The /v1/videos first frame is made exactly the request size (the Sora shape refuses any
 * other: providers.md §1): cover-fit through the one ffmpeg runner into a temp PNG that is
 * removed, checked by the fake gateway decoding what it received, as the real API does.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../../../electron/services/ffmpeg/runner.js';
import { createOpenAIVideosProvider } from '../../../../electron/services/generation/providers/openai-videos.js';
import type { GenerationRequest, ProviderContext } from '../../../../electron/services/generation/types.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { lavfiPicture } from '../../../helpers/lavfiClip.js';
import { tempDir } from '../../../helpers/tmp.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { startFakeOpenAIVideos, type FakeOpenAIVideos, type FileField } from '../../../fakes/openai-videos.js';

const root = tempDir();
const TMP = join(root, 'job tmp 临时');
let fake: FakeOpenAIVideos;
let BANDS: string;
const runs: string[] = [];
const ov = createOpenAIVideosProvider({ runFfmpeg: (inv, o) => (runs.push(inv.label), runFfmpeg(inv, o)) });
const ctx = (): ProviderContext => ({ tmpDir: TMP, settings: { baseUrl: fake.url, apiKey: 'test-key' } });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Shot 3 (its number is in the runner's label and the error text). */
const req = (over: Partial<GenerationRequest> = {}): GenerationRequest => genRequest({ shotNumber: 3, ...over });

/** The input_reference of the last create, and its bytes as the fake received them. */
function sent(): { field: FileField; bytes: Buffer } {
  const create = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos').at(-1);
  const field = (create?.body as Record<string, FileField> | undefined)?.input_reference;
  if (!field) throw new Error('no input_reference was sent');
  const bytes = fake.files.get(field.sha256);
  if (!bytes) throw new Error('the fake kept no bytes');
  return { field, bytes };
}

/** One pixel (r, g, b) of a picture, decoded independently by the system ffmpeg. */
function pixel(png: Buffer, x: number, y: number): number[] {
  const file = join(root, `px-${sha(png).slice(0, 8)}.png`);
  writeFileSync(file, png);
  return [
    ...execFileSync('ffmpeg', [
      '-v',
      'error',
      '-i',
      file,
      '-vf',
      `crop=1:1:${x}:${y}`,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ]),
  ];
}

beforeAll(async () => {
  fake = await startFakeOpenAIVideos();
  mkdirSync(TMP, { recursive: true });
  // 720x480 (3:2): grey, green bands 30 px high at top and bottom, red bars 20 px wide at the
  // sides. Cover-fitting to 16:9 scales by 16/9 and crops ~37.5 source px off top and bottom:
  // the green must be gone and the red kept. A stretch would keep the green, a letterbox add black.
  BANDS = join(root, 'bands 镜头 100%.png');
  lavfiPicture(
    BANDS,
    'color=c=gray:s=720x480,drawbox=x=0:y=0:w=720:h=30:c=lime:t=fill,drawbox=x=0:y=450:w=720:h=30:c=lime:t=fill,' +
      'drawbox=x=0:y=0:w=20:h=480:c=red:t=fill,drawbox=x=700:y=0:w=20:h=480:c=red:t=fill',
  );
});
afterAll(() => fake.close());
afterEach(() => {
  fake.reset();
  runs.length = 0;
});

describe('openai-videos: the first frame at the request size', () => {
  it('a 720x480 PNG for a 1280x720 request: the gateway decodes 1280x720; one runner call; temp file gone', async () => {
    const { taskId } = await ov.submit(req({ firstFrame: { assetId: 'a1', path: FIRST_FRAME } }), ctx());
    expect(taskId).toMatch(/^video_/);
    const { field } = sent();
    expect(field).toMatchObject({ name: 'first-frame-camping.png', type: 'image/png', decoded: '1280x720' });
    expect(field.sha256).not.toBe(sha(readFileSync(FIRST_FRAME)));
    expect(runs).toEqual(['first frame of shot 3 at 1280x720']);
    expect(readdirSync(TMP)).toEqual([]);
    expect(fake.creates).toBe(1);
  });

  it('cover-fit, not stretch or letterbox: the centre is kept, the long side cropped; portrait too', async () => {
    await ov.submit(req({ firstFrame: { assetId: 'a1', path: BANDS } }), ctx());
    const land = sent();
    expect(land.field).toMatchObject({ name: 'bands 镜头 100%.png', decoded: '1280x720' });
    const [r0 = 0, g0 = 0, b0 = 0] = pixel(land.bytes, 640, 0);
    expect(Math.abs(r0 - g0) + Math.abs(g0 - b0)).toBeLessThan(30); // grey: the green band was cropped
    expect(r0).toBeGreaterThan(90); // not a black letterbox bar
    const [r1 = 0, g1 = 0] = pixel(land.bytes, 2, 360);
    expect(r1).toBeGreaterThan(200); // the red side bar is still there
    expect(g1).toBeLessThan(60);

    await ov.submit(req({ width: 720, height: 1280, firstFrame: { assetId: 'a1', path: BANDS } }), ctx());
    const port = sent();
    expect(port.field.decoded).toBe('720x1280');
    // Portrait from landscape: the sides (red) are cropped, the green bands stay at top and bottom.
    const [r2 = 0, g2 = 0] = pixel(port.bytes, 0, 640);
    expect(r2).toBeLessThan(200);
    const [, g3 = 0] = pixel(port.bytes, 360, 5);
    expect(g3).toBeGreaterThan(200);
    expect(g2).toBeLessThan(200);
    expect(readdirSync(TMP)).toEqual([]);
  });

  it('a PNG already at the size goes as it is (no re-encode); a JPEG of the size becomes a PNG', async () => {
    const exact = lavfiPicture(join(root, 'exact.png'), 'testsrc2=s=1280x720');
    await ov.submit(req({ firstFrame: { assetId: 'a1', path: exact } }), ctx());
    expect(sent().field).toMatchObject({ sha256: sha(readFileSync(exact)), decoded: '1280x720', type: 'image/png' });
    expect(runs).toEqual([]);

    const jpeg = lavfiPicture(join(root, 'exact.jpg'), 'testsrc2=s=1280x720');
    await ov.submit(req({ firstFrame: { assetId: 'a1', path: jpeg } }), ctx());
    expect(sent().field).toMatchObject({ name: 'exact.png', type: 'image/png', decoded: '1280x720' });
    expect(runs).toHaveLength(1);
  });

  it('a broken picture is a clear INVALID_INPUT before any create, and leaves no temp file', async () => {
    const broken = join(root, 'broken 坏.png');
    writeFileSync(
      broken,
      Buffer.concat([readFileSync(FIRST_FRAME).subarray(0, 8), Buffer.from('not really a png at all')]),
    );
    const err = await rejectionOf(ov.submit(req({ firstFrame: { assetId: 'a1', path: broken } }), ctx()));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/^The first frame of shot 3 could not be read as a picture: .*broken 坏\.png/);
    expect(fake.creates).toBe(0);
    expect(readdirSync(TMP)).toEqual([]);
  });
});

describe('the fake gateway checks input_reference as the real API does', () => {
  async function create(file: Blob, size: string): Promise<{ status: number; body: unknown }> {
    const form = new FormData();
    form.append('prompt', 'p');
    form.append('size', size);
    form.append('input_reference', file, 'ref.png');
    const res = await fetch(`${fake.url}/videos`, {
      method: 'POST',
      body: form,
      headers: { authorization: 'Bearer test-key' },
    });
    return { status: res.status, body: await res.json() };
  }

  it('refuses a picture of another size, and a file that is no picture, in the gateway error shape', async () => {
    expect(await create(new Blob([readFileSync(FIRST_FRAME)], { type: 'image/png' }), '1280x720')).toEqual({
      status: 400,
      body: {
        error: {
          message: 'Inpaint image must match the requested width and height',
          type: 'invalid_request_error',
          param: 'input_reference',
          code: 'invalid_value',
        },
      },
    });
    expect(await create(new Blob(['hello'], { type: 'image/png' }), '1280x720')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_image', param: 'input_reference' } },
    });
    expect(fake.creates).toBe(0);
    // Control: the same picture is taken when it is the size asked for.
    const exact = lavfiPicture(join(root, 'ok.png'), 'color=c=blue:s=720x1280');
    expect((await create(new Blob([readFileSync(exact)], { type: 'image/png' }), '720x1280')).status).toBe(200);
    expect(fake.creates).toBe(1);
  });
});
