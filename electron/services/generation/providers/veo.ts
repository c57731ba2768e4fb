/**
 * Google Veo 3.1 through the Gemini API with the official `@google/genai` SDK (providers.md §2).
 * Create: models.generateVideos → POST /v1beta/models/{model}:predictLongRunning, which returns
 * a long-running operation whose name is our task id. Poll: operations.getVideosOperation →
 * GET /v1beta/{name}; there is no status enum, only `done` + `error` | `response`. The clip is
 * a Files API uri that needs the key: files.download → GET /v1beta/files/{id}:download?alt=media.
 * Audio is always generated (no flag on the Gemini API); seed is refused there, so not sent.
 * No reconcile: operations are read by name only (the SDK's Operations class has get and
 * getVideosOperation, no list; @google/genai 2.32 genai.d.ts) and a create takes no client id, so
 * a create whose answer was lost stays `unknown` and the user decides.
 */
import { rename, rm } from 'node:fs/promises';
import { GenerateVideosOperation, GoogleGenAI } from '@google/genai';
import { AppError } from '../../../../shared/errors.js';
import type { FlaggedInput } from '../../../../shared/generation/failure.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { priceOf } from '../../../../shared/generation/prices.js';
import { PRICES } from '../../../../shared/generation/priceList.js';
import type { AdapterExtras } from '../ports.js';
import type { PollResult, ProviderAdapter, ProviderCapabilities, ProviderContext } from '../types.js';
import { veoError } from './veo/errors.js';
import { veoParams, veoSeconds, type VeoRequest } from './veo/params.js';
import { VEO_LITE_RULES, VEO_RULES } from './veo/rules.js';

export const VEO_DEFAULT_URL = 'https://generativelanguage.googleapis.com';
const DEFAULT_MODEL = 'veo-3.1-generate-preview';

export const VEO_CAPABILITIES: ProviderCapabilities = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  referenceImagesMax: 3,
  extend: true,
  // "The output of the extension is a single video combining the user input video and the
  // generated extended video" (https://ai.google.dev/gemini-api/docs/video, "Extending Veo videos").
  extendIncludesSource: true,
  audio: true,
  // The move as a sentence in the prompt (Gemini API prompt guide, "Camera motion").
  cameraMoves: 'prompt',
  // 4, 6 or 8 s, and 8 s at 1080p / 4k (veo/params.ts veoSeconds); the take is trimmed to the shot.
  durations: { kind: 'set', values: [4, 6, 8] },
  aspects: ['16:9', '9:16'],
  resolutions: ['720p', '1080p', '4k'],
  models: [
    { id: 'veo-3.1-generate-preview', label: 'Veo 3.1', rules: VEO_RULES },
    { id: 'veo-3.1-fast-generate-preview', label: 'Veo 3.1 Fast' },
    // Lite: no references, no extension, 720p / 1080p only — secondary sources only (gmicloud,
    // vidmachine; veo/rules.ts VEO_LITE_RULES), so what is unconfirmed is not offered.
    {
      id: 'veo-3.1-lite-generate-preview',
      label: 'Veo 3.1 Lite',
      capabilities: { referenceImagesMax: 0, extend: false, resolutions: ['720p', '1080p'] },
      rules: VEO_LITE_RULES,
    },
    // No Veo 3.0: veo-3.0-generate-001 and veo-3.0-fast-generate-001 were shut down on
    // 2026-06-30 (Gemini API deprecations, https://ai.google.dev/gemini-api/docs/deprecations).
  ],
};

function client(ctx: ProviderContext): GoogleGenAI {
  const apiKey = ctx.settings.apiKey?.trim();
  if (!apiKey)
    throw new AppError(
      'INVALID_INPUT',
      'Google Veo needs a Gemini API key: add it in settings (or STORYBOARD_VEO_API_KEY).',
      { auth: true },
    );
  // No httpOptions.retryOptions: the SDK then makes one attempt (design.md §5: never retry a create).
  return new GoogleGenAI({
    apiKey,
    httpOptions: { baseUrl: ctx.settings.baseUrl?.trim() || VEO_DEFAULT_URL, apiVersion: 'v1beta' },
  });
}

async function operation(
  ai: GoogleGenAI,
  taskId: string,
  ctx: ProviderContext,
  what: string,
): Promise<GenerateVideosOperation> {
  const op = new GenerateVideosOperation();
  op.name = taskId;
  try {
    return await ai.operations.getVideosOperation({ operation: op, config: { abortSignal: ctx.signal } });
  } catch (err) {
    throw veoError(err, what);
  }
}

/**
 * The input a Veo safety reason names. Google's Veo safety page quotes the reasons as sentences:
 * "Veo could not generate videos because the input image violates … Support codes: 15236754", "The prompt
 * couldn't be submitted …" (input), and fewer videos than requested when the output is blocked
 * (https://cloud.google.com/vertex-ai/generative-ai/docs/video/responsible-ai-and-usage-guidelines — first-party,
 * Vertex; the Gemini API returns the same raiMediaFilteredReasons). A reason naming neither stays unflagged.
 */
