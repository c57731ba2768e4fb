/** Pure helpers of the Generate dialog: the batch its choices make, and what a provider can take. */
import { formatSecondsList } from './format';
import type { MethodInput } from '../../../shared/api/contract';
import { allowedDuration, lacksReferences, type ProviderCapabilities } from '../../../shared/generation/capabilities';
import type { ProjectSnapshot, Shot, Take } from '../../../shared/model/entities';
import { restyleClip, restyles } from '../../../shared/generation/restyleClip';
import { multiShotProblem, type MultiShotProblem } from '../../../shared/generation/multiShot';
import { framesToSeconds } from '../../../shared/model/time';
import { shotElements } from '../../../shared/model/elements';
import { startsOnKeyframe } from '../../../shared/generation/takeFreshness';
import type { ProviderInfo } from '../store/jobs';
import type { GenerateScope } from '../store/jobsUi';

export interface GenerateChoice {
  provider: string;
  /** '' = the provider's default model. */
  model: string;
  variations: number;
  scope: GenerateScope;
  seed: 'same' | 'new';
  /**
   * "Restyle this shot's clip" instead of "generate a new clip", on a model that does both
   * (RestyleOption; shared/generation/restyleClip.ts offersRestyleChoice). Chosen shots only.
   */
  restyle?: boolean;
}

export const MAX_DIALOG_VARIATIONS = 4;

/** The generate.start / generate.estimate input for these choices (selection in cut order). */
export function batchFor(choice: GenerateChoice, selected: readonly string[]): MethodInput<'generate.start'> {
  const base = {
    provider: choice.provider,
    ...(choice.model ? { model: choice.model } : {}),
    variations: Math.min(MAX_DIALOG_VARIATIONS, Math.max(1, Math.round(choice.variations))),
  };
  if (choice.scope === 'missing') return base;
  return {
    ...base,
    shotIds: [...selected],
    ...(choice.scope === 'regenerate' ? { seed: choice.seed } : {}),
    ...(choice.restyle ? { restyle: true } : {}),
  };
}

/** The shots a choice covers, as far as the renderer can tell (the services decide). */
export function shotsInScope(snapshot: ProjectSnapshot, scope: GenerateScope, selected: readonly string[]): Shot[] {
  if (scope !== 'missing') return snapshot.shots.filter((s) => selected.includes(s.id));
  const withTake = new Set(snapshot.takes.map((t) => t.shotId));
  return snapshot.shots.filter((s) => !withTake.has(s.id) && s.selectedTakeId === null);
}

/** The descriptor providers.list sends as data, read back with safe defaults. */
export function capabilitiesOf(p: ProviderInfo | undefined): ProviderCapabilities | null {
  if (!p) return null;
  const c = p.capabilities as Partial<ProviderCapabilities>;
  return {
    textToVideo: c.textToVideo === true,
    imageToVideo: c.imageToVideo === true,
    lastFrame: c.lastFrame === true,
    referenceImagesMax: typeof c.referenceImagesMax === 'number' ? c.referenceImagesMax : 0,
    extend: c.extend === true,
    audio: c.audio === true,
    ...(c.cameraMoves ? { cameraMoves: c.cameraMoves } : {}),
    durations: c.durations ?? { kind: 'range', min: 0, max: 0 },
    ...(c.multiShot ? { multiShot: c.multiShot } : {}),
    ...(c.needsReferences === 'always' || c.needsReferences === 'withoutFirstFrame'
      ? { needsReferences: c.needsReferences }
      : {}),
    ...(c.videoInput === 'required' || c.videoInput === 'optional' ? { videoInput: c.videoInput } : {}),
    aspects: c.aspects ?? 'any',
    resolutions: c.resolutions ?? 'any',
    models: Array.isArray(c.models) ? c.models : [],
  };
}

/**
 * Why a provider can't take a shot as it stands (the job would fail): the shot's fields it has no
 * use for, or (needsClip) a model that only restyles clips on a shot that has none.
 */
export type CapabilityGap = 'firstFrame' | 'textOnly' | 'lastFrame' | 'needsClip' | 'needsReferences';

/**
 * Whether the shot sends reference pictures, by the plan's rule (electron/services/generation/
 * plan.ts referencesFor): its elements' pictures, then the project's style references, none
 * when it starts on one of its own keyframes.
 */
export function hasReferencePictures(
  shot: Shot,
  snapshot: Pick<ProjectSnapshot, 'elements' | 'project' | 'takes'>,
): boolean {
  if (startsOnKeyframe(shot, snapshot.takes)) return false;
  if (snapshot.project.styleRefAssetIds.length > 0) return true;
  return shotElements(shot, snapshot.elements).some((e) => e.refAssetIds.length > 0);
}

