/**
 * The plan of ONE multi-shot job (shared/generation/multiShot.ts): consecutive shots made by one
 * request on a model that can, one job row (on the first shot), one estimate. Refused before
 * anything is written when the selection or the model cannot (the reason as a keyed error).
 */
import { AppError, keyedError } from '../../../shared/errors.js';
import { resolveTemplate, unresolvedMessage } from '../../../shared/template/variables.js';
import { modelCapabilities } from '../../../shared/generation/capabilities.js';
import {
  multiShotProblem,
  multiShotProblemText,
  partSeconds,
  type MultiShotPart,
} from '../../../shared/generation/multiShot.js';
import { buildGenerationRequest, type GenerationRequest } from '../../../shared/generation/request.js';
import { proseWithFacts } from '../../../shared/generation/promptParts.js';
import { promptWithNames, shotElements } from '../../../shared/model/elements.js';
import { namedText } from '../../../shared/model/shotCaption.js';
import { framesToSeconds } from '../../../shared/model/time.js';
import { IN_FLIGHT_JOB_STATES } from '../../../shared/model/entities.js';
import type { Planned } from './plan.js';
import { requestCost } from './plan.js';
import type { GenerateOptions, GenerationDeps } from './ports.js';
import { jobKind } from './ports.js';
import { DEFAULT_PROVIDER_ID, getProvider as registryProvider } from './providers/index.js';

export function planMultiShot(deps: GenerationDeps, opts: GenerateOptions): Planned {
  const { store } = deps;
  const project = store.project();
  const { shots, elements = [] } = store.snapshot();
  const order = shots.map((s) => s.id);
  const selected = [...new Set(opts.shotIds ?? [])];
  const byId = new Map(shots.map((s) => [s.id, s]));
  for (const id of selected)
    if (!byId.has(id))
      throw keyedError(
        'NOT_FOUND',
        'multiShot.errors.unknownShot',
        { shotId: id },
        `Shot "${id}" is not in this project.`,
      );
  // Template variables resolved as in every batch (plan.ts); an unresolved one refuses it.
  const template = resolveTemplate(store.snapshot());
  const resolved = new Map(template.shots.map((s) => [s.id, s]));
  const chosen = shots.filter((s) => selected.includes(s.id)).map((s) => resolved.get(s.id) ?? s);
  const blocking = template.unresolved.filter((u) => selected.includes(u.shotId));
  if (blocking.length)
    throw new AppError('INVALID_INPUT', unresolvedMessage(blocking, 'generation'), { unresolved: blocking });
  const first = chosen[0];
  const providerId =
    opts.providerId ?? first?.provider ?? opts.fallbackProviderId ?? (project.defaultProvider || DEFAULT_PROVIDER_ID);
  const provider = (deps.getProvider ?? registryProvider)(providerId);
  const model = opts.model ?? first?.model ?? project.defaultModel ?? null;
  const caps = modelCapabilities(provider.capabilities, model);
  const modelName = `${provider.label}${model ? ` ${model}` : ''}`;
  const seconds = (id: string): number => {
    const shot = byId.get(id);
    return shot ? framesToSeconds(shot.durationFrames, project.fps) : 0;
  };
  const problem = multiShotProblem(caps.multiShot, order, selected, seconds);
  if (problem) {
    const { reason, ...params } = problem;
    throw keyedError(
      'INVALID_INPUT',
      `multiShot.problems.${reason}`,
      { ...params, model: modelName },
      multiShotProblemText(problem, modelName),
    );
  }
  const busy = new Set(
    store
      .listJobs({ states: IN_FLIGHT_JOB_STATES })
      .filter((j) => jobKind(j) === 'video')
      .map((j) => j.shotId),
  );
  const taken = chosen.find((s) => busy.has(s.id));
  if (taken)
    throw keyedError(
      'INVALID_INPUT',
      'multiShot.errors.busy',
      { shot: order.indexOf(taken.id) + 1 },
      `Shot ${order.indexOf(taken.id) + 1} is already generating; wait for it or cancel it first.`,
    );
  const head = first as NonNullable<typeof first>;
  const durations = partSeconds(chosen.map((s) => seconds(s.id)));
  const parts: MultiShotPart[] = chosen.map((s, i) => ({
    shotId: s.id,
    shotNumber: order.indexOf(s.id) + 1,
    // The title as every label shows it (@tags as names: shared/model/shotCaption.ts).
    title: namedText(s.title, elements),
    // "@Mara waves" reaches the model as "Mara waves", with the shot size and elements (plan.ts).
    prompt: proseWithFacts({
      prompt: promptWithNames(s.prompt, elements),
      shotSize: s.shotSize,
      elements: shotElements(s, elements),
    }),
    camera: s.camera,
    durationSec: durations[i] ?? 1,
  }));
  const base = buildGenerationRequest({
    project,
    shot: head,
    shotNumber: order.indexOf(head.id) + 1,
    frame: (assetId) => ({ assetId, path: store.absPath(store.getAsset(assetId).path) }),
  });
  const request: GenerationRequest = {
    ...base,
    title: parts[0]?.title ?? base.title,
    prompt: parts[0]?.prompt ?? base.prompt,
    model,
    // One clip opens on the first shot's frame; a multi-shot clip takes no last frame.
    lastFrame: null,
    durationSec: durations.reduce((a, b) => a + b, 0),
    multiShot: { parts },
  };
  return { shot: head, provider, request, problem: null, cost: requestCost(provider, request, deps.prices) };
}
