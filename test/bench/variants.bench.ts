/**
 * VAR-1: `storyboard variants --dry-run` over a 20-row × 3-aspect matrix (the BUILT CLI, a
 * process per run as a user runs it): read the CSV, open the template, plan 60 outputs, check
 * each row, estimate the matrix's cost and print the table. Absolute target <= 2 s. Baseline,
 * the least any command on the template does: `storyboard info --json` (start, open the
 * project, print it). Wall time beside the child processes' CPU time (steadier on a shared box).
 * `node test/bench/run.mjs variants` (BENCH_RUNS=n for more runs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from '../../electron/services/project/store.js';
import { INIT } from '../integration/project/fixtures.js';
import { interleaved, medians, report } from './lib.js';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
// run.mjs runs the bundle from a temp folder with the repository as the working directory.
const repo = process.cwd();
const cli = join(repo, 'out/cli/storyboard.cjs');
const root = mkdtempSync(join(tmpdir(), 'storyboard-bench-variants-'));

function run(args: string[]): void {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') },
  });
  if (r.status !== 0) throw new Error(`storyboard ${args[0]} exited ${r.status}: ${r.stderr}`);
}

async function main(): Promise<void> {
  if (!existsSync(cli)) execFileSync(process.execPath, ['build.mjs'], { cwd: repo, stdio: 'inherit' });
  const tpl = join(root, 'template');
  const store = ProjectStore.create(tpl, INIT);
  try {
    store.shots.add({ prompt: 'Packshot of {{product}}', durationFrames: 24 });
    store.shots.add({ prompt: '{{product}}: {{tagline}}', durationFrames: 48 });
    store.shots.add({ prompt: 'Only {{price}}. {{cta}}', durationFrames: 24 });
    for (const [name, value] of [
      ['product', 'Sample'],
      ['tagline', 'Sample tagline'],
      ['price', '$1'],
      ['cta', 'Buy now'],
    ] as const)
      store.template.set({ name, kind: 'text', value, assetId: null, firstFrameShotIds: [] });
  } finally {
    store.close();
  }
  const data = join(root, 'rows.csv');
  const rows = Array.from({ length: 20 }, (_, i) => `p${i},Product ${i},"Tagline ${i}, the best",$${i + 9},Buy ${i}`);
  writeFileSync(data, `id,product,tagline,price,cta\n${rows.join('\n')}\n`);
  const out = join(root, 'out');
  const aspects = ['--aspect', '16:9', '--aspect', '9:16', '--aspect', '1:1'];
  const samples = await interleaved(
    RUNS,
    () => run(['variants', tpl, '--data', data, '--out', out, ...aspects, '--dry-run']),
    () => run(['info', tpl, '--json']),
  );
  const m = medians(samples);
  report(
    {
      id: 'VAR-1',
      workload:
        'storyboard variants --dry-run: 20 rows × 3 aspects (60 outputs planned, estimate, table), one CLI process',
      ...m,
      targetRatio: 2 / m.baselineSec,
      note: `absolute target <= 2 s: median ${m.oursSec.toFixed(2)} s wall (max ${Math.max(...samples.ours.map((s) => s.wall)).toFixed(2)} s), CPU ${m.oursCpuSec?.toFixed(2) ?? '?'} s; baseline (storyboard info --json) ${m.baselineSec.toFixed(2)} s wall, CPU ${m.baselineCpuSec?.toFixed(2) ?? '?'} s; ${RUNS} runs`,
    },
    samples,
  );
}

void main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));