export function veoFlaggedInput(reasons: string): FlaggedInput | null {
  if (/input image|reference image|first frame|last frame/i.test(reasons)) return 'image';
  if (/input video/i.test(reasons)) return 'video';
  if (/\bprompt\b/i.test(reasons)) return 'prompt';
  return null;
}

/** Why a finished operation has no video (safety filter reasons included: failureKind 'moderation'). */
function failure(op: GenerateVideosOperation): Omit<PollResult, 'state'> | null {
  if (op.error) return { error: `Veo failed: ${String(op.error.message ?? JSON.stringify(op.error))}` };
  const r = op.response;
  if (!r?.generatedVideos?.length || !r.generatedVideos[0]?.video?.uri) {
    const reasons = r?.raiMediaFilteredReasons?.join(' ');
    if (!reasons) return { error: 'Veo finished without a video.' };
    const flagged = veoFlaggedInput(reasons);
    return {
      error: `Google's safety filter blocked the video: ${reasons}`,
      failureKind: 'moderation',
      ...(flagged ? { flagged } : {}),
    };
  }
  return null;
}

export function createVeoProvider(): ProviderAdapter & Required<Pick<AdapterExtras, 'ping'>> {
  return {
    id: 'veo',
    label: 'Google Veo (Gemini API)',
    offline: false,
    capabilities: VEO_CAPABILITIES,
    // Veo takes minutes; ComfyUI's constant for Veo is ~32 s (providers.md §2).
    pollPolicy: { initialMs: 5000, maxMs: 20_000, factor: 1.5 },
    estimateCost: (req) => {
      // Priced at the seconds actually asked for (8 s for an extension or references).
      const mc = modelCapabilities(VEO_CAPABILITIES, req.model ?? DEFAULT_MODEL);
      const sec = veoSeconds({ ...req, references: mc.referenceImagesMax ? req.references : undefined }, mc);
      return priceOf(PRICES, 'veo', req.model ?? DEFAULT_MODEL, sec, VEO_CAPABILITIES.durations) ?? null;
    },

    async submit(req, ctx) {
      const ai = client(ctx);
      // "Extend this take": the source take's Files API uri goes back as `video: {uri}`.
      const params = await veoParams(
        { ...req, extendVideoUri: req.extend?.ref ?? (req as VeoRequest).extendVideoUri ?? null } as VeoRequest,
        VEO_CAPABILITIES,
        DEFAULT_MODEL,
      );
      params.config = { ...params.config, abortSignal: ctx.signal };
      let op: GenerateVideosOperation;
      try {
        op = await ai.models.generateVideos(params);
      } catch (err) {
        throw veoError(err, `start shot ${req.shotNumber}`);
      }
      if (!op.name) throw new Error('Google answered the create without an operation name.');
      return { taskId: op.name };
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const op = await operation(client(ctx), taskId, ctx, 'check the video');
      if (!op.done) return { state: 'running' };
      const why = failure(op);
      return why ? { state: 'failed', ...why } : { state: 'succeeded', progress: 1 };
    },

    async fetchResult(taskId, destPath, ctx) {
      const ai = client(ctx);
      const op = await operation(ai, taskId, ctx, 'read the finished video');
      const why = failure(op);
      const video = op.response?.generatedVideos?.[0];
      if (why || !video)
        throw new AppError('PROVIDER_FAILED', why?.error ?? 'Veo finished without a video.', {
          taskId,
          ...(why?.failureKind ? { failureKind: why.failureKind } : {}),
          ...(why?.flagged ? { flagged: why.flagged } : {}),
        });
      const part = `${destPath}.part-veo`;
      try {
        // The uri needs the key: the SDK turns https://…/files/{id}:download into a keyed GET on our base URL.
        await ai.files.download({ file: video, downloadPath: part, config: { abortSignal: ctx.signal } });
        await rename(part, destPath);
        // The uri is this clip's handle for a later extension (`video: {uri}` on the next create).
        return video.video?.uri ? { outputRef: video.video.uri } : undefined;
      } catch (err) {
        await rm(part, { force: true });
        if (ctx.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
        // Nothing to fetch again: the uri is a keyed Files API handle every read of the operation
        // answers unchanged, and the file is gone after Gemini's 2-day retention (veo/rules.ts).
        const mapped = veoError(err, 'download the video');
        // "Generated videos are stored on the server for 2 days" (Gemini API video guide,
        // Limitations: https://ai.google.dev/gemini-api/docs/video — first-party; veo/rules.ts).
        if (mapped instanceof AppError && mapped.details?.notFound) {
          throw new AppError(
            'PROVIDER_FAILED',
            "The Veo video expired on Google's servers (files are kept for 2 days); generate the shot again.",
            { expired: true, failureKind: 'expired', taskId },
          );
        }
        throw mapped;
      }
    },

    async ping(ctx) {
      // A free call that needs a valid key: GET /v1beta/models.
      try {
        await client(ctx).models.list({ config: { pageSize: 1 } });
      } catch (err) {
        const mapped = veoError(err, 'test the connection');
        throw mapped instanceof AppError
          ? mapped
          : new AppError(
              'PROVIDER_FAILED',
              `Could not reach Google at ${ctx.settings.baseUrl?.trim() || VEO_DEFAULT_URL}: ${(err as Error).message}`,
            );
      }
    },
  };
}
