/**
 * `storyboard variants <template-dir> --data <rows.csv|rows.json> --out <folder>
 * [--aspect <ratio>]... [--name <pattern>] [--budget <amount>] [--quality draft|standard|high]
 * [--dry-run]`: the variant matrix. One project per row (a copy of the template whose media are
 * hard links to the template's files: no byte duplicated) with the row's values, generated and
 * exported once per aspect through the delivery code. Each changed shot is generated again at
 * every output aspect its model makes natively; where it cannot, that aspect is reframed from
 * the nearest aspect made anyway, and the plan, progress and summary say so
 * (services/variants/matrixEstimate.ts, shared/template/matrix.ts). Before anything is copied or sent: the plan, the
 * cost of the whole matrix and the budget check. A row with a missing value is reported and
 * skipped; outputs already written are skipped (a rerun finishes only what is missing).
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Aspect } from '../../shared/model/format.js';
import { formatTable, parseAspect, planMatrix, type VariantPlan } from '../../shared/template/matrix.js';
import { describeUnresolved, resolveTemplate } from '../../shared/template/variables.js';
import { createAppServices } from '../services/app.js';
import {
  describeBatches,
  matrixOverBudget,
  rowCost,
  shotModels,
  type MatrixEstimateDeps,
} from '../services/variants/matrixEstimate.js';
import { readRows } from '../services/variants/rows.js';
import { rememberSharedMedia } from '../services/variants/sharedMedia.js';
import { rememberVariantsRun } from '../services/variants/runs.js';
import { defaultConfigDir } from '../services/settings/store.js';
import { call } from './client.js';
import { CliError } from './commands.js';
import { exportOne, generateRow, type Quality } from './variantRow.js';

type Result = { row: VariantPlan; aspect: Aspect | '-'; status: string; file: string; note: string };
/** What the review grid and the summary mark per output (kept across reruns in variants.json). */
type Review = 'pending' | 'approved' | 'rejected';

const MANIFEST = 'variants.json';
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

