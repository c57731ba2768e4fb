/**
 * "Extend this take": resolving a shot's `extendsTakeId` into the request's provider-
 * neutral `extend` field, refusing impossible extensions before any job is written or money is
 * spent, and the default trim of the shot that holds the extension.
 */
import { AppError } from '../../../shared/errors.js';
import { modelCapabilities, type ProviderCapabilities } from '../../../shared/generation/capabilities.js';
import { extendProblem, takeOutputRef, type ExtendRef } from '../../../shared/generation/request.js';
import type { Asset, Project, ProjectSnapshot, Shot, Take } from '../../../shared/model/entities.js';
import type { Fps } from '../../../shared/model/time.js';
import { floorFrames } from '../../../shared/model/time.js';
import type { GenerationStore } from './ports.js';
import { getProvider, listProviders } from './providers/index.js';
import type { ProviderAdapter } from './types.js';

/** True when some model of the provider can extend its own clips. */
export function canExtendAny(caps: ProviderCapabilities): boolean {
  return caps.extend || caps.models.some((m) => modelCapabilities(caps, m.id).extend);
}

/** Labels of the providers that can extend their own clips (for refusal messages). */
export function extenderLabels(providers: readonly ProviderAdapter[] = listProviders()): string[] {
  return providers
    .filter((p) => canExtendAny(p.capabilities))
    .map((p) => p.label)
    .sort((a, b) => a.localeCompare(b));
}

function labelOf(providerId: string, lookup: (id: string) => ProviderAdapter): string {
  try {
    return lookup(providerId).label;
  } catch {
    return providerId === 'import' ? 'imported' : providerId;
  }
}

/**
 * The `extend` of a shot's request, or undefined for a shot that extends nothing. Throws
 * AppError INVALID_INPUT naming the shot and the reason when `provider` (with `model`) cannot
 * extend the source take: another provider made it, the model cannot extend, the take has no
 * stored clip handle, or the take is gone.
 */
export function resolveExtend(args: {
  /** The project's takes (the plan's snapshot). */
  takes: readonly Take[];
  getAsset: GenerationStore['getAsset'];
  shot: Shot;
  shotNumber: number;
  provider: ProviderAdapter;
  model: string | null;
  lookup: (id: string) => ProviderAdapter;
}): ExtendRef | undefined {
  const { shot, provider } = args;
  if (!shot.extendsTakeId) return undefined;
  const take: Take | undefined = args.takes.find((t) => t.id === shot.extendsTakeId);
  const ref = take ? takeOutputRef(take) : null;
  const problem = extendProblem({
    shotNumber: args.shotNumber,
    source: take ? { provider: take.provider, providerLabel: labelOf(take.provider, args.lookup), ref } : null,
    provider: {
      id: provider.id,
      label: provider.label,
      canExtend: modelCapabilities(provider.capabilities, args.model).extend,
    },
    extenders: extenderLabels(),
  });
  if (problem || !take || !ref) {
    throw new AppError('INVALID_INPUT', problem ?? `Shot ${args.shotNumber} cannot extend its take.`, {
      shotId: shot.id,
      takeId: shot.extendsTakeId,
    });
  }
  return {
    takeId: take.id,
    provider: take.provider,
    model: take.model,
    ref,
    durationSec: args.getAsset(take.assetId).info.durationSec,
  };
}

/**
 * Where the extension shot's take should start playing: after the source when the provider's
 * extension output repeats it (capabilities.extendIncludesSource), so the cut does not show
 * the source twice; else at 0.
 */
export function extensionTrimIn(caps: ProviderCapabilities, model: string | null, sourceSec: number, fps: Fps): number {
  return modelCapabilities(caps, model).extendIncludesSource ? floorFrames(sourceSec, fps) : 0;
}

/** What the project store must offer to plan an extension shot (ProjectStore has all of it). */
export interface ExtendSourceStore {
  project(): Pick<Project, 'fps'>;
  snapshot(): Pick<ProjectSnapshot, 'shots'>;
  getTake(id: string): Take;
  getAsset(id: string): Asset;
}

/**
 * The new shot for "extend this take" (store.addShot input): right after the take's shot, with
 * the take's provider and model, `extendsTakeId`, the prompt given or the source shot's, the
 * source shot's length, and a trim that skips the source when the output repeats it. Throws
 * INVALID_INPUT naming the take and the reason when it cannot be extended, before any edit.
 */
export function extensionShot(
  store: ExtendSourceStore,
  takeId: string,
  prompt?: string,
  lookup: (id: string) => ProviderAdapter = getProvider,
): {
  index: number;
  prompt: string;
  durationFrames: number;
  provider: string;
  model: string | null;
  extendsTakeId: string;
  trimInFrames: number;
} {
  const take = store.getTake(takeId);
  const shots = store.snapshot().shots;
  const at = shots.findIndex((s) => s.id === take.shotId);
  const source = shots[at];
  const who = extenderLabels();
  const only = who.length ? `only ${who.join(', ')} can extend their own clips` : 'no provider here can extend clips';
  let provider: ProviderAdapter | null = null;
  try {
    provider = lookup(take.provider);
  } catch {
    provider = null;
  }
  if (!source)
    throw new AppError(
      'NOT_FOUND',
      `Take "${takeId}" belongs to a shot that is not in the timeline; nothing to extend.`,
      { takeId },
    );
  const name = `Take "${takeId}" of shot ${at + 1}`;
  if (!provider || !modelCapabilities(provider.capabilities, take.model).extend) {
    const by = provider
      ? `${provider.label}${take.model ? ` (${take.model})` : ''}`
      : take.provider === 'import'
        ? 'an import'
        : take.provider;
    throw new AppError('INVALID_INPUT', `${name} was made by ${by}, which cannot extend clips; ${only}.`, {
      takeId,
      provider: take.provider,
    });
  }
  if (!takeOutputRef(take)) {
    throw new AppError(
      'INVALID_INPUT',
      `${name} has no stored ${provider.label} clip id (made before extension was supported), so ${provider.label} cannot continue it; generate a new take first.`,
      { takeId },
    );
  }
  const sourceSec = store.getAsset(take.assetId).info.durationSec;
  return {
    index: at + 1,
    prompt: prompt ?? source.prompt,
    durationFrames: source.durationFrames,
    provider: take.provider,
    model: take.model,
    extendsTakeId: take.id,
    trimInFrames: extensionTrimIn(provider.capabilities, take.model, sourceSec, store.project().fps),
  };
}