export function capabilityGaps(
  shot: Pick<Shot, 'firstFrameAssetId' | 'lastFrameAssetId'>,
  caps: ProviderCapabilities | null,
  /** The shot has a clip to restyle (shared/generation/restyleClip.ts). */
  hasClip = false,
  /** The user chose "restyle this shot's clip" (GenerateChoice.restyle). */
  restyleAsked = false,
  /** The shot sends reference pictures (hasReferencePictures). */
  hasReferences = false,
): CapabilityGap[] {
  if (!caps) return [];
  // A restyle takes the shot's clip, not its prompt or frames alone (the plan's rule: restyleClip.ts).
  if (restyles(caps.videoInput, restyleAsked)) return hasClip ? [] : ['needsClip'];
  const gaps: CapabilityGap[] = [];
  if (shot.firstFrameAssetId !== null && !caps.imageToVideo) gaps.push('firstFrame');
  if (shot.firstFrameAssetId === null && !caps.textToVideo) gaps.push('textOnly');
  // Same rule as the services' capability check (shared/generation/capabilities.ts lacksReferences).
  const refs = hasReferences ? [true] : [];
  if (lacksReferences(caps, { firstFrame: shot.firstFrameAssetId, references: refs })) gaps.push('needsReferences');
  if (shot.lastFrameAssetId !== null && !caps.lastFrame) gaps.push('lastFrame');
  return gaps;
}

/** Shots of the scope this provider cannot take (they would end as failed jobs, at no cost). */
export function unsupportedShots(
  shots: readonly Shot[],
  caps: ProviderCapabilities | null,
  takes: readonly Take[] = [],
  restyleAsked = false,
  /** Whether a shot sends reference pictures (hasReferencePictures); default: none does. */
  hasReferences: (shot: Shot) => boolean = () => false,
): Shot[] {
  return shots.filter(
    (s) => capabilityGaps(s, caps, restyleClip(takes, s) !== undefined, restyleAsked, hasReferences(s)).length > 0,
  );
}

/** Shots this reference-only model cannot start: they send no reference pictures. */
export function shotsWithoutReferences(
  shots: readonly Shot[],
  caps: ProviderCapabilities | null,
  snapshot: Pick<ProjectSnapshot, 'elements' | 'project' | 'takes'>,
): Shot[] {
  if (!caps?.needsReferences) return [];
  return shots.filter((s) =>
    lacksReferences(caps, {
      firstFrame: s.firstFrameAssetId,
      references: hasReferencePictures(s, snapshot) ? [s] : [],
    }),
  );
}

/** The length the provider will make instead of `seconds` (null when it makes `seconds`, or declares no lengths). */
export function durationGap(caps: ProviderCapabilities | null, seconds: number): number | null {
  if (!caps) return null;
  const d = caps.durations;
  if ((d.kind === 'range' && d.max <= 0) || (d.kind === 'set' && d.values.length === 0)) return null;
  const made = allowedDuration(d, seconds);
  return Math.abs(made - seconds) > 1e-6 ? made : null;
}

/**
 * The label of the model a choice runs: the chosen one, or for "default" ('') the provider's
 * first model, as modelCapabilities (shared/generation/capabilities.ts) resolves it.
 */
export function modelLabel(caps: ProviderCapabilities | null, model: string): string {
  const m = caps?.models.find((x) => x.id === model) ?? (model === '' ? caps?.models[0] : undefined);
  return m?.label ?? model;
}

/** "2–10 s" or "4, 6, 8 s". */
export function durationText(caps: ProviderCapabilities): string {
  const d = caps.durations;
  return d.kind === 'range' ? formatSecondsList([d.min, d.max], true) : formatSecondsList(d.values, false);
}

/**
 * Whether the selected shots can be ONE multi-shot generation on this model (null: they can),
 * by the same rule the services apply (shared/generation/multiShot.ts).
 */
export function multiShotOffer(
  snapshot: ProjectSnapshot,
  selected: readonly string[],
  caps: ProviderCapabilities | null,
): MultiShotProblem | null {
  const byId = new Map(snapshot.shots.map((s) => [s.id, s]));
  return multiShotProblem(
    caps?.multiShot,
    snapshot.shots.map((s) => s.id),
    selected,
    (id) => framesToSeconds(byId.get(id)?.durationFrames ?? 0, snapshot.project.fps),
  );
}
