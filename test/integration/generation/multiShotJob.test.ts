/**
 * Multi-shot as ONE durable job, end to end over the real stack (SQLite store, media import,
 * the one ffmpeg runner) against the strict Kling fake: one estimate, one job row, one create,
 * one ledger cost; the clip split back onto the shots as takes at the scene cuts found in it
 * (else the planned durations); a resume of the finished download pays nothing and adds no take.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../../electron/services/ffmpeg/runner.js';
import { estimateGeneration, generateShots, resumeJobs } from '../../../electron/services/generation/jobs.js';
import { projectLedger } from '../../../electron/services/generation/ledger.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { AppError } from '../../../shared/errors.js';
import type { FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';
import { startFakeKling, type FakeKling } from '../../fakes/kling.js';
import { countVideoFrames } from '../../helpers/ffprobe.js';
import { tempProjects } from '../../helpers/tempProjects.js';

const FPS = 24;
const projects = tempProjects(FPS);
const { root } = projects;

/** A clip of solid colours, one per span (seconds): each change of colour is a hard cut. */
async function colourClip(name: string, spans: readonly number[]): Promise<string> {
  const colours = ['red', 'blue', 'green', 'yellow'];
  const out = join(root, name);
  const inv: FfmpegInvocation = {
    label: 'test clip',
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: spans.map((d, i) => ({
      options: ['-f', 'lavfi'],
      source: `color=${colours[i % colours.length]}:s=320x180:r=${FPS}:d=${d}`,
    })),
    filterComplex: `${spans.map((_, i) => `[${i}:v]`).join('')}concat=n=${spans.length}:v=1:a=0[v]`,
    outputOptions: ['-map', '[v]', '-c:v', 'libx264', '-pix_fmt', 'yuv420p'],
    output: out,
    durationSec: null,
  };
  await runFfmpeg(inv);
  return out;
}

let cutClip = '';
let flatClip = '';
beforeAll(async () => {
  // Planned 2 + 3 + 2 s; the "provider" cut at 2.5 s and 5 s instead.
  cutClip = await colourClip('cuts.mp4', [2.5, 2.5, 2]);
  flatClip = await colourClip('flat.mp4', [7]);
});

async function project(name: string, fake: FakeKling) {
  const s = projects.create(name);
  const shots = [
    s.shots.add({ prompt: 'a rider crests the dune', durationFrames: 2 * FPS, camera: 'push_in' }),
    s.shots.add({ prompt: 'close on the horse', durationFrames: 3 * FPS }),
    s.shots.add({ prompt: 'the camp at dusk', durationFrames: 2 * FPS }),
  ];
  const deps = {
    store: s,
    importFile: (p: string) => importFile(s, p, 'generated'),
    providerSettings: () => ({ baseUrl: fake.url, apiKey: fake.apiKey }),
    minCloudPollMs: 0,
  };
  return { s, shots, deps };
}

const multi = (shotIds: string[], model = 'kling-v3') => ({
  shotIds,
  providerId: 'kling',
  model,
  multiShot: true as const,
});

describe('multi-shot generation as one job (Kling 3.0, strict fake)', () => {
  it('one estimate, one job row, one create, one ledger cost; takes cut at the detected scene cuts', async () => {
    const fake = await startFakeKling({ runMs: 30, clip: cutClip });
    try {
      const { s, shots, deps } = await project('cuts', fake);
      const ids = shots.map((x) => x.id);
      const estimate = estimateGeneration(deps, multi(ids));
      expect(estimate.jobs).toBe(1);
      expect(estimate.total).toBeGreaterThan(0);

      const { jobIds } = await generateShots(deps, multi(ids));
      expect(jobIds).toHaveLength(1);
      expect(fake.creates).toBe(1);
      const post = fake.requests.find((q) => q.method === 'POST');
      expect(post?.body).toMatchObject({
        model_name: 'kling-v3',
        multi_shot: true,
        shot_type: 'customize',
        duration: '7',
        multi_prompt: [
          { index: 1, duration: '2' },
          { index: 2, duration: '3' },
          { index: 3, duration: '2' },
        ],
      });
      expect(post?.body?.prompt).toBeUndefined();
      // The camera move of shot 1 reaches its own multi_prompt entry as words.
      expect(String((post?.body?.multi_prompt as { prompt: string }[])[0]?.prompt)).toMatch(/push/i);

      const job = s.getJob(jobIds[0] as string);
      expect(job).toMatchObject({ state: 'succeeded', shotId: ids[0] });
      const takes = s.snapshot().takes.filter((t) => t.jobId === job.id);
      expect(takes.map((t) => t.shotId)).toEqual(ids);
      // Cut where the clip cuts (2.5 s, 5 s), not where the plan put them (2 s, 5 s).
      const frames = takes.map((t) => countVideoFrames(s.absPath(s.getAsset(t.assetId).path)));
      for (const [i, want] of [2.5 * FPS, 2.5 * FPS, 2 * FPS].entries())
        expect(Math.abs((frames[i] ?? 0) - want)).toBeLessThanOrEqual(1);
      for (const shot of shots) expect(s.getShot(shot.id).selectedTakeId).not.toBeNull();
      expect(takes.every((t) => (t.request.multiShotCut as { source: string }).source === 'detected')).toBe(true);

      const ledger = projectLedger(s);
      expect(ledger.rows).toHaveLength(1);
      expect(ledger.totals.actual).toBeCloseTo(estimate.total, 2);
      const shares = takes.reduce((a, t) => a + (t.cost ?? 0), 0);
      expect(shares).toBeCloseTo(estimate.total, 2);

      // Killed after the takes were written but before the job row said so: the resume
      // downloads again (free), finds every take in place, and sends nothing.
      s.updateJob(job.id, { state: 'downloading', takeId: null });
      await resumeJobs(deps);
      expect(s.getJob(job.id).state).toBe('succeeded');
      expect(fake.creates).toBe(1);
      expect(s.snapshot().takes.filter((t) => t.jobId === job.id)).toHaveLength(3);
    } finally {
      await fake.close();
    }
  });

  it('a clip without visible cuts is split at the planned durations', async () => {
    const fake = await startFakeKling({ runMs: 30, clip: flatClip });
    try {
      const { s, shots, deps } = await project('flat', fake);
      const ids = shots.map((x) => x.id);
      const { jobIds } = await generateShots(deps, multi(ids));
      const takes = s.snapshot().takes.filter((t) => t.jobId === jobIds[0]);
      const frames = takes.map((t) => countVideoFrames(s.absPath(s.getAsset(t.assetId).path)));
      for (const [i, want] of [2 * FPS, 3 * FPS, 2 * FPS].entries())
        expect(Math.abs((frames[i] ?? 0) - want)).toBeLessThanOrEqual(1);
      expect(takes.every((t) => (t.request.multiShotCut as { source: string }).source === 'planned')).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('refused before any row is written: shots not consecutive, or a model that cannot', async () => {
    const fake = await startFakeKling({ runMs: 30 });
    try {
      const { s, shots, deps } = await project('refused', fake);
      const gap = [shots[0]!.id, shots[2]!.id];
      const err = await generateShots(deps, multi(gap)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).details).toMatchObject({ messageKey: 'multiShot.problems.consecutive', gapAfter: 1 });
      const old = await generateShots(deps, multi([shots[0]!.id, shots[1]!.id], 'kling-v2-6')).catch((e: unknown) => e);
      expect((old as AppError).details).toMatchObject({ messageKey: 'multiShot.problems.model' });
      expect(s.listJobs()).toHaveLength(0);
      expect(fake.creates).toBe(0);
    } finally {
      await fake.close();
    }
  });
});
