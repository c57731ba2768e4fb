/**
 * `storyboard generate` and `storyboard jobs`: the generation CLI over the same contract as
 * the UI. generate resumes the project's unfinished jobs first (inside generate.start), prints
 * the estimate before anything is sent, and refuses a batch over the budget cap (exit 1).
 */
import type { EventPayload, MethodInput, MethodOutput } from '../../shared/api/contract.js';
import type { AppServices } from '../services/app.js';
import { CliError } from './commands.js';
import { call, withProject } from './client.js';
import { Progress } from './progress.js';
import { isFinished, type JobState } from '../../shared/model/entities.js';

const isFinishedState = (s: JobState | undefined): boolean => s !== undefined && isFinished(s);

function amount(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new CliError(`--${flag} must be an amount >= 0 (got "${String(value)}")`);
  }
  return n;
}

function count(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16)
    throw new CliError(`--${flag} must be a whole number from 1 to 16 (got "${String(value)}")`);
  return n;
}

const money = (n: number, currency: string): string => `${n.toFixed(2)} ${currency}`;

export function formatEstimate(e: MethodOutput<'generate.estimate'>): string {
  const per = e.perProvider.map(
    (p) =>
      `${p.provider} ${p.jobs} job(s) ${money(p.total, e.currency)}${p.unpriced ? ` (+${p.unpriced} unpriced)` : ''}`,
  );
  const cap =
    e.budgetCap === null
      ? 'no budget cap'
      : `budget cap ${money(e.budgetCap, e.currency)}, ${money(e.committed, e.currency)} already spent or under way`;
  return `Estimate: ${e.jobs} job(s), about ${money(e.total, e.currency)} [${per.join('; ')}]; ${cap}\n`;
}

export async function cmdGenerate(dir: string, v: Record<string, unknown>): Promise<number> {
  const shotIds = Array.isArray(v.shot) ? (v.shot as string[]) : undefined;
  const providers = Array.isArray(v.provider) ? (v.provider as string[]) : [];
  const variations = count('variations', v.variations);
  const budget = amount('budget', v.budget);
  const batch = {
    ...(shotIds ? { shotIds } : {}),
    ...(providers.length === 1 ? { provider: providers[0] } : providers.length > 1 ? { providers } : {}),
    ...(typeof v.model === 'string' ? { model: v.model } : {}),
    ...(variations ? { variations } : {}),
    ...(v['new-seed'] ? { seed: 'new' as const } : {}),
    ...(v.restyle ? { restyle: true } : {}),
  };
  return withProject(dir, async (services) => {
    if (budget !== undefined) {
      await call(services, 'project.setBudget', { budgetCap: budget });
      process.stderr.write(`Budget cap set to ${budget.toFixed(2)}.\n`);
    }
    // --multi-shot: the chosen shots (default: every shot) as ONE generation (shared/api/multiShot.ts).
    const multi = v['multi-shot']
      ? {
          shotIds: shotIds ?? (await call(services, 'project.current', {}))?.shots.map((s) => s.id) ?? [],
          ...(providers.length === 1 ? { provider: providers[0] as string } : {}),
          ...(typeof v.model === 'string' ? { model: v.model } : {}),
        }
      : null;
    const estimate = multi
      ? await call(services, 'multiShot.estimate', multi)
      : await call(services, 'generate.estimate', batch);
    process.stderr.write(formatEstimate(estimate));
    if (estimate.overBudget) {
      throw new CliError(
        `refused: the batch (about ${money(estimate.total, estimate.currency)}) would go over the budget cap; nothing was sent. ` +
          'Raise it with --budget <amount> or generate fewer shots.',
        1,
      );
    }
    const progress = new Progress('generate');
    const run = await startAndWait(
      services,
      async () => (multi ? call(services, 'multiShot.start', multi) : call(services, 'generate.start', batch)),
      (p) => progress.job(p),
    );
    if (!run) {
      process.stderr.write('Nothing to generate: every shot already has a take or a job under way.\n');
      return 0;
    }
    progress.end();
    const failed = run.jobIds.map((id) => run.states.get(id)).filter((s) => s && s.state !== 'succeeded');
    for (const f of failed) process.stderr.write(`Shot ${f?.shotId}: ${f?.state}${f?.error ? `: ${f.error}` : ''}\n`);
    const ledger = await call(services, 'jobs.ledger', {});
    process.stderr.write(
      `Generated ${run.jobIds.length - failed.length} of ${run.jobIds.length} job(s). Project spend: ${money(ledger.totals.actual, ledger.currency)}.\n`,
    );
    return failed.length ? 1 : 0;
  });
}

/**
 * Starts a batch and waits until each of its jobs is finished; null when nothing was started.
 * Events are the fast path; the job table is the truth (covers a missed event).
 */
export async function startAndWait(
  services: AppServices,
  start: MethodInput<'generate.start'> | (() => Promise<{ jobIds: string[] }>),
  onProgress: (p: EventPayload<'job.progress'>) => void = () => {},
): Promise<{ jobIds: string[]; states: Map<string, EventPayload<'job.progress'>> } | null> {
  const states = new Map<string, EventPayload<'job.progress'>>();
  let wake = (): void => {};
  const off = services.on('job.progress', (p) => {
    states.set(p.jobId, p);
    onProgress(p);
    wake();
  });
  try {
    const { jobIds } = typeof start === 'function' ? await start() : await call(services, 'generate.start', start);
    if (jobIds.length === 0) return null;
    const done = (): boolean => jobIds.every((id) => isFinishedState(states.get(id)?.state));
    while (!done()) {
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 1000);
      });
      for (const job of await call(services, 'jobs.list', {})) {
        if (jobIds.includes(job.id) && isFinished(job.state)) {
          states.set(job.id, {
            jobId: job.id,
            shotId: job.shotId,
            state: job.state,
            progress: job.progress,
            error: job.error,
          });
        }
      }
    }
    return { jobIds, states };
  } finally {
    off();
  }
}

export async function cmdJobs(dir: string, v: Record<string, unknown>): Promise<number> {
  return withProject(dir, async (services) => {
    const jobs = await call(services, 'jobs.list', {});
    const ledger = await call(services, 'jobs.ledger', {});
    if (v.json) {
      const out = jobs.map((j) => ({
        id: j.id,
        shotId: j.shotId,
        provider: j.provider,
        model: j.model,
        state: j.state,
        taskId: j.taskId,
        costEstimate: j.costEstimate,
        costActual: j.costActual,
        error: j.error,
        takeId: j.takeId,
        createdAt: j.createdAt,
      }));
      process.stdout.write(
        `${JSON.stringify({ jobs: out, totals: ledger.totals, currency: ledger.currency, budgetCap: ledger.budgetCap }, null, 2)}\n`,
      );
      return 0;
    }
    const cost = (n: number | null): string => (n === null ? '-' : n.toFixed(2));
    const lines = jobs.map((j) =>
      [
        j.id.slice(0, 8),
        j.state.padEnd(11),
        j.provider.padEnd(10),
        (j.taskId ?? '-').padEnd(24),
        `est ${cost(j.costEstimate)}`,
        `actual ${cost(j.costActual)}`,
        j.error ? `  ${j.error}` : '',
      ].join('  '),
    );
    lines.push(
      `Total: estimated ${money(ledger.totals.estimated, ledger.currency)}, actual ${money(ledger.totals.actual, ledger.currency)}` +
        (ledger.budgetCap === null ? '' : `, budget cap ${money(ledger.budgetCap, ledger.currency)}`),
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}
