/**
 * Kill-and-resume rows for the Kling Omni and Aleph endpoints on fal and Replicate (run by
 * killResumeEndpoints.test.ts), at every kill point the table uses for that provider
 * (killResumeRows.ts): fal's queue cannot be listed, so only a stored request id resumes
 * (killed once both shots' requests were polled); Replicate resumes from a stored prediction
 * id, and a lost create answer is found in GET /predictions by model + exact input (killed the
 * moment the fake made the prediction). The restyle endpoints (fal O3 Pro Edit, Replicate
 * gen4-aleph) restyle each shot's offline animatic take, made by a prepare run before the
 * killed one.
 */
import { expect } from 'vitest';
import { startFakeFal, type FakeFal } from '../../../fakes/fal.js';
import { startFakeReplicate, type FakeReplicate } from '../../../fakes/replicate.js';
import { falStoredBoth, foundUnlessNeverMade, promptOf, replicateStoredBoth } from './killResumeChecks.js';
import {
  ANIMATIC_TAKES,
  expectSentWith,
  fakeRow,
  RESTYLE_TIMEOUT_MS,
  restyled,
  strict,
  TEST_KEY,
  type Case,
  type Result,
} from './killResumeTable.js';

const FAL_WHY =
  "fal's queue cannot be listed, so only a stored request id resumes: kill once both requests were polled (both ids stored)";
const REPLICATE_STORED_WHY =
  'resuming needs the stored prediction id: kill once both predictions were polled (both ids stored)';
const REPLICATE_LISTED_WHY =
  'a lost answer is found in GET /predictions by model + exact input; a create the kill cut before Replicate made it stays `unknown`';

/** The fal submits, each to one of the model's endpoints, none sent again by the resume. */
function falSubmits(f: FakeFal, endpoint: string): Record<string, unknown>[] {
  const submits = f.seen().filter((q) => q.method === 'POST' && q.target?.host === 'queue.fal.run');
  expect(submits.map((q) => q.target?.pathname)).toEqual([`/${endpoint}`, `/${endpoint}`]);
  expect(submits.every((q) => q.status === 200)).toBe(true);
  expectSentWith(submits, `Key ${TEST_KEY}`);
  return submits.map((q) => q.body as Record<string, unknown>);
}

function falRow(model: string, endpoint: string, title: string): Case {
  return fakeRow({
    provider: 'fal',
    model,
    title,
    why: FAL_WHY,
    start: () => startFakeFal({ runMs: 500 }),
    creates: (f) => falStoredBoth(f),
    check: (r, f) => {
      strict(r);
      falSubmits(f, endpoint);
    },
  });
}

/** A restyle on a fal edit endpoint: the clip uploaded to fal storage before the submit. */
function falEditRow(model: string, name: string): Case {
  return fakeRow({
    provider: 'fal',
    model,
    title: `${name} restyle of each shot's clip: kill once both request ids are stored`,
    why: `${FAL_WHY}; the clip is uploaded to fal storage before the submit`,
    start: () => startFakeFal({ runMs: 500 }),
    prepare: ANIMATIC_TAKES,
    firstArgs: ['--restyle'],
    timeoutMs: RESTYLE_TIMEOUT_MS,
    creates: (f) => falStoredBoth(f),
    check: (r, f) => {
      restyled(r);
      const inputs = falSubmits(f, model);
      expect(inputs.every((i) => f.uploads.has(String(i.video_url)))).toBe(true);
    },
  });
}

