/**
 * Keyframe pictures from a ComfyUI image workflow on the user's own GPU (resources/comfyui/
 * README.md): a `text-to-image` template for a shot without reference pictures, an
 * `image-to-image` one fed the first reference picture (uploaded with POST /upload/image, as
 * `LoadImage` expects it). The filled API-format graph is POSTed to /prompt with OUR prompt id
 * (the job id), polled through /history/{id} and /queue, and the `SaveImage` output downloaded
 * from /view (ComfyUI server.py routes; the video provider, providers/comfyui.ts, does the same
 * for clips). Free, but a render takes GPU minutes: not `offline`, so a create whose answer was
 * lost is never sent again by the runner.
 */
import { AppError } from '../../../../shared/errors.js';
import {
  comfySeed,
  comfySize,
  fillComfyWorkflow,
  isComfyImageKind,
  type ComfyGraph,
  type ComfyTemplate,
  type ComfyValues,
} from '../../../../shared/generation/comfyWorkflow.js';
import type { ImageRequest } from '../../../../shared/generation/imageRequest.js';
import type { PollResult } from '../types.js';
import { uploadComfyPicture } from '../providers/comfyui/upload.js';
import {
  historyFailure,
  queuePosition,
  type ComfyFileRef,
  type ComfyHistoryEntry,
} from '../providers/comfyui/history.js';
import {
  comfyFetch,
  comfyJson,
  DEFAULT_COMFYUI_URL,
  readComfyHistory,
  readComfyQueue,
} from '../providers/comfyui/http.js';
import { loadShippedAndUserTemplates, templateModels } from '../providers/comfyui/templates.js';
import { saveBody } from '../providers/download.js';
import type { ImageAdapter, ImageContext } from './types.js';

const LABEL = 'ComfyUI image (local GPU)';
const PICTURE = /\.(png|jpe?g|webp)$/i;

/** The picture a finished image prompt saved (SaveImage: `images` of type "output"), else null. */
export function findImageOutput(entry: ComfyHistoryEntry): ComfyFileRef | null {
  const found: ComfyFileRef[] = [];
  for (const ui of Object.values(entry.outputs ?? {})) {
    if (Array.isArray(ui.animated) && ui.animated.some(Boolean)) continue;
    for (const f of Array.isArray(ui.images) ? (ui.images as Partial<ComfyFileRef>[]) : [])
      if (typeof f.filename === 'string' && PICTURE.test(f.filename))
        found.push({ filename: f.filename, subfolder: String(f.subfolder ?? ''), type: String(f.type ?? 'output') });
  }
  return found.sort((a, b) => Number(b.type === 'output') - Number(a.type === 'output'))[0] ?? null;
}

/** The template for a request: its model (default the first), image-to-image when it has pictures and one exists. */
export function pickImageTemplate(
  templates: readonly ComfyTemplate[],
  req: Pick<ImageRequest, 'model' | 'references'>,
): ComfyTemplate {
  const model = req.model ?? templates[0]?.mapping.model;
  const of = (kind: string) => templates.find((t) => t.mapping.model === model && t.mapping.kind === kind);
  const t = (req.references.length ? of('image-to-image') : undefined) ?? of('text-to-image') ?? of('image-to-image');
  if (t && (t.mapping.kind === 'text-to-image' || req.references.length)) return t;
  throw new AppError(
    'INVALID_INPUT',
    templates.length
      ? `ComfyUI has no image workflow for model "${model ?? ''}" that fits this shot (${req.references.length ? 'with' : 'without'} reference pictures).`
      : 'No ComfyUI image workflow templates were found (resources/comfyui, or your workflows folder).',
    { model },
  );
}

/**
 * The graph sent for a request, given the uploaded picture's name (image-to-image). Pure: the
 * "what will be sent" view and the adapter both call it.
 */
export function comfyImageGraph(
  template: ComfyTemplate,
  req: ImageRequest,
  image: string | null,
  random: number,
): ComfyGraph {
  const { width, height } = comfySize(req.width, req.height, template.mapping.constraints);
  const values: ComfyValues = {
    prompt: req.prompt,
    negativePrompt: req.negativePrompt.trim() || templateNegative(template),
    width,
    height,
    seed: comfySeed(req.seed, random),
  };
  if (image !== null) values.image = image;
  return fillComfyWorkflow(template, values);
}

function templateNegative(template: ComfyTemplate): string {
  const t = template.mapping.inputs.negativePrompt?.[0];
  const v = t ? template.graph[t.node]?.inputs[t.input] : undefined;
  return typeof v === 'string' ? v : '';
}

