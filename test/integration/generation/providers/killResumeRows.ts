/**
 * The kill-and-resume rows of each provider's own protocol (run by killResume.test.ts), with
 * the reason each asserts what it does: most providers can be resumed from a stored task id or
 * reconciled by a client id (strict: one take per shot, exactly two creates); those that find a
 * lost answer by listing (Luma, Replicate, Seedance, Wan) must find every task the fake made,
 * while a create the kill cut before the fake made it stays `unknown` (it may still be landing:
 * never re-sent at once); some cannot find a task whose create answer was lost, so that job
 * stays `unknown` and is never re-sent (looser invariants). The endpoints added on fal and
 * Replicate have their rows in killResumeEndpointRows.ts.
 */
import { expect } from 'vitest';
import { jobSeed } from '../../../../electron/services/generation/providers/seedance/reconcile.js';
import { startFakeComfy } from '../../../fakes/comfyui.js';
import { startFakeFal } from '../../../fakes/fal.js';
import { startFakeKling, type FakeKling } from '../../../fakes/kling.js';
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
import {
  falStoredBoth,
  foundUnlessNeverMade,
  promptOf,
  replicateStoredBoth,
  takenOrUnknown,
} from './killResumeChecks.js';
import {
  ANIMATIC_TAKES,
  everyShotPolled,
  expectSentWith,
  fakeEnv,
  fakeRow,
  firstMayBeUnknown,
  posts,
  RESTYLE_TIMEOUT_MS,
  restyled,
  STRICT,
  strict,
  TEST_KEY,
  type Case,
} from './killResumeTable.js';

/** Kling signs with its access and secret key, given as one "accessKey:secretKey". */
const klingEnv = (f: FakeKling) => fakeEnv('kling', f.url, f.apiKey);
/** One task at a time: shot 2 is not sent before shot 1 ends. */
const ONE_AT_A_TIME = { CONCURRENCY: '1' };

