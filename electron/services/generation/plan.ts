/**
 * What a batch would do, before anything is written or sent: which (shot, provider, variation)
 * jobs, each with its full request and estimated cost. generate.estimate shows exactly this
 * plan, and generateShots() writes exactly these jobs, so the estimate is the batch.
 */
import { randomInt } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { capabilityGap, capabilityProblem, modelCapabilities } from '../../../shared/generation/capabilities.js';
import { jobError, jobErrorOf, type JobErrorInfo } from '../../../shared/generation/jobErrors.js';
import { billedSeconds, priceOf } from '../../../shared/generation/prices.js';
import { PRICES, type PriceEntry } from '../../../shared/generation/priceList.js';
import type { GenerationRequest, ReferenceRef } from '../../../shared/generation/request.js';
import { buildGenerationRequest } from '../../../shared/generation/request.js';
import { sentPrompt, startsOnKeyframe } from '../../../shared/generation/takeFreshness.js';
import type { Element, Shot } from '../../../shared/model/entities.js';
import { shotElements } from '../../../shared/model/elements.js';
import { namedText } from '../../../shared/model/shotCaption.js';
import { resolveExtend } from './extend.js';
import { restyleShots, restyleSource } from './restyle.js';
import { restyles } from '../../../shared/generation/restyleClip.js';
import { planMultiShot } from './multiShotPlan.js';
import { resolveTemplate, unresolvedMessage } from '../../../shared/template/variables.js';
import type { GenerateOptions, GenerationDeps } from './ports.js';
import { jobKind } from './ports.js';
import { DEFAULT_PROVIDER_ID, getProvider as registryProvider } from './providers/index.js';
import type { ProviderAdapter } from './types.js';
import { IN_FLIGHT_JOB_STATES, takeKind } from '../../../shared/model/entities.js';

export interface Planned {
  shot: Shot;
  provider: ProviderAdapter;
  request: GenerationRequest | null;
  /** Why this shot cannot be generated (the job is written as failed with it). */
  problem: string | null;
  /** The same as a code and parameters the renderer translates (shared/generation/jobErrors.ts). */
  problemInfo?: JobErrorInfo | null;
  /** Estimated cost; null when no price is known for this provider and model. */
  cost: number | null;
}

export const MAX_VARIATIONS = 16;

/** A fresh seed: a positive 31-bit integer, which every provider that takes seeds accepts. */
export function newSeed(): number {
  return randomInt(1, 2 ** 31 - 1);
}

/**
 * The cost of one request: the price table (with the user's overrides) for the provider and
 * model at the duration it bills, else the adapter's own estimate.
 */
export function requestCost(
  provider: ProviderAdapter,
  req: GenerationRequest,
  prices: readonly PriceEntry[] = PRICES,
): number | null {
  // Billed at the length the chosen model will actually make (models of one provider differ).
  const { durations } = modelCapabilities(provider.capabilities, req.model);
  const fromTable = priceOf(prices, provider.id, req.model, billedSeconds(req), durations);
  if (fromTable !== null) return fromTable;
  const own = provider.estimateCost(req);
  return own !== null && Number.isFinite(own) && own >= 0 ? own : null;
}

function chooseShots(deps: GenerationDeps, opts: GenerateOptions): Shot[] {
  const { store } = deps;
  const { shots, takes } = store.snapshot();
  if (opts.shotIds) {
    const byId = new Map(shots.map((s) => [s.id, s]));
    return [...new Set(opts.shotIds)].map((id) => {
      const shot = byId.get(id);
      if (!shot)
        throw new AppError('NOT_FOUND', `Shot "${id}" is not in this project; nothing was generated.`, { shotId: id });
      return shot;
    });
  }
  // `unknown` jobs count too: a paid task may exist, so only the user may start another.
  const unknown = new Set(
    store
      .listJobs({ states: ['unknown'] })
      .filter((j) => jobKind(j) === 'video')
      .map((j) => j.shotId),
  );
  if (opts.restyle) return restyleShots(shots, takes, unknown);
  // A keyframe (image take) is not the shot's clip: the shot still needs generating.
  const withTake = new Set(takes.filter((t) => takeKind(t) === 'video').map((t) => t.shotId));
  return shots.filter((s) => !withTake.has(s.id) && !unknown.has(s.id));
}

