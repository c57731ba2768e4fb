/**
 * Upscaling a take through the durable job queue, through the BUILT CLI: offline (Lanczos +
 * unsharp through the ffmpeg runner) the new take is 2x the size and the original stays
 * selected; on fal's SeedVR2 (strict fake: upload, queue, status, result) a kill -9 while the
 * task is polled leaves the job with its task id, and the next run polls it to the end with no
 * second paid create.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { cliOk, killWhen, readProject as read } from '../../helpers/projectCli.js';
import { REAL_CLIPS } from '../../helpers/realMedia.js';
import { tempDir } from '../../helpers/tmp.js';
import { FAL_FAKE_ENDPOINTS, falCliEnv, startFakeFal, type FakeFal } from '../../fakes/fal.js';
import { FAL_SCHEMAS } from '../../fakes/falRules.js';

const root = tempDir();
let fal: FakeFal;

beforeAll(async () => {
  ensureBuilt();
  // SeedVR2's schema (https://fal.ai/models/fal-ai/seedvr/upscale/video/llms.txt).
  FAL_FAKE_ENDPOINTS['fal-ai/seedvr/upscale/video'] = ['video_url'];
  FAL_SCHEMAS['fal-ai/seedvr/upscale/video'] = {
    video_url: 'url',
    upscale_mode: ['factor', 'target'],
    upscale_factor: 'number',
    target_resolution: ['720p', '1080p', '1440p', '2160p'],
    seed: 'number',
    noise_scale: 'number',
    output_format: ['X264 (.mp4)', 'VP9 (.webm)', 'PRORES4444 (.mov)', 'GIF (.gif)'],
  };
  fal = await startFakeFal({ runMs: 300 });
});
afterAll(() => fal.close());

const env = (): NodeJS.ProcessEnv => falCliEnv(fal, join(root, 'config'));
const ok = (args: string[]): Promise<string> => cliOk(args, env());

async function oneTake(name: string): Promise<{ dir: string; takeId: string }> {
  const dir = join(root, name);
  await ok(['new', dir, '--name', name, '--resolution', '720p', '--fps', '24']);
  await ok(['add-shot', dir, '--video', REAL_CLIPS.horse]);
  return { dir, takeId: read(dir, (s) => s.snapshot().takes[0]!.id) };
}

describe('upscale a take', () => {
  it('offline: a 2x new take (1440x960), the original stays selected', async () => {
    const { dir, takeId } = await oneTake('offline');
    const out = await ok(['upscale', dir, '--take', takeId]);
    const snap = read(dir, (s) => s.snapshot());
    const made = snap.takes.find((t) => t.id === out)!;
    const asset = snap.assets.find((a) => a.id === made.assetId)!;
    expect(asset.info).toMatchObject({ kind: 'video', width: 1440, height: 960 });
    expect(made.request.upscaleOf).toMatchObject({ takeId, provider: 'ffmpeg', width: 1440, height: 960 });
    expect(snap.shots[0]!.selectedTakeId).toBe(takeId);
    expect(snap.jobs.map((j) => [j.state, j.costActual])).toEqual([['succeeded', 0]]);
  }, 180_000);

  it('fal SeedVR2: kill -9 while polled, resumed with no second paid request', async () => {
    const { dir, takeId } = await oneTake('fal');
    const before = fal.creates;
    const statusSeen = (): boolean =>
      fal.seen().some((r) => r.target?.pathname.includes('/requests/') && r.target.pathname.endsWith('/status'));
    fal.runMs = 10 * 60_000;
    const killed = await killWhen(['upscale', dir, '--take', takeId, '--provider', 'fal-seedvr'], env(), statusSeen);
    expect(killed).toBe(true);
    expect(fal.creates - before).toBe(1);
    const submit = fal.seen().find((r) => r.target?.pathname === '/fal-ai/seedvr/upscale/video')!;
    expect(submit.body).toMatchObject({ upscale_factor: 2 });
    // In flight with its task id: `submitted`, or `running` once a poll saw the task start (CI saw both).
    const jobs = read(dir, (s) => s.listJobs().map((j) => ({ state: j.state, hasTask: j.taskId !== null })));
    expect(jobs).toHaveLength(1);
    expect(['submitted', 'running']).toContain(jobs[0]!.state);
    expect(jobs[0]!.hasTask).toBe(true);

    fal.runMs = 0;
    const r = await runCli(['upscale', dir, '--resume'], env());
    expect(r.status).toBe(0);
    expect(fal.creates - before).toBe(1);
    const snap = read(dir, (s) => s.snapshot());
    expect(snap.jobs.map((j) => j.state)).toEqual(['succeeded']);
    expect(snap.jobs[0]!.costActual).toBeGreaterThan(0);
    expect(snap.takes).toHaveLength(2);
  }, 180_000);
});