class Bar {
  private done = 0;
  constructor(private readonly total: number) {}
  step(label: string): void {
    this.done++;
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    process.stderr.write(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} ${label}\n`);
  }
}

async function readManifest(out: string): Promise<Record<string, { review: Review }>> {
  try {
    return JSON.parse(await readFile(join(out, MANIFEST), 'utf8')) as Record<string, { review: Review }>;
  } catch {
    return {};
  }
}

export async function cmdVariants(templateDir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.data !== 'string' || !v.data) throw new CliError('variants: --data <rows.csv|rows.json> is required');
  if (typeof v.out !== 'string' || !v.out) throw new CliError('variants: --out <folder> is required');
  const aspects = list(v.aspect).map((raw) => {
    const a = parseAspect(raw);
    if (!a) throw new CliError(`variants: --aspect must be one of 16:9, 9:16, 1:1, 4:5, 21:9 (got "${raw}")`);
    return a;
  });
  const quality = (v.quality ?? 'standard') as Quality;
  if (!['draft', 'standard', 'high'].includes(quality))
    throw new CliError(`variants: --quality must be draft, standard or high (got "${String(v.quality)}")`);
  const budgetFlag = v.budget === undefined ? undefined : Number(v.budget);
  if (budgetFlag !== undefined && (!Number.isFinite(budgetFlag) || budgetFlag < 0))
    throw new CliError(`variants: --budget must be an amount >= 0 (got "${String(v.budget)}")`);
  const dataFile = resolve(v.data);
  const out = resolve(v.out);
  const rows = await readRows(dataFile).catch((err: Error) => {
    throw new CliError(`variants: ${err.message}`, 1);
  });
  const services = createAppServices({ host: 'cli' });
  try {
    const template = await call(services, 'project.open', { dir: resolve(templateDir) });
    const variables = template.templateVariables ?? [];
    if (variables.length === 0)
      throw new CliError(
        'variants: the template has no variables; define some with `storyboard template <dir> --set name=value`',
        1,
      );
    const deps: MatrixEstimateDeps = {
      preview: (shotId) => call(services, 'preview.video', { shotId }),
      estimate: (input) => call(services, 'generate.estimate', input),
    };
    const shots = await shotModels(template, deps).catch((err: Error) => {
      throw new CliError(`variants: ${err.message}`, 1);
    });
    let plan;
    try {
      plan = planMatrix({
        rows,
        variables,
        aspects,
        projectAspect: template.project.aspect,
        shots,
        ...(typeof v.name === 'string' ? { pattern: v.name } : {}),
      });
    } catch (err) {
      throw new CliError(`variants: ${(err as Error).message}`);
    }
    // Pictures are files beside the data file (or absolute); a missing one skips its row.
    const base = dirname(dataFile);
    const problems = new Map<string, string>();
    for (const row of plan.variants) {
      if (row.missing.length) problems.set(row.rowId, `missing ${row.missing.map((n) => `{{${n}}}`).join(', ')}`);
      for (const [name, file] of Object.entries(row.pictures)) {
        row.pictures[name] = resolve(base, file);
        if (!problems.has(row.rowId) && !existsSync(row.pictures[name]))
          problems.set(row.rowId, `{{${name}}}: no file ${file}`);
      }
    }
    const isDone = (row: VariantPlan): boolean => row.outputs.every((o) => existsSync(join(out, o.fileName)));
    const toRun = plan.variants.filter((r) => !problems.has(r.rowId) && !isDone(r));

    // The cost of the whole matrix, before anything is copied or sent: every batch of one row
    // (the clips, then each native aspect) × the rows to run.
    const unresolved = resolveTemplate(template).unresolved;
    let cost = { perRow: 0, currency: 'USD', jobs: 0, nativeJobs: 0, unpriced: 0 };
    if (toRun.length && shots.length) {
      cost = await rowCost(plan.batches, deps).catch((err: Error) => {
        throw new CliError(
          `variants: the estimate needs the template's sample values (${unresolved.length ? describeUnresolved(unresolved) : err.message})`,
          1,
        );
      });
    }
    const { perRow, currency } = cost;
    const ledger = await call(services, 'jobs.ledger', {});
    const cap = budgetFlag ?? ledger.budgetCap;
    const total = perRow * toRun.length;
    process.stderr.write(
      `Matrix: ${plan.variants.length} row(s) × ${plan.variants[0]?.outputs.length ?? 0} aspect(s); ${toRun.length} row(s) to make, ` +
        `${shots.length} shot(s) each. Estimate: ${total.toFixed(2)} ${currency} (${perRow.toFixed(2)} per row)` +
        `${cap === null ? ', no budget cap' : `, budget ${cap.toFixed(2)} ${currency}`}.\n`,
    );
    if (shots.length)
      process.stderr.write(
        `Generations per row: ${cost.jobs || shots.length} (${describeBatches(plan.batches, template.project.aspect)})` +
          `${cost.unpriced ? `; ${cost.unpriced} without a known price (not in the estimate)` : ''}.\n`,
      );
    for (const o of plan.variants[0]?.outputs ?? [])
      if (o.reframeNote) process.stderr.write(`  ${o.aspect}: ${o.reframeNote}\n`);
    if (plan.unusedColumns.length)
      process.stderr.write(`Columns that name no variable (ignored): ${plan.unusedColumns.join(', ')}\n`);
    if (plan.fromTemplate.length)
      process.stderr.write(`Variables no column gives (the template's value): ${plan.fromTemplate.join(', ')}\n`);
    if (cap !== null && total > cap + 1e-9)
      throw new CliError(`variants: refused: ${matrixOverBudget(total, cap, currency).message}`, 1);

    const manifest = await readManifest(out);
    const results: Result[] = [];
    const doneBefore = new Set(plan.variants.filter(isDone).map((r) => r.rowId));
    if (!v['dry-run']) {
      const bar = new Bar(toRun.length * (plan.variants[0]?.outputs.length ?? 1));
      // The template's media files get more hard links: trusted there and in `out` (project/paths.ts).
      rememberSharedMedia(defaultConfigDir(), [resolve(templateDir), out]);
      // Copies first, while the template is open (its database through the backup API).
      for (const row of toRun) {
        const dir = join(out, 'projects', row.rowId);
        if (!existsSync(join(dir, 'project.db'))) await services.handlers['project.saveCopy']({ dir, linkMedia: true });
      }
      for (const row of toRun) {
        const dir = join(out, 'projects', row.rowId);
        try {
          await call(services, 'project.open', { dir });
          await call(services, 'template.setValues', {
            text: row.text,
            pictures: Object.fromEntries(Object.entries(row.pictures).map(([n, path]) => [n, { path }])),
          });
          await generateRow(services, dir, plan.batches, JSON.stringify([row.text, row.pictures]), (line) =>
            process.stderr.write(`${row.rowId}: ${line}\n`),
          );
          for (const o of row.outputs) {
            const target = join(out, o.fileName);
            if (existsSync(target)) {
              results.push({ row, aspect: o.aspect, status: 'skipped: done', file: o.fileName, note: '' });
            } else {
              await exportOne(services, target, o.aspect, quality);
              results.push({ row, aspect: o.aspect, status: 'written', file: o.fileName, note: o.reframeNote ?? '' });
            }
            const reframed = o.shots.filter((x) => x.how === 'reframe');
            const how = reframed.length
              ? `${reframed.length} shot(s) reframed from ${[...new Set(reframed.map((x) => x.from))].join(', ')}`
              : o.shots.length
                ? 'native'
                : '';
            bar.step(`${row.rowId} ${o.aspect}${how ? ` (${how})` : ''}`);
          }
        } catch (err) {
          results.push({ row, aspect: '-', status: 'failed', file: '', note: (err as Error).message });
        }
      }
    }
    for (const row of plan.variants) {
      if (problems.has(row.rowId)) {
        results.push({ row, aspect: '-', status: 'skipped', file: '', note: problems.get(row.rowId) ?? '' });
        process.stderr.write(`Row ${row.rowNumber} (${row.rowId}) skipped: ${problems.get(row.rowId)}\n`);
      } else if (doneBefore.has(row.rowId)) {
        for (const o of row.outputs)
          results.push({ row, aspect: o.aspect, status: 'skipped: done', file: o.fileName, note: '' });
      } else if (v['dry-run']) {
        for (const o of row.outputs)
          results.push({ row, aspect: o.aspect, status: 'would write', file: o.fileName, note: o.reframeNote ?? '' });
      }
    }
    results.sort((a, b) => a.row.rowNumber - b.row.rowNumber || String(a.aspect).localeCompare(String(b.aspect)));
    const review = (file: string): Review => (file ? (manifest[file]?.review ?? 'pending') : 'pending');
    process.stdout.write(
      `${formatTable(
        ['row', 'id', 'aspect', 'result', 'file', 'review', 'note'],
        results.map((r) => [
          String(r.row.rowNumber),
          r.row.rowId,
          r.aspect,
          r.status,
          r.file,
          r.file ? review(r.file) : '',
          r.note,
        ]),
      )}\n`,
    );
    const failed = results.filter((r) => r.status === 'failed').length;
    const skipped = plan.variants.filter((r) => problems.has(r.rowId)).length;
    process.stderr.write(
      `${results.filter((r) => r.status === 'written').length} written, ${results.filter((r) => r.status === 'skipped: done').length} already done, ${skipped} row(s) skipped, ${failed} failed.\n`,
    );
    if (!v['dry-run']) {
      const next: Record<string, unknown> = { ...manifest };
      for (const r of results)
        if (r.file && existsSync(join(out, r.file)))
          next[r.file] = {
            row: r.row.rowNumber,
            id: r.row.rowId,
            aspect: r.aspect,
            values: { ...r.row.text, ...r.row.pictures },
            review: review(r.file),
          };
      const tmp = join(out, `.${MANIFEST}.tmp`);
      await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
      await rename(tmp, join(out, MANIFEST));
      // The app's review grid opens this folder as the template's last run (services/variants/runs.ts).
      rememberVariantsRun(defaultConfigDir(), resolve(templateDir), out);
    }
    return failed ? 1 : 0;
  } finally {
    await services.close();
  }
}
