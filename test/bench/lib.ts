/**
 * Shared bits for benchmarks (quality.md "Performance"): every number is a ratio against a
 * baseline measured in the same run, medians of interleaved runs. A bench reports rows; it
 * never fails because a target is missed.
 */
import { appendFileSync, readFileSync } from 'node:fs';

export interface BenchRow {
  id: string;
  workload: string;
  oursSec: number;
  baselineSec: number;
  /** The target as written in quality.md, e.g. 1.5 for "<= 1.5x" (an absolute target divided by the baseline). */
  targetRatio: number;
  /** CPU seconds of the ffmpeg processes (user + system), medians; less sensitive to machine load than wall time. */
  oursCpuSec?: number;
  baselineCpuSec?: number;
  note?: string;
}

/**
 * Whether a row is asked for: BENCH_ONLY unset (all), or a comma-separated list of row ids
 * (BENCH_ONLY=EXP-1,EXP-5); `also` names rows measured by the same function (EXP-3c with EXP-3).
 */
export function benchWanted(id: string, also: readonly string[] = []): boolean {
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return only.length === 0 || [id, ...also].some((x) => only.includes(x));
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/**
 * CPU seconds used by this process's finished children (Linux: cutime + cstime in
 * /proc/self/stat; the kernel adds a child's times when it is reaped, which Node does for
 * every child it spawned). null elsewhere.
 */
export function childCpuSec(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the ")" that closes the command name; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

export interface Sample {
  wall: number;
  cpu: number | null;
}

export async function measure(fn: () => unknown): Promise<Sample> {
  const cpu0 = childCpuSec();
  const t0 = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childCpuSec();
  return { wall, cpu: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null };
}

export interface Paired {
  ours: Sample[];
  baseline: Sample[];
}

/**
 * Runs `ours` and `baseline` `runs` times each, alternating which goes first so drift in
 * machine load (other processes on a shared 2-core box) hits both sides alike.
 */
export async function interleaved(runs: number, ours: () => unknown, baseline: () => unknown): Promise<Paired> {
  const o: Sample[] = [];
  const b: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      o.push(await measure(ours));
      b.push(await measure(baseline));
    } else {
      b.push(await measure(baseline));
      o.push(await measure(ours));
    }
  }
  return { ours: o, baseline: b };
}

/**
 * Calls `ours(i)` and `baseline(i)` for each of `runs` rounds, alternating which goes first so
 * drift in machine load hits both sides alike (for synchronous work timed by the caller).
 */
export function alternate(runs: number, ours: (i: number) => void, baseline: (i: number) => void): void {
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ours(i);
      baseline(i);
    } else {
      baseline(i);
      ours(i);
    }
  }
}

/** The row's times from paired samples (medians). */
export function medians(p: Paired): Pick<BenchRow, 'oursSec' | 'baselineSec' | 'oursCpuSec' | 'baselineCpuSec'> {
  const cpu = (s: Sample[]): number | undefined =>
    s.every((x) => x.cpu !== null) ? median(s.map((x) => x.cpu ?? 0)) : undefined;
  return {
    oursSec: median(p.ours.map((s) => s.wall)),
    baselineSec: median(p.baseline.map((s) => s.wall)),
    oursCpuSec: cpu(p.ours),
    baselineCpuSec: cpu(p.baseline),
  };
}

/** Prints the row and hands it to run.mjs (which writes results.md). */
export function report(row: BenchRow, samples?: Paired): void {
  const ratio = row.oursSec / row.baselineSec;
  const met = ratio <= row.targetRatio;
  console.log(
    `${row.id}: ${ratio.toFixed(2)}x  ours ${row.oursSec.toFixed(2)} s, baseline ${row.baselineSec.toFixed(3)} s, target <= ${row.targetRatio}x: ${met ? 'met' : 'NOT met'}`,
  );
  if (row.oursCpuSec !== undefined && row.baselineCpuSec !== undefined && row.baselineCpuSec > 0) {
    console.log(
      `  ffmpeg CPU: ours ${row.oursCpuSec.toFixed(2)} s, baseline ${row.baselineCpuSec.toFixed(2)} s (${(row.oursCpuSec / row.baselineCpuSec).toFixed(2)}x)`,
    );
  }
  if (samples) {
    const fmt = (s: Sample[]): string => s.map((x) => x.wall.toFixed(2)).join('/');
    console.log(`  wall runs: ours ${fmt(samples.ours)}, baseline ${fmt(samples.baseline)}`);
  }
  if (row.note) console.log(`  ${row.note}`);
  const file = process.env.BENCH_ROWS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}
