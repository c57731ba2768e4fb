/**
 * Luma Agents API (providers.md §4b), Luma's current developer surface, with plain fetch (the
 * `luma-agents` SDK is not a dependency): POST /generations -> {id, state}; GET
 * /generations/{id} (queued, processing, completed, failed + failure_code/failure_reason);
 * `output[]{type, url}` presigned for 1 h, downloaded at once. Unlike the Dream Machine API it
 * takes first/last frames inline as base64, so it can start and end on the shot's own frames.
 * No cancel endpoint was found; no client id, so a lost create stays `unknown` (no reconcile).
 */
import { requireCapable } from './capable.js';
import { AppError } from '../../../../shared/errors.js';
import type { AdapterExtras } from '../ports.js';
import type { PollPolicy, PollResult, ProviderAdapter, ProviderCapabilities, ProviderContext } from '../types.js';
import { AGENTS_DURATIONS, AGENTS_MODEL, agentsFailure, agentsFetch, buildAgentsCreate } from './luma/agents.js';
import { downloadFreshLink } from './download.js';
import { frameBase64 } from './runway/media.js';

export const DEFAULT_LUMA_AGENTS_URL = 'https://agents.lumalabs.ai/v1';
/** Our own cap for an inline frame (Luma's inline limit was not found first-party). */
const INLINE_MAX = 20 * 1024 * 1024;

export interface LumaAgentsOptions {
  pollPolicy?: PollPolicy;
  maxConcurrent?: number;
}

export type LumaAgentsProvider = ProviderAdapter & Required<Pick<AdapterExtras, 'ping' | 'maxConcurrent'>>;

interface AgentsGeneration {
  id?: string;
  state?: string;
  failure_code?: string | null;
  failure_reason?: string | null;
  output?: { type?: string; url?: string }[];
}

const base = (ctx: ProviderContext): string =>
  ctx.settings.baseUrl?.trim().replace(/\/+$/, '') || DEFAULT_LUMA_AGENTS_URL;

function key(ctx: ProviderContext): string {
  const apiKey = ctx.settings.apiKey?.trim();
  if (!apiKey)
    throw new AppError(
      'PROVIDER_FAILED',
      'Luma Agents needs an API key: add it in settings (or STORYBOARD_LUMA_AGENTS_API_KEY).',
      { failureKind: 'auth', missingKey: true },
    );
  return apiKey;
}

export function pollFromAgents(g: AgentsGeneration): PollResult {
  if (g.state === 'completed') return { state: 'succeeded', progress: 1 };
  if (g.state === 'failed') {
    const error = agentsFailure(g.failure_code, g.failure_reason);
    // failure_code `content_moderated` is Luma's moderation stop (GenerationFailureCode in
    // https://github.com/lumalabs/luma-agents-typescript/blob/1ec841b08e437411cfa61c8ae9b977dd7465c189/src/resources/generations.ts
    // — first-party SDK); it names no input, so nothing is flagged.
    return g.failure_code === 'content_moderated'
      ? { state: 'failed', error, failureKind: 'moderation' }
      : { state: 'failed', error };
  }
  return { state: 'running', progress: g.state === 'processing' ? 0.5 : 0 };
}

const LUMA_AGENTS_SDK =
  'https://github.com/lumalabs/luma-agents-typescript/tree/1ec841b08e437411cfa61c8ae9b977dd7465c189';

const AGENTS_CAPABILITIES: ProviderCapabilities = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  // Video reference images: not found (providers.md §4b).
  referenceImagesMax: 0,
  // start_frame {generation_id} extends a Luma video, but a request has no "extend" input yet.
  extend: false,
  audio: false,
  // The move as a camera sentence in the prompt (luma/body.ts lumaPrompt).
  cameraMoves: 'prompt',
  durations: AGENTS_DURATIONS,
  aspects: 'any',
  resolutions: 'any',
  models: [
    {
      id: AGENTS_MODEL,
      label: 'Ray 3.2',
      rules: [
        {
          rule: 'The `output[].url` of a finished generation is presigned and expires after 1 hour, and `GET /generations/{id}` answers freshly presigned ones: an expired link is read again from the generation and the new link tried once before the job is marked expired.',
          source: `${LUMA_AGENTS_SDK}/src/resources/generations.ts (luma-agents, Luma's TypeScript SDK); https://docs.agents.lumalabs.ai/api/cli/resources/generations/ ("Presigned URL (1hr expiry)")`,
          firstParty: true,
        },
      ],
    },
  ],
};

