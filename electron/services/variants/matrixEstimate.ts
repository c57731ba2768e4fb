/**
 * The variant matrix before anything is copied or sent: which shots each row generates and
 * with which model (as generate.start would plan them), per output aspect whether each shot is
 * generated natively or reframed (shared/template/matrix.ts planAspects), and the cost of the
 * whole matrix: every batch a row generates (the project's aspect, then each native aspect)
 * estimated as generate.estimate plans it, times the rows still to make. Deps are the contract
 * calls, so the CLI and the app estimate alike.
 */
import type { BatchEstimate } from '../../../shared/api/generation.js';
import type { MatrixEstimate } from '../../../shared/api/variants.js';
import { keyedError, type AppError } from '../../../shared/errors.js';
import { modelCapabilities } from '../../../shared/generation/capabilities.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import type { Aspect } from '../../../shared/model/format.js';
import { referencedNames } from '../../../shared/template/variables.js';
import { planMatrix, type DataRow, type GenerationBatch, type ShotModel } from '../../../shared/template/matrix.js';
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

/** The refusal of a matrix over the budget: the CLI prints it, the app translates it (svc.variants.overBudget). */
export function matrixOverBudget(total: number, cap: number, currency: string): AppError {
  const params = { total: total.toFixed(2), cap: cap.toFixed(2), currency };
  return keyedError(
    'FORBIDDEN',
    'svc.variants.overBudget',
    params,
    `The variant matrix (about ${params.total} ${currency}) is over the budget (${params.cap} ${currency}); nothing was copied or sent.`,
  );
}

/**
 * variants.estimate: the open template's matrix over `rows` × `aspects`, its cost (rows with a
 * missing value skipped), refused over the budget; nothing copied, written or sent.
 */
export async function estimateMatrix(
  snap: ProjectSnapshot,
  rows: readonly DataRow[],
  input: { aspects: readonly Aspect[]; name?: string; budgetCap: number | null },
  deps: MatrixEstimateDeps,
): Promise<MatrixEstimate> {
  const shots = await shotModels(snap, deps);
  const plan = planMatrix({
    rows,
    variables: snap.templateVariables ?? [],
    aspects: input.aspects,
    projectAspect: snap.project.aspect,
    shots,
    ...(input.name ? { pattern: input.name } : {}),
  });
  const runnable = plan.variants.filter((v) => v.missing.length === 0);
  const cost = runnable.length && shots.length ? await rowCost(plan.batches, deps) : null;
  const perRow = cost?.perRow ?? 0;
  const currency = cost?.currency ?? 'USD';
  const total = perRow * runnable.length;
  if (input.budgetCap !== null && total > input.budgetCap + 1e-9)
    throw matrixOverBudget(total, input.budgetCap, currency);
  return {
    rows: plan.variants.length,
    skipped: plan.variants.length - runnable.length,
    outputs: runnable.length * input.aspects.length,
    generationsPerRow: cost?.jobs ?? 0,
    perRow,
    total,
    currency,
    budgetCap: input.budgetCap,
    notes: (plan.variants[0]?.outputs ?? []).flatMap((o) =>
      o.reframeNote ? [{ aspect: o.aspect, note: o.reframeNote }] : [],
    ),
  };
}
