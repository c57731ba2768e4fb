/**
 * JOB-1/2 for every provider, table-driven, through the shared kill-and-resume harness
 * (test/helpers/killResume.ts): the BUILT CLI is SIGKILLed once the provider's fake (running
 * in this process) reports `creates() > 0`, then run again to the end. Each row keeps its own
 * fake setup, its kill signal and its own assertions, with the reason the assertion is what
 * it is: most providers can be resumed from a stored task id or reconciled by a client id
 * (strict: one take per shot, exactly two creates); those that find a lost answer by listing
 * (Luma, Replicate, Seedance, Wan) must find every task the fake made, while a create the kill
 * cut before the fake made it stays `unknown` (it may still be landing: never re-sent at once);
 * some cannot find a task whose create answer was lost, so that job stays `unknown` and is
 * never re-sent (looser invariants).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobSeed } from '../../../../electron/services/generation/providers/seedance/reconcile.js';
import { ProjectStore } from '../../../../electron/services/project/store.js';
import { startFakeComfy } from '../../../fakes/comfyui.js';
import { startFakeFal } from '../../../fakes/fal.js';
import { startFakeKling } from '../../../fakes/kling.js';
import { startFakeLumaAgents } from '../../../fakes/luma-agents.js';
import { startFakeLuma } from '../../../fakes/luma.js';
import { FAKE_MINIMAX_KEY, startFakeMinimax } from '../../../fakes/minimax.js';
import { startFakeOpenAIVideos } from '../../../fakes/openai-videos.js';
import { startFakeReplicate } from '../../../fakes/replicate.js';
import { startFakeRunway } from '../../../fakes/runway.js';
import { startFakeSeedance } from '../../../fakes/seedance.js';
import { startFakeVeo } from '../../../fakes/veo.js';
import { startFakeVidu } from '../../../fakes/vidu.js';
import { startFakeWan } from '../../../fakes/wan.js';
import { killAndResume } from '../../../helpers/killResume.js';
import { tempDir } from '../../../helpers/tmp.js';
import { foundUnlessNeverMade, promptOf } from './killResumeChecks.js';

type Result = Awaited<ReturnType<typeof killAndResume>>;

interface Row<F> {
  provider: string;
  title: string;
  /** Why the assertions are what they are (strict [1,1] / 2 creates, or looser). */
  why: string;
  start: () => Promise<F>;
  env: (fake: F) => Record<string, string>;
  /** Extra arguments of the killed first run (the resume is a plain generate). */
  firstArgs?: string[];
  /** The kill signal: the harness kills the first run once this grows. */
  creates: (fake: F) => number;
  check: (r: Result, fake: F, root: string) => void;
}

interface Case {
  name: string;
  run: () => Promise<void>;
}

/** Erases the fake's type so rows with different fakes share one table. */
function row<F extends { close(): Promise<void> }>(r: Row<F>): Case {
  return {
    name: `${r.provider}: ${r.title}`,
    run: async () => {
      const fake = await r.start();
      try {
        const root = tempDir();
        const res = await killAndResume({
          provider: r.provider,
          env: r.env(fake),
          creates: () => r.creates(fake),
          root,
          ...(r.firstArgs ? { firstArgs: r.firstArgs } : {}),
        });
        expect(res.killedAfterCreate).toBe(true);
        try {
          r.check(res, fake, root);
        } catch (e) {
          // A failure names the row's documented reason for what it asserts.
          if (e instanceof Error) e.message += `\n(${r.provider}: ${r.why})`;
          throw e;
        }
      } finally {
        await fake.close();
      }
    },
  };
}

const STRICT = 'the resume finds every task (stored id, or reconcile by a client id): one take per shot, two creates';

function strict(r: Result): void {
  expect(r.takesPerShot).toEqual([1, 1]);
  expect(r.creates).toBe(2);
}

/**
 * Kill signal for providers resumed only from a stored id: 0 until both shots' tasks have been
 * polled (so both ids are stored), then the count. Killing after the FIRST poll raced the
 * second shot's create on a slow CI machine: its answer was not stored yet, the job became
 * `unknown` (correctly not re-sent) and the shot had no take.
 */
function everyShotPolled(polled: number): number {
  return polled >= 2 ? polled : 0;
}

/** Shot 1 was killed mid-create with CONCURRENCY=1; its lost answer leaves it `unknown`, not re-sent. */
function firstMayBeUnknown(r: Result): void {
  expect(r.creates).toBe(2);
  expect(r.takesPerShot[0]).toBeLessThanOrEqual(1);
  expect(r.takesPerShot[1]).toBe(1);
}

