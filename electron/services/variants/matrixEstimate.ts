/**
 * The variant matrix before anything is copied or sent: which shots each row generates and
 * with which model (as generate.start would plan them), per output aspect whether each shot is
 * generated natively or reframed (shared/template/matrix.ts planAspects), and the cost of the
 * whole matrix: every batch a row generates (the project's aspect, then each native aspect)
 * estimated as generate.estimate plans it, times the rows still to make. Deps are the contract
 * calls, so the CLI and the app estimate alike.
 */
import type { BatchEstimate } from '../../../shared/api/generation.js';
import { modelCapabilities } from '../../../shared/generation/capabilities.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import type { Aspect } from '../../../shared/model/format.js';
import { referencedNames } from '../../../shared/template/variables.js';
import type { GenerationBatch, ShotModel } from '../../../shared/template/matrix.js';
import { getProvider } from '../generation/providers/index.js';

export interface MatrixEstimateDeps {
  /** The provider and model a shot's Generate would use (preview.video). */
  preview(shotId: string): Promise<{ provider: string; model: string | null }>;
  estimate(input: { shotIds: string[]; aspect?: Aspect }): Promise<BatchEstimate>;
}

/** Shots a row's values change (a variable in the prompt, title or lines, or a picture-slot first frame) or without a clip. */
export function shotsEachRowMakes(snap: ProjectSnapshot): string[] {
  const slots = new Set((snap.templateVariables ?? []).flatMap((v) => v.firstFrameShotIds));
  const withTake = new Set(snap.takes.filter((t) => (t.kind ?? 'video') === 'video').map((t) => t.shotId));
  const lines = snap.dialogueLines ?? [];
  return snap.shots
    .filter(
      (s) =>
        !withTake.has(s.id) ||
        slots.has(s.id) ||
        referencedNames(`${s.prompt}\n${s.title}`).length > 0 ||
        lines.some((l) => l.shotId === s.id && referencedNames(`${l.text}\n${l.translation}`).length > 0),
    )
    .map((s) => s.id);
}

/** Each shot a row generates with its provider, model and the aspects that model makes natively. */
export async function shotModels(snap: ProjectSnapshot, deps: MatrixEstimateDeps): Promise<ShotModel[]> {
  const ids = shotsEachRowMakes(snap);
  return Promise.all(
    ids.map(async (shotId): Promise<ShotModel> => {
      const { provider: providerId, model } = await deps.preview(shotId);
      const provider = getProvider(providerId);
      const caps = modelCapabilities(provider.capabilities, model);
      return {
        shotId,
        number: snap.shots.findIndex((s) => s.id === shotId) + 1,
        label: `${provider.label}${model ? ` ${model}` : ''}`,
        aspects: caps.aspects === 'any' ? null : caps.aspects,
      };
    }),
  );
}

export interface RowCost {
  /** One row's cost: every batch it generates. */
  perRow: number;
  currency: string;
  /** Generations per row (jobs), and those at an aspect other than the project's. */
  jobs: number;
  nativeJobs: number;
  /** Batches a row generates whose price is unknown (counted as unpriced, never as free). */
  unpriced: number;
}

/** The cost of one row: each of its batches as generate.estimate plans it. */
export async function rowCost(batches: readonly GenerationBatch[], deps: MatrixEstimateDeps): Promise<RowCost> {
  const cost: RowCost = { perRow: 0, currency: 'USD', jobs: 0, nativeJobs: 0, unpriced: 0 };
  for (const b of batches) {
    if (b.shotIds.length === 0) continue;
    const e = await deps.estimate({ shotIds: b.shotIds, ...(b.aspect ? { aspect: b.aspect } : {}) });
    cost.perRow += e.total;
    cost.currency = e.currency;
    cost.jobs += e.jobs;
    cost.unpriced += e.unpriced;
    if (b.aspect) cost.nativeJobs += e.jobs;
  }
  return cost;
}

/** "2 at 16:9 (the clips), 2 at 9:16, 1 at 1:1" */
export function describeBatches(batches: readonly GenerationBatch[], projectAspect: Aspect): string {
  return batches
    .filter((b) => b.shotIds.length)
    .map((b) => `${b.shotIds.length} at ${b.aspect ?? `${projectAspect} (the clips)`}`)
    .join(', ');
}