export function createLumaAgentsProvider(opts: LumaAgentsOptions = {}): LumaAgentsProvider {
  const get = async (id: string, ctx: ProviderContext, what: string): Promise<AgentsGeneration | null> => {
    const res = await agentsFetch(base(ctx), `/generations/${encodeURIComponent(id)}`, {
      what,
      apiKey: key(ctx),
      signal: ctx.signal,
    });
    return res.status === 404 ? null : ((await res.json()) as AgentsGeneration);
  };

  return {
    id: 'luma-agents',
    label: 'Luma Agents (Ray 3.2)',
    offline: false,
    capabilities: AGENTS_CAPABILITIES,
    pollPolicy: opts.pollPolicy ?? { initialMs: 5000, maxMs: 30_000, factor: 1.5 },
    maxConcurrent: opts.maxConcurrent ?? 2,
    // No first-party price found: "unpriced" (plan.ts requestCost), never a made-up number.
    estimateCost: () => null,

    async submit(req, ctx) {
      requireCapable('Luma', AGENTS_CAPABILITIES, req);
      const apiKey = key(ctx);
      const n = req.shotNumber;
      const body = buildAgentsCreate(req, {
        first: req.firstFrame ? await frameBase64(req.firstFrame, `first frame of shot ${n}`, INLINE_MAX) : null,
        last: req.lastFrame ? await frameBase64(req.lastFrame, `last frame of shot ${n}`, INLINE_MAX) : null,
      });
      // One attempt, no abort signal: a lost answer must not become a second paid create.
      const res = await agentsFetch(base(ctx), '/generations', {
        method: 'POST',
        body: JSON.stringify(body),
        what: `create the generation for shot ${n}`,
        apiKey,
      });
      if (res.status === 404)
        throw new AppError('PROVIDER_FAILED', `${base(ctx)} has no /generations route; is this the Luma Agents API?`, {
          baseUrl: base(ctx),
        });
      const g = (await res.json()) as AgentsGeneration;
      if (!g.id) throw new Error(`Luma Agents answered the create for shot ${n} without a generation id.`);
      return { taskId: g.id };
    },

    async poll(taskId, ctx) {
      const g = await get(taskId, ctx, `check generation ${taskId}`);
      if (!g)
        return {
          state: 'failed',
          taskLost: true,
          error: `Luma Agents no longer knows generation ${taskId}. It was not created again automatically.`,
        };
      return pollFromAgents(g);
    },

    async fetchResult(taskId, destPath, ctx) {
      // `output[].url` is a "Presigned URL (1hr expiry)" and GET /generations/{id} answers fresh
      // ones on completion (https://docs.agents.lumalabs.ai/api/cli/resources/generations/ —
      // first-party): an expired link is read again from the generation before the job is
      // called expired (the model's rule above).
      await downloadFreshLink(
        async () => {
          const g = await get(taskId, ctx, `read generation ${taskId}`);
          const out =
            g?.state === 'completed'
              ? ((g.output ?? []).find((o) => o.type === 'video' && o.url) ?? (g.output ?? []).find((o) => o.url))
              : undefined;
          return out?.url ?? null;
        },
        destPath,
        { label: 'Luma Agents', taskId, ...(ctx.signal ? { signal: ctx.signal } : {}) },
        () =>
          new AppError(
            'PROVIDER_FAILED',
            `Luma Agents no longer has the video of generation ${taskId}; generate the shot again.`,
            { expired: true, failureKind: 'expired', taskId },
          ),
      );
    },

    async ping(ctx) {
      // GET /files?limit=1 (Files API list): free, and it needs the key.
      await agentsFetch(base(ctx), '/files?limit=1', {
        what: 'test the connection',
        apiKey: key(ctx),
        signal: ctx.signal,
      });
    },
  };
}