const cases: Case[] = [
  row({
    provider: 'comfyui',
    title: 'kill right after the create',
    why: STRICT,
    start: () => startFakeComfy({ runMs: 800, steps: 4 }),
    env: (f) => ({ STORYBOARD_COMFYUI_BASE_URL: f.url }),
    creates: (f) => f.creates,
    check: (r) => strict(r),
  }),
  row({
    provider: 'runway',
    title: 'kill once the create answer reached the CLI',
    why: 'Runway lists no tasks: countDelayMs lets the task id be stored before the kill, so the resume relies on stored ids alone',
    start: () => startFakeRunway({ runMs: 100, countDelayMs: 300 }),
    env: (f) => ({ STORYBOARD_RUNWAY_BASE_URL: f.url, STORYBOARD_RUNWAY_API_KEY: 'test-key' }),
    creates: (f) => f.creates,
    check: (r, f) => {
      strict(r);
      expect(f.requests.filter((q) => q.method === 'POST').length).toBe(2);
      expect(
        f.requests.every((q) => q.path.startsWith('/__output/') || q.headers.authorization === 'Bearer test-key'),
      ).toBe(true);
    },
  }),
  row({
    provider: 'luma',
    title: 'kill once the create answer reached the CLI',
    why: 'same timing as runway (countDelayMs): the generation id is stored before the kill',
    start: () => startFakeLuma({ runMs: 100, countDelayMs: 300 }),
    env: (f) => ({ STORYBOARD_LUMA_BASE_URL: f.url, STORYBOARD_LUMA_API_KEY: 'test-key' }),
    creates: (f) => f.creates,
    check: (r, f) => {
      strict(r);
      expect(f.requests.filter((q) => q.method === 'POST').length).toBe(2);
    },
  }),
  row({
    provider: 'luma',
    title: 'kill the moment Luma made a generation (lost answers found by listing)',
    why: 'a lost answer is found in GET /generations by model + exact prompt; a create the kill cut before Luma made it stays `unknown`',
    start: () => startFakeLuma({ runMs: 100 }),
    env: (f) => ({ STORYBOARD_LUMA_BASE_URL: f.url, STORYBOARD_LUMA_API_KEY: 'test-key' }),
    creates: (f) => f.creates,
    check: (r, f, root) =>
      foundUnlessNeverMade(r, root, (job) =>
        f.requests.some((q) => q.method === 'POST' && q.status === 201 && q.body?.prompt === promptOf(job)),
      ),
  }),
  row({
    provider: 'luma-agents',
    title: 'kill once the create answer reached the CLI',
    why: 'same timing as runway (countDelayMs): the generation id is stored before the kill',
    start: () => startFakeLumaAgents({ runMs: 100, countDelayMs: 300 }),
    env: (f) => ({ STORYBOARD_LUMA_AGENTS_BASE_URL: f.url, STORYBOARD_LUMA_AGENTS_API_KEY: 'test-key' }),
    creates: (f) => f.creates,
    check: (r) => strict(r),
  }),
  row({
    provider: 'kling',
    title: 'multi-shot: both shots as ONE job, killed right after its one create',
    why: 'the one job is found again by its external_task_id (never re-sent): one create in all, its clip split into one take per shot',
    start: () => startFakeKling({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_KLING_BASE_URL: f.url, STORYBOARD_KLING_API_KEY: f.apiKey }),
    firstArgs: ['--multi-shot', '--model', 'kling-v3'],
    creates: (f) => f.creates,
    check: (r, f) => {
      expect(r.takesPerShot).toEqual([1, 1]);
      expect(r.creates).toBe(1);
      const posts = f.requests.filter((q) => q.method === 'POST');
      expect(posts.map((q) => q.body?.multi_shot)).toEqual([true]);
    },
  }),
  row({
    provider: 'kling',
    title: 'Omni (kling-video-o1): kill right after the create',
    why: `${STRICT} (external_task_id, looked up at /v1/videos/omni-video)`,
    start: () => startFakeKling({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_KLING_BASE_URL: f.url, STORYBOARD_KLING_API_KEY: f.apiKey }),
    firstArgs: ['--model', 'kling-video-o1'],
    creates: (f) => f.creates,
    check: (r, f) => {
      strict(r);
      const posts = f.requests.filter((q) => q.method === 'POST');
      expect(posts[0]?.path).toBe('/v1/videos/omni-video');
      expect(posts[0]?.body?.model_name).toBe('kling-video-o1');
      // The killed job was read again where it was made (its stored task id or its external_task_id).
      expect(f.requests.some((q) => q.method === 'GET' && q.path.startsWith('/v1/videos/omni-video/'))).toBe(true);
    },
  }),
  row({
    provider: 'kling',
    title: 'kill right after the create',
    why: `${STRICT} (external_task_id)`,
    start: () => startFakeKling({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_KLING_BASE_URL: f.url, STORYBOARD_KLING_API_KEY: f.apiKey }),
    creates: (f) => f.creates,
    check: (r, f) => {
      strict(r);
      // Every create carried the job id as external_task_id (what reconcile looks up).
      const posts = f.requests.filter((q) => q.method === 'POST');
      expect(
        posts.every((q) => typeof q.body?.external_task_id === 'string' && q.jwt?.payload.iss === f.accessKey),
      ).toBe(true);
    },
  }),
  row({
    provider: 'minimax',
    title: 'kill right after the create',
    why: 'MiniMax takes no client task id and cannot list tasks: a job killed between the create and storing its answer stays `unknown` (never re-sent); the others resume by polling',
    start: () => startFakeMinimax({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_MINIMAX_BASE_URL: f.url, STORYBOARD_MINIMAX_API_KEY: FAKE_MINIMAX_KEY }),
    creates: (f) => f.creates,
    check: (r, f, root) => {
      const store = ProjectStore.open(join(root, 'project'));
      try {
        const jobs = store.listJobs();
        const shots = store.snapshot().shots;
        expect(jobs).toHaveLength(2);
        // Per shot: a finished job with its one take, or an `unknown` job with none.
        const outcome = shots.map((s, i) => [r.takesPerShot[i], jobs.find((j) => j.shotId === s.id)?.state]);
        for (const o of outcome)
          expect([
            [1, 'succeeded'],
            [0, 'unknown'],
          ]).toContainEqual(o);
        // Nothing sent twice: at most one create per shot, and every finished shot had its own.
        const succeeded = outcome.filter(([, state]) => state === 'succeeded').length;
        expect(r.creates).toBeLessThanOrEqual(2);
        expect(r.creates).toBeGreaterThanOrEqual(Math.max(1, succeeded));
        expect(new Set(jobs.map((j) => j.taskId).filter(Boolean)).size).toBe(jobs.filter((j) => j.taskId).length);
      } finally {
        store.close();
      }
      const creates = f.requests.filter((q) => q.method === 'POST');
      expect(creates.every((q) => q.headers.authorization === `Bearer ${FAKE_MINIMAX_KEY}`)).toBe(true);
    },
  }),
  row({
    provider: 'vidu',
    title: 'kill right after the first create (one task at a time)',
    why: 'Vidu lists no tasks: shot 1 has one take if its answer was saved before the kill, else stays `unknown` (not re-sent)',
    start: () => startFakeVidu({ runMs: 500 }),
    env: (f) => ({
      STORYBOARD_VIDU_BASE_URL: f.baseUrl,
      STORYBOARD_VIDU_API_KEY: 'test-key',
      STORYBOARD_VIDU_CONCURRENCY: '1',
    }),
    creates: (f) => f.creates,
    check: (r, f) => {
      firstMayBeUnknown(r);
      expect(
        f.requests.filter((q) => q.method === 'POST').every((q) => q.headers.authorization === 'Token test-key'),
      ).toBe(true);
    },
  }),
  row({
    provider: 'wan',
    title: 'kill right after the first create (one task at a time)',
    why: `${STRICT}: shot 2 is not sent before shot 1 ends, and a lost answer of shot 1 is found by listing (model + orig_prompt, echoed once the task has run: runMs 0 makes it done at once)`,
    start: () => startFakeWan({ runMs: 0 }),
    env: (f) => ({
      STORYBOARD_WAN_BASE_URL: f.url,
      STORYBOARD_WAN_API_KEY: 'test-key',
      STORYBOARD_WAN_CONCURRENCY: '1',
    }),
    creates: (f) => f.creates,
    check: (r, f) => {
      strict(r);
      expect(
        f.requests.filter((q) => q.method === 'POST').every((q) => q.headers.authorization === 'Bearer test-key'),
      ).toBe(true);
    },
  }),
  row({
    provider: 'seedance',
    title: 'kill once the task id is stored',
    why: 'Ark keeps no client id or metadata on a task: only a stored id resumes, so kill 200 ms after the fake answered',
    start: () => startFakeSeedance({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_SEEDANCE_BASE_URL: f.url, STORYBOARD_SEEDANCE_API_KEY: 'test-key' }),
    creates: (f) => f.answeredCreates(200),
    check: (r, f) => {
      strict(r);
      expect(f.createRequests().every((q) => q.headers.authorization === 'Bearer test-key')).toBe(true);
    },
  }),
  row({
    provider: 'seedance',
    title: 'kill the moment Ark accepted it (instant)',
    why: 'a lost answer is found in the task list by the seed made from the job id; a create the kill cut before Ark made it stays `unknown`',
    start: () => startFakeSeedance({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_SEEDANCE_BASE_URL: f.url, STORYBOARD_SEEDANCE_API_KEY: 'test-key' }),
    creates: (f) => f.creates,
    check: (r, f, root) =>
      foundUnlessNeverMade(r, root, (job) =>
        f.createRequests().some((q) => q.status === 200 && (q.body as { seed?: number }).seed === jobSeed(job.id)),
      ),
  }),
  row({
    provider: 'fal',
    title: 'kill once the request id is stored',
    why: "fal's queue cannot be listed, so only a stored request id resumes: kill 200 ms after the fake answered the submit",
    start: () => startFakeFal({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_FAL_BASE_URL: f.url, STORYBOARD_FAL_API_KEY: 'test-key' }),
    creates: (f) => f.answeredCreates(200),
    check: (r, f) => {
      strict(r);
      const submits = f.seen().filter((q) => q.method === 'POST' && q.target?.host === 'queue.fal.run');
      expect(submits).toHaveLength(2);
      expect(submits.every((q) => q.headers.authorization === 'Key test-key')).toBe(true);
    },
  }),
  row({
    provider: 'replicate',
    title: 'kill once the prediction id is stored',
    why: 'resuming needs the stored prediction id: kill 200 ms after the fake answered the create',
    start: () => startFakeReplicate({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_REPLICATE_BASE_URL: f.url, STORYBOARD_REPLICATE_API_KEY: 'test-key' }),
    creates: (f) => f.answeredCreates(200),
    check: (r, f) => {
      strict(r);
      expect(f.createRequests()).toHaveLength(2);
      expect(f.createRequests().every((q) => q.headers.authorization === 'Bearer test-key')).toBe(true);
    },
  }),
  row({
    provider: 'replicate',
    title: 'kill the moment Replicate made a prediction (lost answers found by listing)',
    why: 'a lost answer is found in GET /predictions by model + exact input; a create the kill cut before Replicate made it stays `unknown`',
    start: () => startFakeReplicate({ runMs: 500 }),
    env: (f) => ({ STORYBOARD_REPLICATE_BASE_URL: f.url, STORYBOARD_REPLICATE_API_KEY: 'test-key' }),
    creates: (f) => f.creates,
    check: (r, f, root) =>
      foundUnlessNeverMade(r, root, (job) =>
        f
          .createRequests()
          .some((q) => q.status === 201 && (q.body as { input?: { prompt?: string } }).input?.prompt === promptOf(job)),
      ),
  }),
  row({
    provider: 'veo',
    title: 'kill once it polls an operation',
    why: 'Gemini has no client id and no list: a kill mid-create would leave the job `unknown`, so kill once both operations were polled (both names stored); r.creates counts polled operations, fake.creates the real creates',
    start: () => startFakeVeo({ runMs: 8000 }),
    env: (f) => ({ STORYBOARD_VEO_BASE_URL: f.url, STORYBOARD_VEO_API_KEY: 'test-key' }),
    creates: (f) => everyShotPolled(f.polled),
    check: (r, f) => {
      strict(r);
      // Creates the fake received (not only the polled ones): one per shot, none after the resume.
      expect(f.creates).toBe(2);
      const creates = f.requests.filter((q) => q.path.endsWith(':predictLongRunning'));
      expect(creates.every((q) => q.headers['x-goog-api-key'] === 'test-key')).toBe(true);
    },
  }),
  row({
    provider: 'openai-videos',
    title: 'kill once it retrieves a video',
    why: 'killed once both videos were retrieved (both ids stored); the lost-answer case (reconcile by listing) is covered in openai-videos.test.ts',
    start: () => startFakeOpenAIVideos({ runMs: 8000 }),
    env: (f) => ({ STORYBOARD_OPENAI_VIDEOS_BASE_URL: f.url, STORYBOARD_OPENAI_VIDEOS_API_KEY: 'test-key' }),
    creates: (f) => everyShotPolled(f.polled),
    check: (r, f) => {
      strict(r);
      expect(f.creates).toBe(2);
      const creates = f.requests.filter((q) => q.method === 'POST' && q.path === '/v1/videos');
      expect(creates.map((q) => (q.body as { seconds?: string }).seconds)).toEqual(['8', '8']);
    },
  }),
];

describe('kill -9 during generate, then resume (every provider)', () => {
  for (const c of cases) it(c.name, c.run, 60_000);
});
