/**
 * JOB-1/2/3 through the real CLI against the fake ComfyUI in its own process (it outlives the
 * killed client): lost create answers, then kill -9 while polling and while downloading; every
 * run resumes the project's jobs. In the end every shot has exactly one take and the fake saw
 * exactly one create per take.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeComfyProcess } from '../../../../fakes/comfyui-process.js';
import { startFakeComfyProcess } from '../../../../fakes/comfyui-process.js';
import { CLI, ensureBuilt, storyboard } from '../../../../helpers/cli.js';
import { tempDir } from '../../../../helpers/tmp.js';
import { spawn } from 'node:child_process';
import { realMedia } from '../../../../helpers/realMedia.js';

const root = tempDir();
let fake: FakeComfyProcess;

function ok(args: string[]): string {
  const r = storyboard(args);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

type Req = Awaited<ReturnType<FakeComfyProcess['log']>>['requests'][number];

/**
 * `storyboard generate --provider comfyui`; resolves with its exit code (null when killed).
 * `killWhen` sees the requests the fake received since this run started.
 */
async function generate(dir: string, killWhen?: (requests: Req[]) => boolean): Promise<number | null> {
  const base = (await fake.log()).requests.length;
  const child = spawn(process.execPath, [CLI, 'generate', dir, '--provider', 'comfyui'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, STORYBOARD_COMFYUI_BASE_URL: fake.url },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (killWhen) {
    const watch = async (): Promise<void> => {
      while (child.exitCode === null) {
        if (killWhen((await fake.log()).requests.slice(base))) {
          child.kill('SIGKILL');
          return;
        }
        await new Promise((r) => setTimeout(r, 30));
      }
    };
    void watch();
  }
  return exited;
}

const jobsOf = (dir: string) =>
  (
    JSON.parse(ok(['jobs', dir, '--json'])) as {
      jobs: { id: string; shotId: string; state: string; taskId: string | null }[];
    }
  ).jobs;
const takesPerShot = (dir: string) =>
  (JSON.parse(ok(['info', dir, '--json'])) as { shots: { takes: number }[] }).shots.map((s) => s.takes);

beforeAll(async () => {
  ensureBuilt();
  fake = await startFakeComfyProcess(['--run-ms', '800']);
});
afterAll(() => fake?.stop());

describe('kill -9 of storyboard generate against ComfyUI', () => {
  it('lost answers are reconciled, kills while polling and downloading resume: one create per take', async () => {
    const dir = join(root, 'comfy crash 项目');
    ok(['new', dir, '--name', 'crash', '--resolution', '720p', '--fps', '8']);
    ok(['add-shot', dir, '--prompt', 'a fox in snow', '--duration', '1']);
    ok(['add-shot', dir, '--prompt', 'a boat at dawn', '--duration', '1']);
    ok([
      'add-shot',
      dir,
      '--prompt',
      'camp at dusk',
      '--first-frame',
      realMedia('first-frame-camping.png'),
      '--duration',
      '1',
    ]);

    // 1. Every create is queued but its answer is lost (JOB-3): the jobs end `unknown`.
    await fake.set({ dropCreate: 3 });
    expect(await generate(dir)).toBe(1);
    expect(jobsOf(dir).map((j) => j.state)).toEqual(['unknown', 'unknown', 'unknown']);
    expect((await fake.log()).creates).toBe(3);

    // 2. Killed as soon as the next start talks to ComfyUI (reconciling the unknown jobs).
    expect(await generate(dir, (reqs) => reqs.length > 0)).toBeNull();

    // 3. Reconciled by prompt id, then killed while polling: more /history reads than the
    //    reconcile alone makes (JOB-1).
    expect(await generate(dir, (reqs) => reqs.filter((r) => r.path.startsWith('/history/')).length > 3)).toBeNull();

    // 4. Killed as the first download starts (JOB-2).
    expect(await generate(dir, (reqs) => reqs.some((r) => r.path.startsWith('/view')))).toBeNull();

    // 5. Runs to the end.
    expect(await generate(dir)).toBe(0);
    const jobs = jobsOf(dir);
    expect(jobs.map((j) => j.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(takesPerShot(dir)).toEqual([1, 1, 1]);
    const log = await fake.log();
    expect(log.creates).toBe(3);
    expect(new Set(log.createdIds)).toEqual(new Set(jobs.map((j) => j.id))); // prompt id = job id
    expect(log.requests.filter((r) => r.method === 'POST' && r.path === '/prompt')).toHaveLength(3);
  });
});
