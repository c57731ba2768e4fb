/**
 * "Make keyframe from references": the shot's prompt, framing and elements (their pictures and
 * descriptions) composed into an image request in the chosen model's style; N variations as
 * image jobs on the SAME durable rows as video (estimate and budget first, every row written
 * in one transaction before anything is sent, run by jobs/paidJob.ts: task id stored with
 * the create's answer, polled — never created again — after a kill). Each finished picture
 * becomes an image take of the shot; picking one sets the shot's first (or last) frame.
 */
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { jobError } from '../../../shared/generation/jobErrors.js';
import { ImageRequestSchema, type ImageRequest, type KeyframeRole } from '../../../shared/generation/imageRequest.js';
import { keyframePrompt } from '../../../shared/generation/promptParts.js';
import { promptWithNames, shotElements } from '../../../shared/model/elements.js';
import { paidJobTmpDir, type ResumeOptions } from '../jobs/paidJob.js';
import {
  batchCap,
  resumeTakeJobs,
  runTakeBatch,
  runTakeJob,
  type TakeBatchOptions,
  type TakeJobDeps,
} from '../jobs/takeJob.js';
import { estimateJobs, type BatchEstimate } from '../generation/cost.js';
import { getImageProvider, DEFAULT_IMAGE_PROVIDER } from '../generation/images/index.js';
import { imageModel, type ImageAdapter } from '../generation/images/types.js';
import { MAX_VARIATIONS, newSeed, referencesFor } from '../generation/plan.js';
import type { ProjectStore } from '../project/store.js';
import { resolveTemplate, unresolvedMessage } from '../../../shared/template/variables.js';

export interface KeyframeDeps extends TakeJobDeps {
  getImage?(id: string): ImageAdapter;
}

export interface KeyframeOptions extends TakeBatchOptions {
  shotId: string;
  provider?: string;
  model?: string;
  variations?: number;
  role?: KeyframeRole;
}

export interface PlannedImage {
  adapter: ImageAdapter;
  request: ImageRequest;
  cost: number | null;
}

const image = (deps: KeyframeDeps, id: string): ImageAdapter => (deps.getImage ?? getImageProvider)(id);

export function imageOutDir(projectDir: string): string {
  return join(paidJobTmpDir(projectDir), 'images');
}

/** The requests a "make keyframe" would send (nothing written). Throws for an unknown shot or provider. */
export function planKeyframes(deps: KeyframeDeps, opts: KeyframeOptions): PlannedImage[] {
  const variations = opts.variations ?? 1;
  if (!Number.isInteger(variations) || variations < 1 || variations > MAX_VARIATIONS)
    throw new AppError(
      'INVALID_INPUT',
      `Variations must be a whole number from 1 to ${MAX_VARIATIONS} (got ${variations}).`,
    );
  const { store } = deps;
  const snap = store.snapshot();
  // Template variables resolved as for video (generation/plan.ts): an unresolved one in this
  // shot refuses the keyframe before anything is written or sent.
  const template = resolveTemplate(snap);
  const shot = template.shots.find((s) => s.id === opts.shotId) ?? store.getShot(opts.shotId);
  const blocking = template.unresolved.filter((u) => u.shotId === shot.id);
  if (blocking.length)
    throw new AppError('INVALID_INPUT', unresolvedMessage(blocking, 'generation'), { unresolved: blocking });
  const project = store.project();
  const adapter = image(deps, opts.provider ?? DEFAULT_IMAGE_PROVIDER);
  const model = imageModel(adapter, opts.model ?? null);
  const elements = shotElements(shot, snap.elements);
  const path = (assetId: string): string => store.absPath(store.getAsset(assetId).path);
  const refs = referencesFor(shot, snap.elements, project.styleRefAssetIds, path).slice(0, model.referenceImagesMax);
  const role = opts.role ?? 'first';
  const prompt = keyframePrompt(
    {
      prompt: promptWithNames(shot.prompt, snap.elements),
      shotSize: shot.shotSize,
      elements,
      stylePrompt: project.stylePrompt,
    },
    refs,
    adapter.promptStyle,
    role,
  );
  const shotNumber = snap.shots.findIndex((s) => s.id === shot.id) + 1;
  return Array.from({ length: variations }, (_, v) => ({
    adapter,
    cost: model.pricePerImage,
    request: ImageRequestSchema.parse({
      kind: 'image',
      shotId: shot.id,
      shotNumber,
      role,
      provider: adapter.id,
      model: model.id,
      prompt,
      negativePrompt: shot.negativePrompt,
      references: refs,
      width: project.width,
      height: project.height,
      seed: v === 0 ? shot.seed : newSeed(),
      variation: v,
    }),
  }));
}

