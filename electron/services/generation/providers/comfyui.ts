/**
 * ComfyUI on the user's own GPU (providers.md §11). A shot becomes a filled workflow template
 * (resources/comfyui/, or the user's own) POSTed to /prompt; the first frame is uploaded with
 * /upload/image first. Polling reads /history/{id} and /queue; the clip is downloaded from /view.
 *
 * Free, but not `offline` in the runner's sense: a render takes minutes of GPU time and a lost
 * create must not silently run twice. So the prompt id is ours (the job id, when the runner
 * passes ctx.jobId): a create whose answer was lost is found again in /queue or /history
 * (reconcile) instead of being sent again.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/errors.js';
import type { ComfyTemplate } from '../../../../shared/generation/comfyWorkflow.js';
import { fillComfyWorkflow, isComfyImageKind } from '../../../../shared/generation/comfyWorkflow.js';
import type { Job } from '../../../../shared/model/entities.js';
import type { PollPolicy, PollResult, ProviderAdapter, ProviderContext } from '../types.js';
import { requireCapable } from './capable.js';
import { findVideoOutput, pollFromHistory, queuePosition } from './comfyui/history.js';
import { comfyFetch, comfyJson, DEFAULT_COMFYUI_URL, readComfyHistory, readComfyQueue } from './comfyui/http.js';
import { ComfyProgress } from './comfyui/progress.js';
import { loadShippedAndUserTemplates, templateModels } from './comfyui/templates.js';
import { uploadFirstFrame } from './comfyui/upload.js';
import { comfyValues, pickTemplate } from './comfyui/workflow.js';
import { saveBody } from './download.js';

export interface ComfyUIOptions {
  /** Templates to use; default: resources/comfyui plus `userWorkflowsDir`. */
  templates?: ComfyTemplate[];
  /**
   * A folder of the user's own `*.mapping.json` + workflow files (default:
   * STORYBOARD_COMFYUI_WORKFLOWS_DIR). A user template with a shipped template's id replaces it.
   */
  userWorkflowsDir?: string | null;
  /** Seeds for shots without one; tests pass a fixed source. */
  random?: () => number;
  /** Follow progress on the WebSocket (default true); HTTP polling works without it. */
  liveProgress?: boolean;
  /** Default: every 1-5 s (a local server); tests against the fake poll faster. */
  pollPolicy?: PollPolicy;
}

export type ComfyLookup = 'exists' | 'absent' | 'unknown';

export interface ComfyUIProvider extends ProviderAdapter {
  /** Where a prompt id is known to the server: queued, running or in history. */
  lookup(promptId: string, ctx: ProviderContext): Promise<ComfyLookup>;
  /** For a job whose create answer was lost: its prompt, when the server has it. */
  reconcile(job: Job, ctx: ProviderContext): Promise<{ taskId: string } | { absent: true } | null>;
  /** Free check of the address (settings "test connection"): GET /system_stats. */
  ping(ctx: ProviderContext): Promise<void>;
  readonly templates: readonly ComfyTemplate[];
  /** Template files that could not be loaded, as sentences (shown in settings). */
  readonly templateProblems: readonly string[];
}

const base = (ctx: ProviderContext): string => ctx.settings.baseUrl?.trim() || DEFAULT_COMFYUI_URL;

