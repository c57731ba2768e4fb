/**
 * Strict fakes of the image APIs the keyframe adapters call, on 127.0.0.1, written from the
 * reference pages cited in electron/services/generation/images/*.ts. Each refuses a request
 * that is not the documented shape (wrong auth, unknown or missing fields, bad values) with the
 * provider's own error form, records every request, and counts creates (paid requests).
 *   Gemini: POST /v1beta/models/{model}:generateContent (x-goog-api-key) -> candidates[].content.parts[].inlineData
 *   Seedream (Ark): POST /api/v3/images/generations (Bearer) -> {data: [{b64_json}]}
 *   Runway: POST /v1/text_to_image (Bearer, X-Runway-Version) -> {id}; GET /v1/tasks/{id}; GET /files/{id}.png
 * The pictures they answer with are real PNGs (so ffprobe imports them as images).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { realMedia } from '../helpers/realMedia.js';
import { listenLocal, recordRequest, type RoutedRequest } from './recordingHttp.js';

export type ImageRecorded = RoutedRequest;

export interface ImageFake {
  url: string;
  apiKey: string;
  requests: ImageRecorded[];
  /** Paid requests accepted. */
  readonly creates: number;
  /** The PNG every finished task answers with. */
  picture: Buffer;
  /** Holds each create's answer this long (a kill in between loses it). */
  createDelayMs: number;
  /** Holds each task status answer this long (Runway): a kill lands while the task id is stored. */
  queryDelayMs: number;
  /** Task run time (Runway). */
  runMs: number;
  close(): Promise<void>;
}

export const FAKE_PICTURE = realMedia('first-frame-camping.png');

const isB64Picture = (data: unknown): boolean => {
  if (typeof data !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(data)) return false;
  const b = Buffer.from(data, 'base64');
  return (
    (b[0] === 0x89 && b[1] === 0x50) || (b[0] === 0xff && b[1] === 0xd8) || b.subarray(8, 12).toString() === 'WEBP'
  );
};
const extra = (body: Record<string, unknown>, allowed: string[]): string | undefined =>
  Object.keys(body).find((k) => !allowed.includes(k));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Counting = ImageFake & { count(): void };
type Route = (
  rec: ImageRecorded,
  req: IncomingMessage,
  fake: Counting,
  reply: (status: number, body: unknown) => void,
  res: ServerResponse,
) => Promise<void> | void;

async function start(route: Route, apiKey: string): Promise<Counting> {
  const requests: ImageRecorded[] = [];
  let creates = 0;
  const fake = {
    url: '',
    apiKey,
    requests,
    get creates() {
      return creates;
    },
    count() {
      creates++;
    },
    picture: readFileSync(FAKE_PICTURE),
    createDelayMs: 0,
    queryDelayMs: 0,
    runMs: 300,
    close: async () => {},
  };
  const server = await listenLocal(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const { rec } = await recordRequest(req, requests, u.pathname);
    const reply = (status: number, out: unknown): void => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    };
    await route(rec, req, fake, reply, res);
  });
  fake.url = server.origin;
  fake.close = server.close;
  return fake;
}