/** Replicate: the two kill points, for a model that generates from the shot's prompt. */
function replicateRows(model: string): Case[] {
  const made = (f: FakeReplicate) => f.createRequests().filter((q) => q.status === 201);
  return [
    fakeRow({
      provider: 'replicate',
      model,
      title: 'kill once both prediction ids are stored',
      why: REPLICATE_STORED_WHY,
      start: () => startFakeReplicate({ runMs: 500 }),
      creates: (f) => replicateStoredBoth(f),
      check: (r, f) => {
        strict(r);
        expect(made(f).map((q) => q.path)).toEqual([
          `/v1/models/${model}/predictions`,
          `/v1/models/${model}/predictions`,
        ]);
      },
    }),
    fakeRow({
      provider: 'replicate',
      model,
      title: 'kill the moment Replicate made a prediction (lost answers found by listing)',
      why: REPLICATE_LISTED_WHY,
      start: () => startFakeReplicate({ runMs: 500 }),
      creates: (f) => f.creates,
      check: (r, f, root) =>
        foundUnlessNeverMade(r, root, (job) =>
          made(f).some((q) => (q.body as { input?: { prompt?: string } }).input?.prompt?.includes(promptOf(job))),
        ),
    }),
  ];
}

/** A restyle on Replicate: both kill points, every create carrying the shot's clip inline. */
function replicateRestyleRows(model: string, videoField: string): Case[] {
  const made = (f: FakeReplicate) => f.createRequests().filter((q) => q.status === 201);
  const clipOf = (q: { body?: unknown }) => String((q.body as { input?: Record<string, unknown> }).input?.[videoField]);
  const restyleRow = (
    title: string,
    why: string,
    kill: (f: FakeReplicate) => number,
    check: (r: Result, f: FakeReplicate, root: string) => void,
  ): Case =>
    fakeRow({
      provider: 'replicate',
      model,
      title,
      why,
      start: () => startFakeReplicate({ runMs: 500 }),
      prepare: ANIMATIC_TAKES,
      firstArgs: ['--restyle'],
      timeoutMs: RESTYLE_TIMEOUT_MS,
      creates: kill,
      check,
    });
  return [
    restyleRow(
      "restyle of each shot's clip: kill once both prediction ids are stored",
      `${REPLICATE_STORED_WHY}; the restyles carry the animatic take's clip`,
      (f) => replicateStoredBoth(f),
      (r, f) => {
        restyled(r);
        expect(made(f).every((q) => clipOf(q).startsWith('data:video/mp4;base64,'))).toBe(true);
      },
    ),
    restyleRow(
      "restyle of each shot's clip: kill the moment Replicate made a prediction (found by listing)",
      `${REPLICATE_LISTED_WHY} (the clip is not compared: Replicate may echo it as its own URL)`,
      (f) => f.creates,
      (r, f, root) =>
        // Per shot: its animatic take, plus the restyle when Replicate made it.
        foundUnlessNeverMade(
          { ...r, takesPerShot: r.takesPerShot.map((n) => n - 1) },
          root,
          (job) =>
            made(f).some((q) => (q.body as { input?: { prompt?: string } }).input?.prompt?.includes(promptOf(job))),
          'replicate',
        ),
    ),
  ];
}

export const ENDPOINT_ROWS: Case[] = [
  falRow(
    'fal-ai/kling-video/o1/standard',
    'fal-ai/kling-video/o1/standard/reference-to-video',
    'Kling O1 Standard (text on reference-to-video): kill once both request ids are stored',
  ),
  falRow(
    'fal-ai/kling-video/o3/standard',
    'fal-ai/kling-video/o3/standard/text-to-video',
    'Kling O3 Standard: kill once both request ids are stored',
  ),
  falRow(
    'fal-ai/kling-video/o3/pro',
    'fal-ai/kling-video/o3/pro/text-to-video',
    'Kling O3 Pro (1080p): kill once both request ids are stored',
  ),
  falRow(
    'fal-ai/kling-video/o3/4k',
    'fal-ai/kling-video/o3/4k/text-to-video',
    'Kling O3 4K: kill once both request ids are stored',
  ),
  falEditRow('fal-ai/kling-video/o3/pro/video-to-video/edit', 'O3 Pro Edit'),
  falEditRow('fal-ai/kling-video/o1/video-to-video/edit', 'O1 Edit'),
  ...replicateRows('kwaivgi/kling-v3-omni-video'),
  ...replicateRestyleRows('runwayml/gen4-aleph', 'video'),
];