export function createComfyUIProvider(opts: ComfyUIOptions = {}): ComfyUIProvider {
  const problems: string[] = [];
  let templates = opts.templates ?? [];
  if (!opts.templates) {
    const loaded = loadShippedAndUserTemplates(opts.userWorkflowsDir);
    problems.push(...loaded.problems);
    templates = loaded.templates;
  }
  // Image workflows (keyframes) belong to the ComfyUI image adapter (images/comfyImage.ts).
  templates = templates.filter((t) => !isComfyImageKind(t.mapping.kind));
  const random = opts.random ?? Math.random;
  const progress = opts.liveProgress === false ? null : new ComfyProgress(`storyboard-${randomUUID()}`);
  // A model takes camera moves when every one of its templates maps the `camera` input.
  const cameraOf = (model: string) =>
    templates.filter((t) => t.mapping.model === model).every((t) => t.mapping.inputs.camera)
      ? ('field' as const)
      : ('ignored' as const);
  const models = templateModels(templates, (t) => ({
    id: t.mapping.model,
    label: t.mapping.modelLabel ?? t.mapping.label,
    capabilities: { cameraMoves: cameraOf(t.mapping.model) },
  }));
  const minSec = Math.min(...templates.map((t) => t.mapping.constraints.minSec), 10);
  const maxSec = Math.max(...templates.map((t) => t.mapping.constraints.maxSec), 1);

  const history = (b: string, id: string, ctx: ProviderContext) => readComfyHistory(b, id, ctx.signal);
  const queue = (b: string, ctx: ProviderContext) => readComfyQueue(b, ctx.signal);

  const provider: ComfyUIProvider = {
    id: 'comfyui',
    label: 'ComfyUI (local GPU)',
    offline: false,
    templates,
    templateProblems: problems,
    capabilities: {
      textToVideo: templates.some((t) => t.mapping.kind === 'text-to-video'),
      imageToVideo: templates.some((t) => t.mapping.kind === 'image-to-video'),
      lastFrame: false,
      referenceImagesMax: 0,
      extend: false,
      audio: false,
      durations: { kind: 'range', min: minSec, max: maxSec },
      // Any size: requests are rounded to the model's grid and the take is conformed on export.
      aspects: 'any',
      resolutions: 'any',
      models,
    },
    // A local server: poll every 1-5 s (the runner floors it for non-offline providers).
    pollPolicy: opts.pollPolicy ?? { initialMs: 1000, maxMs: 5000, factor: 1.5 },
    estimateCost: () => 0,

    async submit(req, ctx) {
      // A last frame or an extension would be dropped by every template: refused, not sent as
      // something else (references are dropped like MiniMax's non-subject models do).
      requireCapable('ComfyUI', provider.capabilities, req);
      const b = base(ctx);
      const template = pickTemplate(templates, req, problems);
      const image = req.firstFrame ? await uploadFirstFrame(b, req) : null;
      const graph = fillComfyWorkflow(template, comfyValues(template, req, image, random));
      const promptId = ctx.jobId ?? randomUUID();
      const body = JSON.stringify({
        prompt: graph,
        prompt_id: promptId,
        client_id: progress?.clientId,
        extra_data: { storyboard: { shotId: req.shotId, template: template.mapping.id } },
      });
      // One attempt only: a lost answer is reconciled by prompt id, never re-sent (design.md §5).
      const res = await comfyJson<{ prompt_id?: string }>(b, '/prompt', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        what: `queue shot ${req.shotNumber}`,
      });
      if (!res)
        throw new AppError('PROVIDER_FAILED', `${b} has no /prompt route; is this a ComfyUI server?`, { baseUrl: b });
      const taskId = res.prompt_id || promptId;
      progress?.watch(b, taskId);
      return { taskId };
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const b = base(ctx);
      const done = await history(b, taskId, ctx);
      if (done && (done.status?.status_str || done.status?.completed)) {
        const result = pollFromHistory(done);
        progress?.forget(taskId);
        return result;
      }
      const where = queuePosition(await queue(b, ctx), taskId);
      if (where) {
        progress?.watch(b, taskId);
        return { state: 'running', progress: where === 'running' ? (progress?.fraction(taskId) ?? 0) : 0 };
      }
      // It may have finished between the two reads.
      const again = await history(b, taskId, ctx);
      if (again) return pollFromHistory(again);
      progress?.forget(taskId);
      return {
        state: 'failed',
        taskLost: true,
        error: `ComfyUI at ${b} has no record of this render (prompt ${taskId}); it was probably restarted. It was not queued again automatically.`,
      };
    },

    async fetchResult(taskId, destPath, ctx) {
      const b = base(ctx);
      const entry = await history(b, taskId, ctx);
      const ref = entry ? findVideoOutput(entry) : null;
      if (!ref) {
        throw new AppError(
          'PROVIDER_FAILED',
          `ComfyUI at ${b} no longer lists a video for prompt ${taskId} (history cleared or output missing on the server).`,
          { expired: true, failureKind: 'expired', taskId },
        );
      }
      const query = new URLSearchParams({ filename: ref.filename, subfolder: ref.subfolder, type: ref.type });
      const res = await comfyFetch(b, `/view?${query.toString()}`, {
        what: `download ${ref.filename}`,
        signal: ctx.signal,
      });
      if (res.status === 404 || !res.body) {
        throw new AppError(
          'PROVIDER_FAILED',
          `The output "${[ref.subfolder, ref.filename].filter(Boolean).join('/')}" expired or is missing on the ComfyUI server at ${b} (deleted from its output folder?); generate the shot again.`,
          { expired: true, failureKind: 'expired', taskId, filename: ref.filename },
        );
      }
      await saveBody(res.body, destPath, ctx.signal);
    },

    async cancel(taskId, ctx) {
      const b = base(ctx);
      progress?.forget(taskId);
      // Pending: delete it from the queue. Running: interrupt only this prompt.
      await comfyFetch(b, '/queue', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ delete: [taskId] }),
        what: 'remove the prompt from the queue',
      });
      await comfyFetch(b, '/interrupt', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt_id: taskId }),
        what: 'interrupt the render',
      });
    },

    async lookup(promptId, ctx) {
      const b = base(ctx);
      try {
        if (queuePosition(await queue(b, ctx), promptId)) return 'exists';
        return (await history(b, promptId, ctx)) ? 'exists' : 'absent';
      } catch {
        return 'unknown';
      }
    },

    async reconcile(job, ctx) {
      // Our prompt ids are job ids; ComfyUI queues a prompt before it answers, so a lost
      // answer leaves it in the queue or, once done, in history.
      // Not in queue or history: the create never reached ComfyUI, so sending it now cannot
      // run it twice (and a local render costs nothing if a restarted server lost it).
      // Unreachable server: null, so the job stays `unknown` (the safe state) until asked again.
      const found = await provider.lookup(job.id, ctx);
      if (found === 'exists') return { taskId: job.id };
      return found === 'absent' ? { absent: true } : null;
    },

    async ping(ctx) {
      const b = base(ctx);
      const stats = await comfyJson<{ system?: { comfyui_version?: string } }>(b, '/system_stats', {
        what: 'test the connection',
        signal: ctx.signal,
      });
      if (!stats?.system)
        throw new AppError('PROVIDER_FAILED', `${b} answered, but not like a ComfyUI server (no /system_stats).`, {
          baseUrl: b,
        });
    },
  };
  return provider;
}
