/**
 * One row of `storyboard variants` (variants.ts): its shots generated where its values change
 * them (once per values, recorded in the row's variant.json), and one export per aspect through
 * the delivery code, waited for by its run id.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeliveryProgress } from '../../shared/api/delivery.js';
import type { Aspect } from '../../shared/model/format.js';
import type { GenerationBatch } from '../../shared/template/matrix.js';
import type { AppServices } from '../services/app.js';
import { call } from './client.js';
import { CliError } from './commands.js';
import { startAndWait } from './generate.js';

export type Quality = 'draft' | 'standard' | 'high';

export async function exportOne(
  services: AppServices,
  outPath: string,
  aspect: Aspect,
  quality: Quality,
): Promise<void> {
  let finish: (p: DeliveryProgress) => void = () => {};
  const finished = new Promise<DeliveryProgress>((r) => (finish = r));
  let runId: string | null = null;
  const early: DeliveryProgress[] = [];
  const off = services.on('delivery.progress', (p) => {
    if (p.state === 'running') return;
    if (runId === null) early.push(p);
    else if (p.runId === runId) finish(p);
  });
  try {
    ({ runId } = await call(services, 'delivery.start', { out: outPath, aspects: [aspect], quality }));
    const seen = early.find((p) => p.runId === runId);
    const result = seen ?? (await finished);
    if (result.state !== 'succeeded') throw new CliError(`export ${aspect}: ${result.error ?? result.state}`, 1);
  } finally {
    off();
  }
}

/**
 * Generates what the row's values change: the shots' clips at the project's aspect (selected),
 * then each native aspect's takes (never selected; the export at that aspect uses them). Once
 * per values: variant.json in the row's project records which batches are done.
 */
export async function generateRow(
  services: AppServices,
  dir: string,
  batches: readonly GenerationBatch[],
  key: string,
  say: (line: string) => void,
): Promise<void> {
  const marker = join(dir, 'variant.json');
  const prev = JSON.parse((await readFile(marker, 'utf8').catch(() => '')) || '{}') as {
    values?: string;
    aspects?: string[];
  };
  const done = new Set(prev.values === key ? (prev.aspects ?? ['project']) : []);
  for (const b of batches) {
    const name = b.aspect ?? 'project';
    if (done.has(name) || b.shotIds.length === 0) continue;
    say(`generating ${b.shotIds.length} shot(s) at ${b.aspect ? `${b.aspect} (native)` : "the project's aspect"}`);
    const run = await startAndWait(services, { shotIds: b.shotIds, ...(b.aspect ? { aspect: b.aspect } : {}) });
    for (const id of run?.jobIds ?? []) {
      const job = (await call(services, 'jobs.list', {})).find((j) => j.id === id);
      if (!job || job.state !== 'succeeded' || !job.takeId)
        throw new CliError(
          `generation of shot ${job?.shotId ?? id}${b.aspect ? ` at ${b.aspect}` : ''}: ${job?.state ?? 'missing'} ${job?.error ?? ''}`,
          1,
        );
      if (!b.aspect) await call(services, 'shots.selectTake', { shotId: job.shotId, takeId: job.takeId });
    }
    done.add(name);
    await writeFile(marker, JSON.stringify({ values: key, aspects: [...done] }), 'utf8');
  }
}
