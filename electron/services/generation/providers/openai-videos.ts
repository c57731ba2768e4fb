/**
 * OpenAI-compatible `/v1/videos` gateways — the Sora API shape (providers.md §1). OpenAI shut
 * its own Videos API down on 2026-09-24, so this adapter has no default URL: it serves only
 * third-party gateways that still speak the shape. Plain fetch (the `openai` SDK marks these
 * methods deprecated). Create: POST {base}/videos as multipart/form-data (prompt, model,
 * seconds, size, input_reference file: the first frame made exactly `size`, reference.ts);
 * poll GET {base}/videos/{id} (queued, in_progress, completed, failed); the clip is streamed
 * by GET {base}/videos/{id}/content?variant=video.
 */
import { requireCapable } from './capable.js';
import { shotPrompt } from '../../../../shared/generation/cameraMoves.js';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '../../../../shared/errors.js';
import { allowedDuration, modelCapabilities, type ModelRule } from '../../../../shared/generation/capabilities.js';
import { priceOf } from '../../../../shared/generation/prices.js';
import { PRICES } from '../../../../shared/generation/priceList.js';
import type { Job } from '../../../../shared/model/entities.js';
import type { AdapterExtras } from '../ports.js';
import type {
  GenerationRequest,
  PollResult,
  ProviderAdapter,
  ProviderCapabilities,
  ProviderContext,
} from '../types.js';
import { runFfmpeg } from '../../ffmpeg/runner.js';
import { gatewayFetch, gatewayJson, LABEL } from './openai-videos/http.js';
import { referenceImage, type ReferenceImage, type RunFfmpeg } from './openai-videos/reference.js';

const NOTE = 'for gateways that still serve it (OpenAI shut its own down on 2026-09-24)';

/** OpenAI's SDK types for /v1/videos (first-party). */
const OPENAI_NODE_VIDEOS =
  'https://github.com/openai/openai-node/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/resources/videos.ts';

/** The rules of this adapter with their sources (README capability notes). */
const OPENAI_VIDEOS_RULES: readonly ModelRule[] = [
  {
    rule: "OpenAI's own Videos API and the Sora 2 models were shut down on 2026-09-24 with no direct replacement: no default URL, a gateway's base URL is required.",
    source: 'https://developers.openai.com/de-DE/api/docs/models/sora-2',
    firstParty: true,
  },
  {
    rule: "A failed video is called moderation when its `error.code` or message has the words moderation, safety or policy (a create refused with `moderation_blocked`). Unconfirmed first-party: the video object's `error` is `{code, message}` with no published list of moderation codes; the words are a guess that each gateway may word differently.",
    source: `${OPENAI_NODE_VIDEOS} (VideoCreateError {code, message}, openai-node)`,
    firstParty: false,
  },
  {
    rule: 'An expired video is not fetched again: the clip comes from `GET /videos/{id}/content` with the key (no signed link to renew), and after the video\'s `expires_at` ("when the downloadable assets expire") a 404 marks the job expired.',
    source: `${OPENAI_NODE_VIDEOS} (Video.expires_at, openai-node)`,
    firstParty: true,
  },
];
const DEFAULT_MODEL = 'sora-2';

export const OPENAI_VIDEOS_CAPABILITIES: ProviderCapabilities = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: false,
  // The one image slot, input_reference, is the first frame.
  referenceImagesMax: 0,
  // /videos/extensions exists in the shape but is not wired to shots yet.
  extend: false,
  audio: true,
  cameraMoves: 'prompt',
  durations: { kind: 'set', values: [4, 8, 12] },
  aspects: ['16:9', '9:16'],
  resolutions: ['720p'],
  models: [
    { id: 'sora-2', label: 'Sora 2', note: NOTE, rules: OPENAI_VIDEOS_RULES },
    {
      id: 'sora-2-pro',
      label: 'Sora 2 Pro',
      note: NOTE,
      capabilities: { resolutions: ['720p', '1080p'] },
      rules: OPENAI_VIDEOS_RULES,
    },
  ],
};