export function estimateKeyframes(
  deps: Pick<KeyframeDeps, 'store'>,
  planned: readonly PlannedImage[],
  cap: number | null,
): BatchEstimate {
  return estimateJobs(
    deps.store,
    planned[0]?.adapter.id ?? '',
    planned.map((p) => p.cost),
    cap,
  );
}

/** Makes N keyframe variations of a shot: estimate, budget, job rows, then run them. */
export async function makeKeyframes(
  deps: KeyframeDeps,
  opts: KeyframeOptions,
): Promise<{ jobIds: string[]; estimate: BatchEstimate }> {
  const planned = planKeyframes(deps, opts);
  const estimate = estimateKeyframes(deps, planned, batchCap(deps.store, opts.budgetCap));
  const rows = planned.map((p) => ({
    shotId: p.request.shotId,
    provider: p.adapter.id,
    model: p.request.model,
    request: { ...p.request },
    costEstimate: p.cost,
  }));
  const jobIds = await runTakeBatch(deps.store, estimate, rows, opts, (id) => runImageJob(deps, id, opts));
  return { jobIds, estimate };
}

/** Runs one image job row to its end (also after a restart): the picture becomes an image take. */
export async function runImageJob(
  deps: KeyframeDeps,
  jobId: string,
  opts: Pick<KeyframeOptions, 'signal' | 'onProgress'>,
): Promise<void> {
  const job = deps.store.getJob(jobId);
  const parsed = ImageRequestSchema.safeParse(job.request);
  if (!parsed.success) {
    const detail = parsed.error.issues[0]?.message ?? 'unknown problem';
    deps.store.updateJob(jobId, {
      state: 'failed',
      error: `The stored request of this image job is not valid: ${detail}`,
      errorInfo: jobError('invalidRequest', { detail }),
    });
    return;
  }
  // Paths in a stored request may be stale (the project moved): re-resolved from asset ids.
  const req: ImageRequest = {
    ...parsed.data,
    references: parsed.data.references.map((r) => ({
      ...r,
      path: deps.store.absPath(deps.store.getAsset(r.assetId).path),
    })),
  };
  const adapter = image(deps, req.provider);
  await runTakeJob(
    deps,
    job,
    adapter,
    req,
    {
      slot: `image:${adapter.id}`,
      outDir: imageOutDir(deps.store.dir),
      ext: 'png',
      name: `keyframe shot ${req.shotNumber} ${req.role} ${req.variation + 1}`,
      action: 'generate.image',
      take: (asset) => {
        if (asset.info.kind !== 'image')
          throw new AppError('PROVIDER_FAILED', `${adapter.label} sent something that is not a picture.`);
        deps.store.getShot(req.shotId); // NOT_FOUND if the shot was deleted meanwhile: no orphan take
        return {
          init: { shotId: req.shotId, model: req.model, request: { ...req }, seed: req.seed, kind: 'image' },
          details: { shotId: req.shotId, jobId, assetId: asset.id, model: req.model, role: req.role },
        };
      },
    },
    opts,
  );
}

/**
 * After a crash or restart: an image job cut off while sending is found again when its picture
 * reached the disk (synchronous providers write it before answering), sent again when the
 * provider is offline (free), else left `unknown` (it may have been paid). Jobs with a task id
 * are polled, never created again. Returns the ids it ran.
 */
export async function resumeImageJobs(deps: KeyframeDeps, opts: ResumeOptions = {}): Promise<string[]> {
  return resumeTakeJobs(
    deps,
    {
      kind: 'image',
      outDir: imageOutDir(deps.store.dir),
      adapter: (id) => image(deps, id),
      lostMessage:
        'The app stopped while this picture was being requested, so whether the provider made (and charged for) it is unknown. It was not sent again.',
      run: (id) => runImageJob(deps, id, opts),
    },
    opts,
  );
}

/** Picks an image take as its shot's first (or last) frame: ONE undo step (shots.setFrame). */
export function pickKeyframe(store: ProjectStore, takeId: string, which?: KeyframeRole): { shotId: string } {
  const take = store.getTake(takeId);
  if ((take.kind ?? 'video') !== 'image')
    throw new AppError('INVALID_INPUT', `Take "${takeId}" is a clip, not a keyframe picture; pick an image take.`, {
      takeId,
    });
  const role = which ?? ((take.request.role as KeyframeRole | undefined) === 'last' ? 'last' : 'first');
  store.shots.setFrame(take.shotId, role, take.assetId);
  return { shotId: take.shotId };
}