/** Gemini API generateContent with image output (ai.google.dev/gemini-api/docs/image-generation). */
export async function startFakeGeminiImage(): Promise<ImageFake> {
  const MODELS = ['gemini-2.5-flash-image', 'gemini-3-pro-image-preview'];
  const ASPECTS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];
  return start(async (rec, _req, fake, reply) => {
    const bad = (message: string, status = 400): void =>
      reply(status, {
        error: { code: status, message, status: status === 400 ? 'INVALID_ARGUMENT' : 'UNAUTHENTICATED' },
      });
    const m = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(rec.path);
    if (rec.method !== 'POST' || !m) return bad(`no route ${rec.method} ${rec.path}`, 404);
    if (rec.headers['x-goog-api-key'] !== fake.apiKey)
      return bad('API key not valid. Please pass a valid API key.', 401);
    if (!MODELS.includes(m[1] as string)) return bad(`models/${m[1]} is not found`, 404);
    const b = rec.body ?? {};
    const x = extra(b, ['contents', 'generationConfig']);
    if (x) return bad(`Invalid JSON payload received. Unknown name "${x}": Cannot find field.`);
    const contents = b.contents as { role?: string; parts?: Record<string, unknown>[] }[] | undefined;
    const parts = contents?.[0]?.parts;
    if (!Array.isArray(contents) || contents.length !== 1 || !Array.isArray(parts) || parts.length === 0)
      return bad('contents[0].parts is required');
    if (typeof parts[0]?.text !== 'string' || !(parts[0].text as string).trim())
      return bad('the first part must be the text prompt');
    const pictures = parts.slice(1);
    for (const p of pictures) {
      const d = p.inline_data as { mime_type?: string; data?: unknown } | undefined;
      if (
        Object.keys(p).join() !== 'inline_data' ||
        !d ||
        !/^image\/(png|jpeg|webp)$/.test(d.mime_type ?? '') ||
        !isB64Picture(d.data)
      )
        return bad('each image part must be inline_data {mime_type, data} with a base64 picture');
    }
    if (pictures.length > (m[1] === 'gemini-2.5-flash-image' ? 3 : 14)) return bad('too many input images');
    const cfg = (b.generationConfig ?? {}) as Record<string, unknown>;
    const xc = extra(cfg, ['responseModalities', 'imageConfig', 'seed']);
    if (xc) return bad(`Unknown name "${xc}" at 'generation_config'`);
    if (JSON.stringify(cfg.responseModalities) !== '["IMAGE"]') return bad('responseModalities must ask for IMAGE');
    const ic = cfg.imageConfig as { aspectRatio?: string } | undefined;
    if (ic && (Object.keys(ic).join() !== 'aspectRatio' || !ASPECTS.includes(ic.aspectRatio ?? '')))
      return bad('imageConfig.aspectRatio is not supported');
    if (cfg.seed !== undefined && !Number.isInteger(cfg.seed)) return bad('seed must be an integer');
    fake.count();
    if (fake.createDelayMs) await wait(fake.createDelayMs);
    reply(200, {
      candidates: [
        {
          content: {
            role: 'model',
            // Each answer a different file (the PNG plus bytes after its end): distinct takes.
            parts: [
              {
                inlineData: {
                  mimeType: 'image/png',
                  data: Buffer.concat([fake.picture, Buffer.from(`#${fake.creates}`)]).toString('base64'),
                },
              },
            ],
          },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: { candidatesTokenCount: 1290 },
    });
  }, 'gemini-test-key');
}

/** Runway text_to_image + tasks (docs.dev.runwayml.com/api). */
export async function startFakeRunwayImage(): Promise<ImageFake> {
  const RATIOS = [
    '1920:1080',
    '1080:1920',
    '1024:1024',
    '1360:768',
    '1080:1080',
    '1168:880',
    '1440:1080',
    '1080:1440',
    '1808:768',
    '2112:912',
    '1280:720',
    '720:1280',
    '720:720',
    '960:720',
    '720:960',
    '1680:720',
  ];
  const tasks = new Map<string, number>();
  let n = 0;
  return start(async (rec, _req, fake, reply, res) => {
    const bad = (status: number, error: string): void => reply(status, { error });
    const file = /^\/files\/([\w-]+)\.png$/.exec(rec.path);
    if (file && rec.method === 'GET') {
      rec.status = 200;
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(fake.picture.length) });
      res.end(fake.picture);
      return;
    }
    if (rec.headers.authorization !== `Bearer ${fake.apiKey}`) return bad(401, 'Invalid API key');
    if (rec.headers['x-runway-version'] !== '2024-11-06') return bad(400, 'Invalid or missing X-Runway-Version header');
    if (rec.method === 'POST' && rec.path === '/v1/text_to_image') {
      const b = rec.body ?? {};
      const x = extra(b, ['model', 'promptText', 'ratio', 'referenceImages', 'seed', 'contentModeration']);
      if (x) return bad(400, `Unrecognized key: "${x}"`);
      if (b.model !== 'gen4_image' && b.model !== 'gen4_image_turbo') return bad(400, 'model: Invalid enum value');
      if (typeof b.promptText !== 'string' || b.promptText.length < 1 || b.promptText.length > 1000)
        return bad(400, 'promptText: must be 1 to 1000 characters');
      if (!RATIOS.includes(b.ratio as string)) return bad(400, 'ratio: Invalid enum value');
      const refs = b.referenceImages as { uri?: unknown; tag?: unknown }[] | undefined;
      if (refs !== undefined) {
        if (!Array.isArray(refs) || refs.length < 1 || refs.length > 3)
          return bad(400, 'referenceImages: 1 to 3 items');
        for (const r of refs) {
          if (extra(r as Record<string, unknown>, ['uri', 'tag'])) return bad(400, 'referenceImages: unknown key');
          const m = /^data:image\/(png|jpeg|webp);base64,(.+)$/.exec(String(r.uri));
          if (!m || !isB64Picture(m[2]))
            return bad(400, 'referenceImages.uri: must be an https URL, runway:// URI or image data URI');
          if (r.tag !== undefined && !/^[A-Za-z][A-Za-z0-9_]{2,15}$/.test(String(r.tag)))
            return bad(400, 'referenceImages.tag: 3-16 letters, digits or _, starting with a letter');
        }
      }
      if (
        b.seed !== undefined &&
        !(Number.isInteger(b.seed) && (b.seed as number) >= 0 && (b.seed as number) <= 4294967295)
      )
        return bad(400, 'seed: must be an integer from 0 to 4294967295');
      const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
      tasks.set(id, Date.now());
      fake.count();
      if (fake.createDelayMs) await wait(fake.createDelayMs);
      return reply(200, { id });
    }
    const t = /^\/v1\/tasks\/([\w-]+)$/.exec(rec.path);
    if (rec.method === 'GET' && t) {
      if (fake.queryDelayMs) await wait(fake.queryDelayMs);
      const at = tasks.get(t[1] as string);
      if (at === undefined) return bad(404, 'Task not found');
      const age = Date.now() - at;
      if (age < fake.runMs)
        return reply(200, { id: t[1], status: age < fake.runMs / 2 ? 'PENDING' : 'RUNNING', progress: 0.5 });
      return reply(200, { id: t[1], status: 'SUCCEEDED', output: [`${fake.url}/files/${t[1]}.png`] });
    }
    return bad(404, `no route ${rec.method} ${rec.path}`);
  }, 'runway-test-key');
}