export function createComfyImageAdapter(
  opts: { templates?: ComfyTemplate[]; random?: () => number } = {},
): ImageAdapter & { readonly templates: readonly ComfyTemplate[] } {
  const templates = (opts.templates ?? loadShippedAndUserTemplates().templates).filter((t) =>
    isComfyImageKind(t.mapping.kind),
  );
  const random = opts.random ?? Math.random;
  const base = (ctx: ImageContext): string => ctx.settings.baseUrl?.trim() || DEFAULT_COMFYUI_URL;
  const history = (b: string, id: string, ctx: ImageContext) => readComfyHistory(b, id, ctx.signal);
  const fromHistory = (entry: ComfyHistoryEntry): PollResult | null => {
    if (entry.status?.status_str === 'error') return { state: 'failed', error: historyFailure(entry) };
    if (entry.status?.status_str !== 'success' && !entry.status?.completed) return null;
    return findImageOutput(entry)
      ? { state: 'succeeded', progress: 1 }
      : { state: 'failed', error: 'The ComfyUI workflow finished but saved no picture (it needs a SaveImage node).' };
  };
  const models = templateModels(templates, (t) => ({
    id: t.mapping.model,
    label: t.mapping.modelLabel ?? t.mapping.label,
    // image-to-image takes the first picture; text-to-image none.
    referenceImagesMax: templates.some(
      (x) => x.mapping.model === t.mapping.model && x.mapping.kind === 'image-to-image',
    )
      ? 1
      : 0,
    pricePerImage: 0,
  }));
  return {
    id: 'comfyui-image',
    label: LABEL,
    offline: false,
    settingsId: 'comfyui',
    templates,
    pollPolicy: { initialMs: 1000, maxMs: 5000, factor: 1.5 },
    promptStyle: 'prose',
    models: models.length
      ? models
      : [{ id: 'none', label: 'No image workflow', referenceImagesMax: 0, pricePerImage: 0 }],
    async submit(req, ctx) {
      const b = base(ctx);
      const template = pickImageTemplate(templates, req);
      const first = req.references[0];
      const image =
        template.mapping.kind === 'image-to-image' && first
          ? await uploadComfyPicture(b, first, `Reference picture 1 of shot ${req.shotNumber}`)
          : null;
      const graph = comfyImageGraph(template, req, image, random());
      // One attempt only, under our own prompt id (the job id): never re-sent (design.md §5).
      const res = await comfyJson<{ prompt_id?: string }>(b, '/prompt', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          prompt: graph,
          prompt_id: ctx.jobId,
          extra_data: { storyboard: { shotId: req.shotId, template: template.mapping.id } },
        }),
        what: `queue the keyframe of shot ${req.shotNumber}`,
      });
      if (!res)
        throw new AppError('PROVIDER_FAILED', `${b} has no /prompt route; is this a ComfyUI server?`, { baseUrl: b });
      return { taskId: res.prompt_id || ctx.jobId };
    },
    async poll(taskId, ctx) {
      const b = base(ctx);
      const done = await history(b, taskId, ctx);
      const result = done ? fromHistory(done) : null;
      if (result) return result;
      const where = queuePosition(await readComfyQueue(b, ctx.signal), taskId);
      if (where || done) return { state: 'running', progress: 0 };
      const again = await history(b, taskId, ctx);
      if (again) return fromHistory(again) ?? { state: 'running', progress: 0 };
      return {
        state: 'failed',
        taskLost: true,
        error: `ComfyUI at ${b} has no record of this picture (prompt ${taskId}); it was probably restarted. It was not queued again automatically.`,
      };
    },
    async reconcile(jobId, ctx) {
      // Our prompt ids are job ids, and ComfyUI queues a prompt before it answers: a lost answer
      // leaves it in the queue or, once done, in history. Unreachable: null (stays `unknown`).
      const b = base(ctx);
      if (queuePosition(await readComfyQueue(b, ctx.signal), jobId)) return jobId;
      return (await history(b, jobId, ctx)) ? jobId : null;
    },
    async fetchResult(taskId, dest, ctx) {
      const b = base(ctx);
      const entry = await history(b, taskId, ctx);
      const ref = entry ? findImageOutput(entry) : null;
      if (!ref)
        throw new AppError('PROVIDER_FAILED', `ComfyUI at ${b} no longer lists a picture for prompt ${taskId}.`, {
          expired: true,
          failureKind: 'expired',
        });
      const query = new URLSearchParams({ filename: ref.filename, subfolder: ref.subfolder, type: ref.type });
      const res = await comfyFetch(b, `/view?${query.toString()}`, {
        what: `download ${ref.filename}`,
        signal: ctx.signal,
      });
      if (res.status === 404 || !res.body)
        throw new AppError(
          'PROVIDER_FAILED',
          `The picture "${ref.filename}" is missing on the ComfyUI server at ${b}.`,
          {
            expired: true,
            failureKind: 'expired',
          },
        );
      await saveBody(res.body, dest, ctx.signal);
    },
  };
}
