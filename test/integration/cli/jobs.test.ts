/**
 * JOB-1/2/10 through the BUILT CLI against the ComfyUI fake (running in this process, so it
 * outlives the client): `storyboard generate` is killed with SIGKILL at many points around
 * create and polling, then run again until done. Each shot must end with exactly the takes
 * asked for, and the fake must have accepted exactly one create per take.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import type { FakeComfy } from '../../fakes/comfyui.js';
import { startFakeComfy } from '../../fakes/comfyui.js';
import { CLI, ensureBuilt } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { spawn, spawnSync } from 'node:child_process';

const root = tempDir();
let fake: FakeComfy;

beforeAll(async () => {
  ensureBuilt();
  fake = await startFakeComfy({ runMs: 1200, steps: 4 });
});
afterAll(() => fake.close());

function env(configDir: string): NodeJS.ProcessEnv {
  return { ...process.env, STORYBOARD_COMFYUI_BASE_URL: fake.url, STORYBOARD_CONFIG_DIR: configDir };
}

function cli(args: string[], configDir: string) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, env: env(configDir) });
}

/** Runs the CLI without blocking this process: the fake ComfyUI lives in it and must answer. */
function cliAsync(
  args: string[],
  configDir: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: env(configDir) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function ok(args: string[], configDir: string): string {
  const r = cli(args, configDir);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

function makeProject(name: string, shots: number, configDir: string): { dir: string; shotIds: string[] } {
  const dir = join(root, name);
  ok(['new', dir, '--name', name, '--resolution', '720p'], configDir);
  const shotIds = Array.from({ length: shots }, (_, i) =>
    ok(['add-shot', dir, '--prompt', `镜头 ${i} "quoted" 100%`, '--duration', '1'], configDir),
  );
  return { dir, shotIds };
}

/** Deterministic kill points (ms after start), spread over startup, create and polling. */
const KILL_POINTS = [300, 800, 1300, 2000, 3200, 6000];

describe('kill -9 of storyboard generate (JOB-1/2)', () => {
  it('every shot ends with exactly the takes asked for, one create per take, no duplicates', async () => {
    const configDir = join(root, 'config kill');
    const { dir, shotIds } = makeProject('kill project', 3, configDir);
    fake.reset();
    fake.set({ runMs: 1200, steps: 4 });
    const args = ['generate', dir, '--provider', 'comfyui', '--variations', '2'];
    const interrupted: string[][] = [];
    for (const at of KILL_POINTS) {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore', env: env(configDir) });
      const exited = new Promise((r) => child.once('exit', r));
      await Promise.race([new Promise((r) => setTimeout(r, at)), exited]);
      child.kill('SIGKILL');
      await exited;
      const s = ProjectStore.open(dir);
      interrupted.push(
        s
          .listJobs()
          .map((j) => j.state)
          .filter((st) => st !== 'succeeded'),
      );
      s.close();
    }
    // The kills really cut work short: jobs were left mid-flight (control: the test can fail).
    expect(
      interrupted.some((states) =>
        states.some((st) => ['submitting', 'submitted', 'running', 'downloading', 'queued', 'unknown'].includes(st)),
      ),
    ).toBe(true);
    expect(fake.creates).toBeGreaterThan(0);
    // Runs until nothing is left (a run that finished everything exits 0 with nothing to do).
    let last = await cliAsync(args, configDir);
    for (let i = 0; i < 3 && !/Nothing to generate/.test(last.stderr); i++) last = await cliAsync(args, configDir);
    expect(last.stderr).toMatch(/Nothing to generate/);
    // A kill inside a send leaves `unknown` when the provider cannot say the task is absent:
    // never re-sent automatically. The user's explicit retry (one take, that shot) fills it.
    const unknownShots = (): string[] => {
      const s = ProjectStore.open(dir);
      try {
        return s
          .listJobs({ states: ['unknown'] })
          .filter((j) => !fake.createdIds.includes(j.id))
          .map((j) => j.shotId);
      } finally {
        s.close();
      }
    };
    const retried = unknownShots();
    for (const shotId of retried) {
      const r = await cliAsync(['generate', dir, '--provider', 'comfyui', '--shot', shotId], configDir);
      expect(r.status, r.stderr).toBe(0);
    }

    const store = ProjectStore.open(dir);
    try {
      const jobs = store.listJobs();
      const takes = store.snapshot().takes;
      const created = fake.createdIds;
      // ComfyUI prompt ids are our job ids: a duplicate id would be a second paid create.
      expect(new Set(created).size).toBe(created.length);
      const succeeded = jobs.filter((j) => j.state === 'succeeded');
      // Unknown is allowed only for a job the provider truly never accepted.
      const left = jobs.filter((j) => j.state !== 'succeeded');
      for (const j of left) {
        expect(['unknown', 'canceled']).toContain(j.state);
        expect(created).not.toContain(j.id);
      }
      expect(created.sort()).toEqual(succeeded.map((j) => j.id).sort());
      expect(left.filter((j) => j.state === 'unknown')).toHaveLength(retried.length);
      expect(takes).toHaveLength(succeeded.length);
      for (const shotId of shotIds) {
        const why = JSON.stringify({
          jobs: jobs.filter((j) => j.shotId === shotId).map((j) => [j.state, j.error]),
          interrupted,
        });
        expect(
          takes.filter((t) => t.shotId === shotId),
          why,
        ).toHaveLength(2);
      }
      expect(new Set(takes.map((t) => t.jobId)).size).toBe(takes.length);
    } finally {
      store.close();
    }
    const listed = JSON.parse(ok(['jobs', dir, '--json'], configDir)) as {
      jobs: { state: string; taskId: string | null; provider: string }[];
    };
    expect(listed.jobs.filter((j) => j.state === 'succeeded').every((j) => j.provider === 'comfyui' && j.taskId)).toBe(
      true,
    );
  });
});

describe('budget through the CLI (JOB-10)', () => {
  it('over budget: prints the estimate, refuses with exit 1, and the fake sees zero creates', async () => {
    const configDir = join(root, 'config budget');
    mkdirSync(configDir, { recursive: true });
    // A price for the (free) local provider, so the batch costs something.
    writeFileSync(
      join(configDir, 'settings.json'),
      JSON.stringify({ version: 1, priceOverrides: [{ provider: 'comfyui', model: '*', perSecond: 1 }] }),
    );
    const { dir } = makeProject('budget project', 3, configDir);
    fake.reset();
    const r = await cliAsync(['generate', dir, '--provider', 'comfyui', '--budget', '2.5'], configDir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Estimate: 3 job\(s\), about 3\.00 USD/);
    expect(r.stderr).toMatch(/refused: .* over the budget cap; nothing was sent/);
    expect(fake.creates).toBe(0);
    expect(fake.requests.filter((q) => q.path.startsWith('/prompt'))).toHaveLength(0);
    const jobs = JSON.parse(ok(['jobs', dir, '--json'], configDir)) as { jobs: unknown[]; budgetCap: number };
    expect(jobs).toMatchObject({ jobs: [], budgetCap: 2.5 });
    // Within the cap the same batch runs.
    const r2 = await cliAsync(['generate', dir, '--provider', 'comfyui', '--budget', '3'], configDir);
    expect(r2.stderr).toMatch(/Generated 3 of 3 job\(s\)\. Project spend: 3\.00 USD\./);
    expect(r2.status).toBe(0);
    expect(fake.creates).toBe(3);
  });
});

describe('provider trouble through the CLI (JOB-3/4/6)', () => {
  it('a dropped create answer: unknown, no second create; the next run finds the task and downloads it once', async () => {
    const configDir = join(root, 'config drop');
    const { dir, shotIds } = makeProject('drop project', 1, configDir);
    fake.reset();
    fake.set({ dropCreate: 1, runMs: 300 });
    const first = await cliAsync(['generate', dir, '--provider', 'comfyui'], configDir);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/unknown: The request to ComfyUI .* answer was lost .* not sent again/);
    expect(fake.creates).toBe(1);
    const second = await cliAsync(['generate', dir, '--provider', 'comfyui'], configDir);
    expect(second.stderr).toMatch(/Nothing to generate/);
    expect(fake.creates).toBe(1);
    const listed = JSON.parse(ok(['jobs', dir, '--json'], configDir)) as { jobs: { state: string; shotId: string }[] };
    expect(listed.jobs).toMatchObject([{ state: 'succeeded', shotId: shotIds[0] }]);
  });

  it('429s are waited out; an expired output is a clear failure with the reason', async () => {
    const configDir = join(root, 'config trouble');
    const { dir } = makeProject('trouble project', 1, configDir);
    fake.reset();
    fake.set({ throttle: 2, retryAfterSec: 1, runMs: 300 });
    const r = await cliAsync(['generate', dir, '--provider', 'comfyui'], configDir);
    expect(r.stderr).toMatch(/Generated 1 of 1 job\(s\)/);
    expect(r.status).toBe(0);
    expect(fake.requests.filter((q) => q.status === 429)).toHaveLength(2);
    expect(fake.creates).toBe(1);

    fake.reset();
    fake.set({ expireAfterMs: 0, runMs: 300 });
    const shot = ok(['add-shot', dir, '--prompt', 'late', '--duration', '1'], configDir);
    const e = await cliAsync(['generate', dir, '--provider', 'comfyui', '--shot', shot], configDir);
    expect(e.status).toBe(1);
    expect(e.stderr).toMatch(/failed: The result of this job expired at ComfyUI/);
    expect(fake.creates).toBe(1);
    const text = ok(['jobs', dir], configDir);
    expect(text).toMatch(/failed .*expired/);
  });
});