function seedFor(deps: GenerationDeps, shot: Shot, variation: number, mode: GenerateOptions['seed']): number | null {
  if (mode === 'new' || variation > 0) return newSeed();
  if (mode === 'same') {
    if (shot.seed !== null) return shot.seed;
    const last = deps.store
      .snapshot()
      .takes.filter((t) => t.shotId === shot.id && t.seed !== null)
      .at(-1);
    return last?.seed ?? newSeed();
  }
  return shot.seed;
}

/**
 * The jobs of a batch. Shots with a job under way are skipped (never two batches on one shot
 * at once). Throws, before anything is written, for an unknown shot or provider or a bad
 * variation count.
 */
export function planBatch(deps: GenerationDeps, opts: GenerateOptions): Planned[] {
  // Consecutive shots as ONE request (multiShotPlan.ts): one job, one estimate.
  if (opts.multiShot) return [planMultiShot(deps, opts)];
  const { store } = deps;
  const variations = opts.variations ?? 1;
  if (!Number.isInteger(variations) || variations < 1 || variations > MAX_VARIATIONS) {
    throw new AppError(
      'INVALID_INPUT',
      `Variations must be a whole number from 1 to ${MAX_VARIATIONS} (got ${variations}).`,
    );
  }
  const project = store.project();
  const lookup = deps.getProvider ?? registryProvider;
  const { shots, elements = [], takes } = store.snapshot();
  const inFlight = new Set(
    store
      .listJobs({ states: IN_FLIGHT_JOB_STATES })
      .filter((j) => jobKind(j) === 'video')
      .map((j) => j.shotId),
  );
  // Template variables resolved in prompts, titles and first frames (shared/template/variables.ts);
  // an unresolved one among the chosen shots refuses the batch before anything is written.
  const template = resolveTemplate(store.snapshot());
  const resolvedShot = new Map(template.shots.map((s) => [s.id, s]));
  const chosen = chooseShots(deps, opts)
    .filter((shot) => !inFlight.has(shot.id))
    .map((shot) => resolvedShot.get(shot.id) ?? shot);
  const blocking = template.unresolved.filter((u) => chosen.some((s) => s.id === u.shotId));
  if (blocking.length)
    throw new AppError('INVALID_INPUT', unresolvedMessage(blocking, 'generation'), { unresolved: blocking });
  const providerIdsFor = (shot: Shot): string[] =>
    opts.providerIds?.length
      ? [...new Set(opts.providerIds)]
      : [
          opts.providerId ??
            shot.provider ??
            opts.fallbackProviderId ??
            (project.defaultProvider || DEFAULT_PROVIDER_ID),
        ];
  // The app's default model goes only with the app's default provider, on a shot naming neither.
  const fallbackModelFor = (shot: Shot, providerId: string): string | undefined =>
    !opts.providerId &&
    !opts.providerIds?.length &&
    !shot.provider &&
    !shot.model &&
    providerId === opts.fallbackProviderId
      ? opts.fallbackModel
      : undefined;
  const out: Planned[] = [];
  for (const shot of chosen) {
    const shotNumber = shots.findIndex((s) => s.id === shot.id) + 1;
    for (const providerId of providerIdsFor(shot)) {
      const provider = lookup(providerId);
      // "Extends take X": refused here, before any job is written, when this provider cannot
      // continue that take (extend.ts); an extension keeps the source's model unless the shot names one.
      const extendModel = shot.model ?? takes.find((t) => t.id === shot.extendsTakeId)?.model ?? null;
      const extend = resolveExtend({
        takes,
        getAsset: (id) => store.getAsset(id),
        shot,
        shotNumber,
        provider,
        model: extendModel,
        lookup,
      });
      const model = extend
        ? extendModel
        : (opts.model ?? fallbackModelFor(shot, providerId) ?? shot.model ?? project.defaultModel);
      // A model that only edits clips (videoInput 'required': Aleph, Kling Edit) restyles the
      // shot's clip without --restyle: that is the only thing it can do (restyle.ts).
      const modelCaps = modelCapabilities(provider.capabilities, model);
      const restyle = restyles(modelCaps.videoInput, Boolean(opts.restyle), Boolean(extend));
      for (let v = 0; v < variations; v++) {
        try {
          const path = (assetId: string): string => store.absPath(store.getAsset(assetId).path);
          const base = buildGenerationRequest({
            project,
            shot,
            shotNumber,
            frame: (assetId) => ({ assetId, path: path(assetId) }),
            // Keyframe-first: a first frame made from the references already shows them, and
            // image-to-video models animate that frame (several refuse references beside it).
            // A restyle edits the clip, which already shows them (video-to-video takes no references).
            references:
              restyle || startsOnKeyframe(shot, takes)
                ? []
                : referencesFor(shot, elements, project.styleRefAssetIds, path),
            ...(extend ? { extend } : {}),
            ...(opts.aspect ? { aspect: opts.aspect } : {}),
          });
          // "@Mara waves" reaches the model as "Mara waves": no provider reads our tags. The
          // shot size and the elements' descriptions go in too (only when set: promptParts.ts).
          const prompt = sentPrompt(shot, elements);
          const source = restyle ? restyleSource(store, takes, shot, shotNumber) : undefined;
          if (typeof source === 'string') throw new Error(source);
          const request: GenerationRequest = {
            ...base,
            // A restyle sends the shot's frames only to a model that guides an edit with them
            // (Aleph 2's keyframes); the clip already starts and ends on its own frames.
            ...(source && !modelCaps.imageToVideo ? { firstFrame: null } : {}),
            ...(source && !modelCaps.lastFrame ? { lastFrame: null } : {}),
            prompt,
            // The title with @tags as element names, by the rules every label in the app uses
            // (shared/model/shotCaption.ts): the animatic burns it into the card's corner, and a
            // shot with no prompt sends it as the prompt (cameraMoves.ts shotPrompt).
            title: namedText(shot.title, elements),
            model,
            seed: seedFor(deps, shot, v, opts.seed),
            ...(source ? { sourceVideo: source } : {}),
          };
          const problem = capabilityProblem(provider.label, provider.capabilities, request);
          const gap = capabilityGap(provider.capabilities, request);
          out.push({
            shot,
            provider,
            request,
            problem,
            problemInfo: gap
              ? jobError(gap, {
                  number: shotNumber,
                  // A reference-only model is named with the model: the provider's others can take text.
                  provider:
                    gap === 'capReferences' && request.model ? `${provider.label} (${request.model})` : provider.label,
                })
              : null,
            cost: problem ? 0 : requestCost(provider, request, deps.prices),
          });
        } catch (err) {
          const problem = `Shot ${shotNumber} cannot be generated: ${(err as Error).message}`;
          const info = jobErrorOf(err, provider.label);
          const problemInfo =
            info.code === 'service'
              ? info
              : jobError('shotNotGeneratable', { number: shotNumber, detail: (err as Error).message });
          out.push({ shot, provider, request: null, problem, problemInfo, cost: 0 });
        }
      }
    }
  }
  return out;
}

/** True when the shot's first frame is one of its own keyframe pictures (an image take). */
export { startsOnKeyframe };

/**
 * The pictures of the shot's elements — the ones picked for it, then the ones its prompt names
 * by @tag (shared/model/elements.ts shotElements) — then the project's style refs.
 */
export function referencesFor(
  shot: Shot,
  elements: readonly Element[],
  styleRefs: readonly string[],
  path: (assetId: string) => string,
): ReferenceRef[] {
  const refs: ReferenceRef[] = [];
  for (const el of shotElements(shot, elements)) {
    for (const assetId of el.refAssetIds) refs.push({ assetId, path: path(assetId), kind: el.kind, name: el.name });
  }
  for (const assetId of styleRefs) refs.push({ assetId, path: path(assetId), kind: 'style', name: 'style' });
  return refs.slice(0, 32);
}