interface Video {
  id: string;
  status: 'queued' | 'in_progress' | 'completed' | 'failed' | string;
  progress?: number;
  prompt?: string | null;
  seconds?: string;
  size?: string;
  created_at?: number;
  error?: { code?: string; message?: string } | null;
}

/** `size` WxH: 1280x720 / 720x1280, or (sora-2-pro at 1080p) 1792x1024 / 1024x1792. */
export function videoSize(
  req: Pick<GenerationRequest, 'width' | 'height'>,
  resolutions: ProviderCapabilities['resolutions'],
): string {
  const big = Math.min(req.width, req.height) > 720 && resolutions !== 'any' && resolutions.includes('1080p');
  const [l, s] = big ? [1792, 1024] : [1280, 720];
  return req.width >= req.height ? `${l}x${s}` : `${s}x${l}`;
}

export function videoPrompt(req: GenerationRequest): string {
  // The camera move as a sentence (Sora's prompting guide describes camera moves in words).
  const prompt = shotPrompt(req, 'sentence');
  if (!prompt)
    throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has no prompt; the gateway needs one to generate.`, {
      shotId: req.shotId,
    });
  // The shape has no negative prompt field (providers.md §1): it goes in the prompt's words.
  return req.negativePrompt.trim() ? `${prompt}. Avoid: ${req.negativePrompt.trim()}` : prompt;
}

/** The text fields of the create, and the first frame as given (the caller sizes it: reference.ts). */
export function videoForm(
  req: GenerationRequest,
  caps: ProviderCapabilities,
  reference: ReferenceImage | null = null,
): { form: FormData; model: string; size: string; seconds: string; prompt: string } {
  const { model, size, seconds, prompt } = videoFields(req, caps);
  const form = new FormData();
  form.append('prompt', prompt);
  form.append('model', model);
  form.append('seconds', seconds);
  form.append('size', size);
  if (reference) form.append('input_reference', new Blob([reference.bytes], { type: reference.type }), reference.name);
  return { form, model, size, seconds, prompt };
}

export function videoFields(
  req: GenerationRequest,
  caps: ProviderCapabilities,
): { model: string; size: string; seconds: string; prompt: string } {
  const model = req.model ?? DEFAULT_MODEL;
  const mc = modelCapabilities(caps, model);
  if (req.lastFrame)
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber} has a last frame, but the ${LABEL} cannot end on a given frame.`,
    );
  return {
    model,
    size: videoSize(req, mc.resolutions),
    seconds: String(allowedDuration(mc.durations, req.durationSec)),
    prompt: videoPrompt(req),
  };
}

export interface OpenAIVideosOptions {
  /** The one ffmpeg runner (tests may wrap it); sizes the first frame to the video. */
  runFfmpeg?: RunFfmpeg;
}

