// `npm run bench`: bundles every test/bench/*.bench.ts with esbuild into a temp .cjs (same
// settings as build.mjs, so the code measured is the code shipped), runs each in its own Node
// process one after the other, and writes test/bench/results.md from the rows they report.
// Benchmarks report; they never fail on a missed target (quality.md "Performance"). A bench
// that crashes does exit non-zero: that is a bug, not noise.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
// `export` and `delivery` are one suite: each name runs export.bench.ts (EXP-1, EXP-3, EXP-4)
// and delivery.bench.ts (EXP-2, EXP-5), so either prints EXP-1/3/4/5 with CPU beside wall time
// and the same-run baselines; BENCH_ONLY=EXP-1,EXP-3,EXP-4,EXP-5 leaves out EXP-2.
const SUITES = { export: ['export', 'delivery'], delivery: ['export', 'delivery'] };
const only = process.argv.slice(2).flatMap((o) => SUITES[o] ?? [o]);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const work = mkdtempSync(join(tmpdir(), 'storyboard-bench-run-'));
const rowsFile = join(work, 'rows.jsonl');
writeFileSync(rowsFile, '');
let crashed = false;
try {
  for (const bench of benches) {
    const outfile = join(work, bench.replace(/\.ts$/, '.cjs'));
    await build({
      entryPoints: [join(here, bench)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron', 'better-sqlite3', 'fluent-ffmpeg', 'ffmpeg-static'],
      logLevel: 'warning',
      define: { 'import.meta.url': '__import_meta_url' },
      banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
    });
    console.log(`\n== ${bench}`);
    const r = spawnSync(process.execPath, [outfile], {
      stdio: 'inherit',
      // The bundle lives in a temp folder: let it find the external packages in ours.
      env: { ...process.env, NODE_PATH: join(repo, 'node_modules'), BENCH_ROWS_FILE: rowsFile },
    });
    if (r.status !== 0) {
      crashed = true;
      console.error(`${bench} crashed (exit ${r.status ?? r.signal})`);
    }
  }
  const rows = readFileSync(rowsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  writeResults(rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = crashed ? 1 : 0;

function ffmpegVersion() {
  const r = spawnSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-version'], { encoding: 'utf8' });
  return (r.stdout ?? '').split('\n')[0]?.replace(/ Copyright.*/, '') ?? 'unknown';
}

function writeResults(rows) {
  const file = join(here, 'results.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  // Rows of benches not run this time (a filtered run) are kept from the previous file.
  const ran = new Set(rows.map((r) => r.id));
  const kept = previous.split('\n').filter((l) => /^\| [A-Z]+-\w+ \|/.test(l) && !ran.has(l.split('|')[1].trim()));
  const line = (r) => {
    const ratio = r.oursSec / r.baselineSec;
    const cpu =
      r.oursCpuSec !== undefined && r.baselineCpuSec > 0
        ? `${r.oursCpuSec.toFixed(2)} / ${r.baselineCpuSec.toFixed(2)} (${(r.oursCpuSec / r.baselineCpuSec).toFixed(2)}x)`
        : 'n/a';
    return `| ${r.id} | ${r.workload} | ${r.oursSec.toFixed(2)} | ${r.baselineSec.toFixed(3)} | ${ratio.toFixed(2)}x | <= ${r.targetRatio}x | ${ratio <= r.targetRatio ? 'yes' : '**no**'} | ${cpu} | ${r.note ?? ''} |`;
  };
  const body = [...kept, ...rows.map(line)].sort();
  const text = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (test/bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `Node ${process.versions.node}, ${ffmpegVersion()}. Each time is the median of interleaved runs; the ratio is ours / baseline, ` +
      'both measured in the same run (quality.md "Performance"). The CPU column (user + system seconds of the ffmpeg processes) ' +
      'is steadier than wall time when other work shares the machine. Benchmarks report; they do not fail CI.',
    '',
    '| ID | Workload | Ours (s) | Baseline (s) | Ratio | Target | Met? | ffmpeg CPU s, ours / baseline | Notes |',
    '|---|---|---|---|---|---|---|---|---|',
    ...body,
    '',
  ].join('\n');
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  console.log(`\nwrote ${file}`);
}