/** Volcengine Ark images/generations for Seedream (www.volcengine.com/docs/82379/1541523). */
export async function startFakeSeedream(): Promise<ImageFake> {
  const MODELS = ['doubao-seedream-4-0-250828', 'doubao-seedream-4-5-251128'];
  return start(async (rec, _req, fake, reply) => {
    const bad = (status: number, code: string, message: string): void =>
      reply(status, { error: { code, message, param: '', type: 'BadRequest' } });
    if (rec.method !== 'POST' || rec.path !== '/api/v3/images/generations')
      return bad(404, 'NotFound', `no route ${rec.method} ${rec.path}`);
    if (rec.headers.authorization !== `Bearer ${fake.apiKey}`)
      return bad(401, 'AuthenticationError', 'The API key in the request is missing or invalid.');
    const b = rec.body ?? {};
    const x = extra(b, [
      'model',
      'prompt',
      'image',
      'size',
      'seed',
      'sequential_image_generation',
      'sequential_image_generation_options',
      'stream',
      'response_format',
      'watermark',
      'optimize_prompt_options',
    ]);
    if (x) return bad(400, 'InvalidParameter', `The parameter \`${x}\` specified in the request is not valid.`);
    if (!MODELS.includes(b.model as string))
      return bad(404, 'InvalidEndpointOrModel.NotFound', 'The model does not exist.');
    if (typeof b.prompt !== 'string' || !b.prompt.trim()) return bad(400, 'MissingParameter', 'prompt is required');
    const images = typeof b.image === 'string' ? [b.image] : b.image;
    if (images !== undefined) {
      if (!Array.isArray(images) || images.length < 1 || images.length > 10)
        return bad(400, 'InvalidParameter', 'image: 1 to 10 items');
      for (const img of images) {
        const m = /^data:image\/(png|jpeg|webp);base64,(.+)$/.exec(String(img));
        if (!m || !isB64Picture(m[2])) return bad(400, 'InvalidParameter', 'image must be a URL or a Base64 data URI');
      }
    }
    const size = String(b.size ?? '2K');
    const wh = /^(\d+)x(\d+)$/.exec(size);
    if (
      !['1K', '2K', '4K'].includes(size) &&
      !(wh && Number(wh[1]) * Number(wh[2]) >= 1280 * 720 && Number(wh[1]) * Number(wh[2]) <= 4096 * 4096)
    )
      return bad(400, 'InvalidParameter', 'size is not valid');
    if (b.response_format !== undefined && b.response_format !== 'url' && b.response_format !== 'b64_json')
      return bad(400, 'InvalidParameter', 'response_format must be url or b64_json');
    fake.count();
    if (fake.createDelayMs) await wait(fake.createDelayMs);
    reply(200, {
      model: b.model,
      created: Math.floor(Date.now() / 1000),
      data: [{ b64_json: Buffer.concat([fake.picture, Buffer.from(`#${fake.creates}`)]).toString('base64'), size }],
      usage: { generated_images: 1, output_tokens: 16384, total_tokens: 16384 },
    });
  }, 'ark-test-key');
}
