/**
 * Runway text-to-image with references (`gen4_image`): `POST {base}/v1/text_to_image` with
 * `Authorization: Bearer`, `X-Runway-Version: 2024-11-06`, body `{ model, promptText, ratio,
 * referenceImages: [{ uri, tag }], seed? }`, answered `{ id }`; then `GET /v1/tasks/{id}` until
 * `status` is SUCCEEDED (`output: [url]`) or FAILED (`failure`, `failureCode`)
 * (https://docs.dev.runwayml.com/api/#tag/Start-generating/paths/~1v1~1text_to_image/post).
 * Up to 3 reference images, each named by a `tag` the prompt mentions as `@tag` (3-16
 * characters, letters, digits and _, starting with a letter); `ratio` is a pixel size such as
 * "1920:1080" or "1280:720". A reference may be a data URI (docs.dev.runwayml.com/assets/inputs).
 * Price: 5 credits at 720p, 8 at 1080p, $0.01 a credit (docs.dev.runwayml.com/guides/pricing).
 */
import { AppError } from '../../../../shared/errors.js';
import { referenceTags } from '../../../../shared/generation/promptParts.js';
import { joinUrl } from '../providers/http.js';
import { frameDataUri } from '../providers/runway/media.js';
import { downloadTo, requestJson, requireKey } from './imageHttp.js';
import { imageModel, type ImageAdapter } from './types.js';

const LABEL = 'Runway (image)';
const DEFAULT_URL = 'https://api.dev.runwayml.com';
const VERSION = '2024-11-06';
const MAX_DATA_URI = 5 * 1024 * 1024;

/** The gen4_image ratios (pixel sizes) per aspect: 1080p where there is one. */
const RATIOS: Record<string, string> = {
  '16:9': '1920:1080',
  '9:16': '1080:1920',
  '1:1': '1080:1080',
  '4:5': '1080:1440',
  '21:9': '2112:912',
};

interface RunwayTask {
  status?: string;
  progress?: number;
  output?: string[];
  failure?: string;
  failureCode?: string;
}

function ratioFor(width: number, height: number): string {
  const r = width / height;
  const best = Object.entries({ '16:9': 16 / 9, '9:16': 9 / 16, '1:1': 1, '4:5': 4 / 5, '21:9': 21 / 9 }).sort(
    (a, b) => Math.abs(a[1] - r) - Math.abs(b[1] - r),
  )[0]?.[0];
  return RATIOS[best ?? '16:9'] as string;
}

export function createRunwayImageAdapter(): ImageAdapter {
  const headers = (key: string) => ({ authorization: `Bearer ${key}`, 'x-runway-version': VERSION });
  const base = (baseUrl?: string) => baseUrl?.trim() || DEFAULT_URL;
  const task = async (taskId: string, ctx: Parameters<ImageAdapter['poll']>[1]): Promise<RunwayTask> =>
    (await requestJson(LABEL, joinUrl(base(ctx.settings.baseUrl), `/v1/tasks/${encodeURIComponent(taskId)}`), {
      method: 'GET',
      headers: headers(requireKey(LABEL, 'runway', ctx.settings.apiKey)),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })) as RunwayTask;
  return {
    id: 'runway-image',
    label: LABEL,
    offline: false,
    settingsId: 'runway',
    pollPolicy: { initialMs: 5000, maxMs: 15_000, factor: 1.5 },
    promptStyle: 'tagged',
    models: [{ id: 'gen4_image', label: 'Gen-4 Image', referenceImagesMax: 3, pricePerImage: 0.08 }],
    async submit(req, ctx) {
      const key = requireKey(LABEL, 'runway', ctx.settings.apiKey);
      const model = imageModel(this, req.model);
      const refs = req.references.slice(0, model.referenceImagesMax);
      // The same tags the prompt mentions as @tag (promptParts.ts keyframePrompt 'tagged').
      const tags = referenceTags(refs);
      const referenceImages: { uri: string; tag: string }[] = [];
      for (const [i, ref] of refs.entries()) {
        const uri = await frameDataUri(ref, `reference picture ${i + 1} of shot ${req.shotNumber}`, MAX_DATA_URI);
        referenceImages.push({ uri, tag: tags[i] as string });
      }
      const body = {
        model: model.id,
        promptText: req.prompt.slice(0, 1000),
        ratio: ratioFor(req.width, req.height),
        ...(referenceImages.length ? { referenceImages } : {}),
        ...(req.seed !== null ? { seed: req.seed } : {}),
      };
      const answer = (await requestJson(LABEL, joinUrl(base(ctx.settings.baseUrl), '/v1/text_to_image'), {
        method: 'POST',
        headers: headers(key),
        body,
      })) as { id?: string };
      if (!answer.id) throw new Error(`${LABEL} answered without a task id.`);
      return { taskId: answer.id };
    },
    async poll(taskId, ctx) {
      const t = await task(taskId, ctx).catch((err: unknown) => {
        if (err instanceof AppError && (err.details as { status?: number } | undefined)?.status === 404)
          return { status: 'LOST' } as RunwayTask;
        throw err;
      });
      if (t.status === 'LOST') return { state: 'failed', taskLost: true, error: `${LABEL} has no task ${taskId}.` };
      if (t.status === 'SUCCEEDED') return { state: 'succeeded', progress: 1 };
      if (t.status === 'FAILED' || t.status === 'CANCELLED')
        return {
          state: 'failed',
          error: `${LABEL} could not make the picture: ${t.failure ?? t.failureCode ?? t.status}.`,
        };
      return { state: 'running', progress: t.progress ?? 0 };
    },
    async fetchResult(taskId, dest, ctx) {
      const url = (await task(taskId, ctx)).output?.[0];
      if (!url)
        throw new AppError('PROVIDER_FAILED', `${LABEL} has no picture for task ${taskId}.`, {
          expired: true,
          failureKind: 'expired',
        });
      await downloadTo(LABEL, url, dest, ctx.signal);
    },
  };
}
