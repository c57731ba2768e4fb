/**
 * JOB-P (quality.md): 20 paid jobs polling a provider for ~30 s through the real queue
 * (generateShots -> runJob, the SQLite ProjectStore) against a fake cloud API in a separate
 * process (so its CPU is not ours). Reports the extra CPU of our process over an idle
 * baseline of the same length (target <= 1% of one core) and the polls per task per 5 s
 * (target <= 1). Run by test/bench/run.mjs; BENCH_JOBP_SEC shortens the window.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.js';
import { generateShots } from '../../electron/services/generation/jobs.js';
import type { QueueAdapter } from '../../electron/services/generation/ports.js';
import { ProjectStore } from '../../electron/services/project/store.js';
import { plainCapabilities } from '../fakes/capabilities.js';
import { report } from './lib.js';

const WINDOW_SEC = Math.max(10, Number(process.env.BENCH_JOBP_SEC ?? 30));
const JOBS = 20;

/** A provider API that accepts tasks and keeps them RUNNING; logs every poll with its time. */
const FAKE = `
const http = require('node:http');
let next = 1; const polls = {};
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/v1/tasks') { res.end(JSON.stringify({ id: 'task-' + next++ })); return; }
  const m = /^\\/v1\\/tasks\\/([^/]+)$/.exec(req.url);
  if (m) { (polls[m[1]] ??= []).push(Date.now()); res.end(JSON.stringify({ status: 'RUNNING', progress: 0.5 })); return; }
  if (req.url === '/__log') { res.end(JSON.stringify(polls)); return; }
  res.statusCode = 404; res.end('{}');
});
server.listen(0, '127.0.0.1', () => console.log('URL=http://127.0.0.1:' + server.address().port));
`;

async function startFake(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', FAKE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /URL=(\S+)/.exec(text);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error('fake provider exited')));
  });
  return { url, stop: () => child.kill() };
}

/** A cloud adapter as the real ones are written: one fetch per call, the documented 5 s policy. */
function httpProvider(url: string): QueueAdapter {
  return {
    id: 'benchcloud',
    label: 'Bench cloud',
    offline: false,
    maxConcurrent: JOBS,
    capabilities: plainCapabilities(),
    pollPolicy: { initialMs: 5000, maxMs: 10_000, factor: 1.2 },
    estimateCost: () => 0,
    async submit() {
      const res = await fetch(`${url}/v1/tasks`, { method: 'POST', body: '{}' });
      return { taskId: ((await res.json()) as { id: string }).id };
    },
    async poll(taskId) {
      const res = await fetch(`${url}/v1/tasks/${taskId}`);
      const body = (await res.json()) as { progress: number };
      return { state: 'running', progress: body.progress };
    },
    async fetchResult() {
      throw new AppError('PROVIDER_FAILED', 'never finishes in this bench');
    },
  };
}

const cpuSec = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const fake = await startFake();
  const dir = mkdtempSync(join(tmpdir(), 'storyboard-bench-jobs-'));
  try {
    // Baseline: this same process, idle, for the same window.
    const idle0 = process.cpuUsage();
    await sleep(WINDOW_SEC * 1000);
    const idleCpu = cpuSec(process.cpuUsage(idle0));

    const store = ProjectStore.create(join(dir, 'p'), {
      name: 'bench',
      aspect: '16:9',
      resolution: '720p',
      fps: { num: 24, den: 1 },
    });
    for (let i = 0; i < JOBS; i++) store.shots.add({ prompt: `shot ${i}`, durationFrames: 48 });
    const controller = new AbortController();
    let queued: () => void = () => {};
    const allQueued = new Promise<void>((r) => (queued = r));
    const batch = generateShots(
      {
        store,
        getProvider: () => httpProvider(fake.url),
        importFile: () => Promise.reject(new Error('unused')),
      },
      { signal: controller.signal, onQueued: () => queued() },
    );
    await allQueued;
    await sleep(1000); // creates done; measure steady polling
    const t0 = Date.now();
    const busy0 = process.cpuUsage();
    await sleep(WINDOW_SEC * 1000);
    const busyCpu = cpuSec(process.cpuUsage(busy0));
    const t1 = Date.now();
    controller.abort();
    await batch;
    store.close();

    const log = (await (await fetch(`${fake.url}/__log`)).json()) as Record<string, number[]>;
    const tasks = Object.values(log);
    const inWindow = tasks.map((ts) => ts.filter((t) => t >= t0 && t < t1).length);
    const perTaskPer5s = Math.max(...inWindow) / ((t1 - t0) / 1000 / 5);
    const gaps = tasks.flatMap((ts) => ts.slice(1).map((t, i) => t - (ts[i] as number)));
    const extra = Math.max(0, busyCpu - idleCpu);
    const pct = (extra / WINDOW_SEC) * 100;
    const note =
      `${tasks.length} tasks; extra CPU ${pct.toFixed(3)}% of one core (ours ${busyCpu.toFixed(3)} s, idle ${idleCpu.toFixed(3)} s over ${WINDOW_SEC} s); ` +
      `max polls per task per 5 s ${perTaskPer5s.toFixed(2)} (target <= 1); shortest gap between polls of one task ${(Math.min(...gaps) / 1000).toFixed(2)} s`;
    // Ratio = extra CPU seconds / the 1% budget in seconds: <= 1 means <= 1% CPU.
    report({
      id: 'JOB-P',
      workload: `${JOBS} jobs polling ${WINDOW_SEC} s`,
      oursSec: extra,
      baselineSec: WINDOW_SEC * 0.01,
      targetRatio: 1,
      note,
    });
  } finally {
    fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