export const PROVIDER_ROWS: Case[] = [
  fakeRow({
    provider: 'comfyui',
    model: 'ltxv',
    title: 'kill right after the create',
    why: STRICT,
    start: () => startFakeComfy({ runMs: 800, steps: 4 }),
    env: (f) => ({ STORYBOARD_COMFYUI_BASE_URL: f.url }),
    check: (r) => strict(r),
  }),
  fakeRow({
    provider: 'runway',
    model: 'gen4.5',
    title: 'kill once the create answer reached the CLI',
    why: 'Runway lists no tasks: countDelayMs lets the task id be stored before the kill, so the resume relies on stored ids alone',
    start: () => startFakeRunway({ runMs: 100, countDelayMs: 300 }),
    check: (r, f) => {
      strict(r);
      expect(posts(f.requests)).toHaveLength(2);
      expect(
        f.requests.every((q) => q.path.startsWith('/__output/') || q.headers.authorization === `Bearer ${TEST_KEY}`),
      ).toBe(true);
    },
  }),
  fakeRow({
    provider: 'runway',
    model: 'aleph2',
    title: "Aleph 2 restyle of each shot's clip: kill once the create answer reached the CLI",
    why: 'each shot first gets an offline animatic take; the restyle jobs carry that clip, their task ids are stored before the kill (countDelayMs), so the resume polls and never re-sends: one Aleph create and one new take per shot',
    start: () => startFakeRunway({ runMs: 100, countDelayMs: 300 }),
    prepare: ANIMATIC_TAKES,
    firstArgs: ['--restyle'],
    timeoutMs: RESTYLE_TIMEOUT_MS,
    check: (r, f) => {
      // Two paid creates, both video-to-video.
      restyled(r);
      const posts = f.requests.filter((q) => q.method === 'POST' && q.path.startsWith('/v1/'));
      expect(posts.map((q) => q.path)).toEqual(['/v1/video_to_video', '/v1/video_to_video']);
      expect(posts.every((q) => String(q.body?.videoUri).startsWith('data:video/mp4;base64,'))).toBe(true);
    },
  }),
  fakeRow({
    provider: 'luma',
    model: 'ray-2',
    title: 'kill once the create answer reached the CLI',
    why: 'same timing as runway (countDelayMs): the generation id is stored before the kill',
    start: () => startFakeLuma({ runMs: 100, countDelayMs: 300 }),
    check: (r, f) => {
      strict(r);
      expect(posts(f.requests)).toHaveLength(2);
    },
  }),
  fakeRow({
    provider: 'luma',
    model: 'ray-2',
    title: 'kill the moment Luma made a generation (lost answers found by listing)',
    why: 'a lost answer is found in GET /generations by model + exact prompt; a create the kill cut before Luma made it stays `unknown`',
    start: () => startFakeLuma({ runMs: 100 }),
    check: (r, f, root) =>
      foundUnlessNeverMade(r, root, (job) =>
        f.requests.some((q) => q.method === 'POST' && q.status === 201 && q.body?.prompt === promptOf(job)),
      ),
  }),
  fakeRow({
    provider: 'luma-agents',
    model: 'ray-3.2',
    title: 'kill once the create answer reached the CLI',
    why: 'same timing as runway (countDelayMs): the generation id is stored before the kill',
    start: () => startFakeLumaAgents({ runMs: 100, countDelayMs: 300 }),
    check: (r) => strict(r),
  }),
  fakeRow({
    provider: 'kling',
    model: 'kling-v3',
    title: 'multi-shot: both shots as ONE job, killed right after its one create',
    why: 'the one job is found again by its external_task_id (never re-sent): one create in all, its clip split into one take per shot',
    start: () => startFakeKling({ runMs: 500 }),
    env: klingEnv,
    firstArgs: ['--multi-shot'],
    check: (r, f) => {
      expect(r.takesPerShot).toEqual([1, 1]);
      expect(r.creates).toBe(1);
      expect(posts(f.requests).map((q) => q.body?.multi_shot)).toEqual([true]);
    },
  }),
  fakeRow({
    provider: 'kling',
    model: 'kling-video-o1',
    title: 'Omni (kling-video-o1): kill right after the create',
    why: `${STRICT} (external_task_id, looked up at /v1/videos/omni-video)`,
    start: () => startFakeKling({ runMs: 500 }),
    env: klingEnv,
    check: (r, f) => {
      strict(r);
      const [first] = posts(f.requests);
      expect(first?.path).toBe('/v1/videos/omni-video');
      expect(first?.body?.model_name).toBe('kling-video-o1');
      // The killed job was read again where it was made (its stored task id or its external_task_id).
      expect(f.requests.some((q) => q.method === 'GET' && q.path.startsWith('/v1/videos/omni-video/'))).toBe(true);
    },
  }),
  fakeRow({
    provider: 'kling',
    model: 'kling-v3',
    title: 'kill right after the create',
    why: `${STRICT} (external_task_id)`,
    start: () => startFakeKling({ runMs: 500 }),
    env: klingEnv,
    check: (r, f) => {
      strict(r);
      // Every create carried the job id as external_task_id (what reconcile looks up).
      expect(
        posts(f.requests).every(
          (q) => typeof q.body?.external_task_id === 'string' && q.jwt?.payload.iss === f.accessKey,
        ),
      ).toBe(true);
    },
  }),
  fakeRow({
    provider: 'minimax',
    model: 'MiniMax-Hailuo-2.3',
    title: 'kill right after the create',
    why: 'MiniMax takes no client task id and cannot list tasks: a job killed between the create and storing its answer stays `unknown` (never re-sent); the others resume by polling',
    start: () => startFakeMinimax({ runMs: 500 }),
    env: (f) => fakeEnv('minimax', f.url, FAKE_MINIMAX_KEY),
    check: (r, f, root) => {
      takenOrUnknown(r, root);
      expectSentWith(posts(f.requests), `Bearer ${FAKE_MINIMAX_KEY}`);
    },
  }),
  fakeRow({
    provider: 'vidu',
    model: 'viduq3-pro',
    title: 'kill right after the first create (one task at a time)',
    why: 'Vidu lists no tasks: shot 1 has one take if its answer was saved before the kill, else stays `unknown` (not re-sent)',
    start: () => startFakeVidu({ runMs: 500 }),
    env: (f) => fakeEnv('vidu', f.baseUrl, TEST_KEY, ONE_AT_A_TIME),
    check: (r, f) => {
      firstMayBeUnknown(r);
      expectSentWith(posts(f.requests), `Token ${TEST_KEY}`);
    },
  }),
  fakeRow({
    provider: 'wan',
    model: 'auto',
    title: 'kill right after the first create (one task at a time)',
    why: `${STRICT}: shot 2 is not sent before shot 1 ends, and a lost answer of shot 1 is found by listing (model + orig_prompt, echoed once the task has run: runMs 0 makes it done at once)`,
    start: () => startFakeWan({ runMs: 0 }),
    env: (f) => fakeEnv('wan', f.url, TEST_KEY, ONE_AT_A_TIME),
    check: (r, f) => {
      strict(r);
      expectSentWith(posts(f.requests), `Bearer ${TEST_KEY}`);
    },
  }),
  fakeRow({
    provider: 'seedance',
    model: 'seedance-2-0',
    title: 'kill once the task id is stored',
    why: 'Ark keeps no client id or metadata on a task: only a stored id resumes, so kill 200 ms after the fake answered',
    start: () => startFakeSeedance({ runMs: 500 }),
    creates: (f) => f.answeredCreates(200),
    check: (r, f) => {
      strict(r);
      expectSentWith(f.createRequests(), `Bearer ${TEST_KEY}`);
    },
  }),
  fakeRow({
    provider: 'seedance',
    model: 'seedance-2-0',
    title: 'kill the moment Ark accepted it (instant)',
    why: 'a lost answer is found in the task list by the seed made from the job id; a create the kill cut before Ark made it stays `unknown`',
    start: () => startFakeSeedance({ runMs: 500 }),
    check: (r, f, root) =>
      foundUnlessNeverMade(r, root, (job) =>
        f.createRequests().some((q) => q.status === 200 && (q.body as { seed?: number }).seed === jobSeed(job.id)),
      ),
  }),
  fakeRow({
    provider: 'fal',
    model: 'fal-ai/veo3.1/fast',
    title: 'kill once both request ids are stored',
    why: "fal's queue cannot be listed, so only a stored request id resumes: kill once both requests were polled (both ids stored)",
    start: () => startFakeFal({ runMs: 500 }),
    creates: (f) => falStoredBoth(f),
    check: (r, f) => {
      strict(r);
      const submits = f.seen().filter((q) => q.method === 'POST' && q.target?.host === 'queue.fal.run');
      expect(submits).toHaveLength(2);
      expectSentWith(submits, `Key ${TEST_KEY}`);
    },
  }),
  fakeRow({
    provider: 'replicate',
    model: 'google/veo-3.1-fast',
    title: 'kill once both prediction ids are stored',
    why: 'resuming needs the stored prediction id: kill once both predictions were polled (both ids stored)',
    start: () => startFakeReplicate({ runMs: 500 }),
    creates: (f) => replicateStoredBoth(f),
    check: (r, f) => {
      strict(r);
      expect(f.createRequests()).toHaveLength(2);
      expectSentWith(f.createRequests(), `Bearer ${TEST_KEY}`);
    },
  }),
  fakeRow({
    provider: 'replicate',
    model: 'google/veo-3.1-fast',
    title: 'kill the moment Replicate made a prediction (lost answers found by listing)',
    why: 'a lost answer is found in GET /predictions by model + exact input; a create the kill cut before Replicate made it stays `unknown`',
    start: () => startFakeReplicate({ runMs: 500 }),
    check: (r, f, root) =>
      foundUnlessNeverMade(r, root, (job) =>
        f
          .createRequests()
          .some((q) => q.status === 201 && (q.body as { input?: { prompt?: string } }).input?.prompt === promptOf(job)),
      ),
  }),
  fakeRow({
    provider: 'veo',
    model: 'veo-3.1-generate-preview',
    title: 'kill once it polls an operation',
    why: 'Gemini has no client id and no list: a kill mid-create would leave the job `unknown`, so kill once both operations were polled (both names stored); r.creates counts polled operations, fake.creates the real creates',
    start: () => startFakeVeo({ runMs: 8000 }),
    creates: (f) => everyShotPolled(f.polled),
    check: (r, f) => {
      strict(r);
      // Creates the fake received (not only the polled ones): one per shot, none after the resume.
      expect(f.creates).toBe(2);
      const creates = f.requests.filter((q) => q.path.endsWith(':predictLongRunning'));
      expect(creates.every((q) => q.headers['x-goog-api-key'] === TEST_KEY)).toBe(true);
    },
  }),
  fakeRow({
    provider: 'openai-videos',
    model: 'sora-2',
    title: 'kill once it retrieves a video',
    why: 'killed once both videos were retrieved (both ids stored); the lost-answer case (reconcile by listing) is covered in openai-videos.test.ts',
    start: () => startFakeOpenAIVideos({ runMs: 8000 }),
    creates: (f) => everyShotPolled(f.polled),
    check: (r, f) => {
      strict(r);
      expect(f.creates).toBe(2);
      const creates = f.requests.filter((q) => q.method === 'POST' && q.path === '/v1/videos');
      expect(creates.map((q) => (q.body as { seconds?: string }).seconds)).toEqual(['8', '8']);
    },
  }),
];