export function createOpenAIVideosProvider(
  opts: OpenAIVideosOptions = {},
): ProviderAdapter & Required<Pick<AdapterExtras, 'ping' | 'reconcile'>> {
  const retrieve = (id: string, ctx: ProviderContext, what: string) =>
    gatewayJson<Video>(ctx, `/videos/${encodeURIComponent(id)}`, { what, signal: ctx.signal });
  return {
    id: 'openai-videos',
    label: `${LABEL} (Sora API shape; for gateways that still serve it)`,
    offline: false,
    capabilities: OPENAI_VIDEOS_CAPABILITIES,
    pollPolicy: { initialMs: 5000, maxMs: 20_000, factor: 1.5 },
    estimateCost: (req) =>
      priceOf(
        PRICES,
        'openai-videos',
        req.model ?? DEFAULT_MODEL,
        req.durationSec,
        OPENAI_VIDEOS_CAPABILITIES.durations,
      ) ?? null,

    async submit(req, ctx) {
      requireCapable('The /v1/videos gateway', OPENAI_VIDEOS_CAPABILITIES, req);
      // Checked before any file work: a request the shape cannot take is refused as it is.
      const { size } = videoFields(req, OPENAI_VIDEOS_CAPABILITIES);
      const reference = req.firstFrame
        ? await referenceImage(req.firstFrame, size, req.shotNumber, {
            tmpDir: ctx.tmpDir,
            run: opts.runFfmpeg ?? runFfmpeg,
            ...(ctx.signal ? { signal: ctx.signal } : {}),
          })
        : null;
      const { form } = videoForm(req, OPENAI_VIDEOS_CAPABILITIES, reference);
      const video = await gatewayJson<Video>(ctx, '/videos', {
        method: 'POST',
        body: form,
        what: `start shot ${req.shotNumber}`,
        create: true,
      });
      if (!video.id) throw new Error('The gateway answered the create without a video id.');
      return { taskId: video.id };
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const v = await retrieve(taskId, ctx, 'check the video');
      const progress = typeof v.progress === 'number' ? Math.min(1, Math.max(0, v.progress / 100)) : undefined;
      if (v.status === 'completed') return { state: 'succeeded', progress: 1 };
      if (v.status === 'failed') {
        // A failed video's `error` is {code, message} (VideoCreateError in
        // https://github.com/openai/openai-node/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/resources/videos.ts
        // — first-party SDK); no list of codes is published, so moderation is read from the code and reason.
        const why = v.error?.message ?? 'no reason given';
        const moderated = /moderation|safety|policy/i.test(`${v.error?.code ?? ''} ${why}`);
        return moderated
          ? { state: 'failed', error: `The gateway's moderation blocked the video: ${why}`, failureKind: 'moderation' }
          : { state: 'failed', error: `The video failed: ${why}${v.error?.code ? ` (${v.error.code})` : ''}` };
      }
      return progress === undefined ? { state: 'running' } : { state: 'running', progress };
    },

    async fetchResult(taskId, destPath, ctx) {
      const part = `${destPath}.part-openai-videos`;
      try {
        const res = await gatewayFetch(ctx, `/videos/${encodeURIComponent(taskId)}/content?variant=video`, {
          what: 'download the video',
          signal: ctx.signal,
        });
        if (!res.body) throw new AppError('PROVIDER_FAILED', 'The gateway sent an empty video.', { taskId });
        await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(part));
        await rename(part, destPath);
      } catch (err) {
        await rm(part, { force: true });
        if (ctx.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
        // Nothing to fetch again: the content route is keyed by the video id, not a signed link,
        // and a 404 after `expires_at` means the assets are gone (OPENAI_VIDEOS_RULES).
        if (err instanceof AppError && err.details?.notFound) {
          throw new AppError(
            'PROVIDER_FAILED',
            'The video expired or was deleted on the gateway; generate the shot again.',
            { expired: true, failureKind: 'expired', taskId },
          );
        }
        throw err;
      }
    },

    async reconcile(job: Job, ctx) {
      // No client id in the shape; the list has each video's prompt, size, seconds and time,
      // so a lost create is found when exactly one recent video matches what we sent.
      const req = job.request as unknown as GenerationRequest;
      if (typeof req.prompt !== 'string') return null;
      const sent = videoFields({ ...req, lastFrame: null }, OPENAI_VIDEOS_CAPABILITIES);
      const since = Date.parse(job.createdAt) / 1000 - 120;
      const list = await gatewayJson<{ data?: Video[] }>(ctx, '/videos?limit=100&order=desc', {
        what: 'list recent videos',
      });
      const hits = (list.data ?? []).filter(
        (v) =>
          v.prompt === sent.prompt &&
          v.size === sent.size &&
          v.seconds === sent.seconds &&
          (v.created_at ?? 0) >= since,
      );
      return hits.length === 1 && hits[0] ? { taskId: hits[0].id } : null;
    },

    async ping(ctx) {
      // The video list is free and proves the gateway serves /videos with this key.
      await gatewayJson<unknown>(ctx, '/videos?limit=1', { what: 'test the connection', signal: ctx.signal });
    },
  };
}
