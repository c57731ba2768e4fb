/**
 * The kill-and-resume table's row shape and shared assertions (killResume.test.ts runs the rows
 * of killResumeRows.ts, killResumeEndpoints.test.ts those of killResumeEndpointRows.ts: two files,
 * so the two worker pools share them; killResumeCoverage.test.ts checks that
 * every paid provider/model in the catalogue has a row or shares one, killResumeShared.ts).
 * Each row names the model it covers: the killed run is sent with `--model <model>` and the row
 * fails unless every job it made ran on that model, so the coverage the table claims is real.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ProjectStore } from '../../../../electron/services/project/store.js';
import { envName } from '../../../../shared/generation/keyEnv.js';
import { killAndResume } from '../../../helpers/killResume.js';
import { tempDir } from '../../../helpers/tmp.js';

export type Result = Awaited<ReturnType<typeof killAndResume>>;

export interface Row<F> {
  provider: string;
  /** The catalogue model this row covers (sent as --model on the killed run; the resume reads it from the job). */
  model: string;
  title: string;
  /** Why the assertions are what they are (strict [1,1] / 2 creates, or looser). */
  why: string;
  start: () => Promise<F>;
  env: (fake: F) => Record<string, string>;
  /** Extra arguments of the killed first run besides --model (the resume is a plain generate). */
  firstArgs?: string[];
  /** CLI runs before the killed one ('<dir>' = the project). */
  prepare?: string[][];
  /** Room for the row (default 60 s; a prepare run renders clips). */
  timeoutMs?: number;
  /** The kill signal: the harness kills the first run once this grows. */
  creates: (fake: F) => number;
  check: (r: Result, fake: F, root: string) => void;
}

export interface Case {
  name: string;
  provider: string;
  model: string;
  run: () => Promise<void>;
  timeoutMs?: number;
}

/** Every job the row made ran on the row's model (the restyle rows' offline animatic jobs aside). */
function expectModel(root: string, provider: string, model: string): void {
  const store = ProjectStore.open(join(root, 'project'));
  try {
    const jobs = store.listJobs().filter((j) => j.provider === provider);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.map((j) => j.model)).toEqual(jobs.map(() => model));
  } finally {
    store.close();
  }
}

/** One test per row, each with the row's room (60 s unless the row asks for more). */
export function killResumeTests(rows: readonly Case[]): void {
  for (const c of rows) it(c.name, c.run, c.timeoutMs ?? 60_000);
}

/** Erases the fake's type so rows with different fakes share one table. */
export function row<F extends { close(): Promise<void> }>(r: Row<F>): Case {
  return {
    name: `${r.provider} ${r.model}: ${r.title}`,
    provider: r.provider,
    model: r.model,
    ...(r.timeoutMs ? { timeoutMs: r.timeoutMs } : {}),
    run: async () => {
      const fake = await r.start();
      try {
        const root = tempDir();
        const res = await killAndResume({
          provider: r.provider,
          env: r.env(fake),
          creates: () => r.creates(fake),
          root,
          firstArgs: ['--model', r.model, ...(r.firstArgs ?? [])],
          ...(r.prepare ? { prepare: r.prepare } : {}),
        });
        expect(res.killedAfterCreate).toBe(true);
        try {
          r.check(res, fake, root);
          expectModel(root, r.provider, r.model);
        } catch (e) {
          // A failure names the row's documented reason for what it asserts.
          if (e instanceof Error) e.message += `\n(${r.provider} ${r.model}: ${r.why})`;
          throw e;
        }
      } finally {
        await fake.close();
      }
    },
  };
}

/** The key every row's fake accepts. */
export const TEST_KEY = 'test-key';

/**
 * The CLI's environment for a fake: STORYBOARD_<P>_BASE_URL on the fake and STORYBOARD_<P>_API_KEY
 * (names from keyEnv.ts, as the adapters read them), plus `more` as STORYBOARD_<P>_<suffix>.
 */
export function fakeEnv(provider: string, url: string, key = TEST_KEY, more: Record<string, string> = {}) {
  const extra = Object.entries(more).map(([suffix, value]) => [envName(provider, suffix), value]);
  return { [envName(provider, 'BASE_URL')]: url, [envName(provider, 'API_KEY')]: key, ...Object.fromEntries(extra) };
}

interface CountingFake {
  url: string;
  readonly creates: number;
  close(): Promise<void>;
}

/**
 * The usual row: the fake on `url` with the test key (`fakeEnv`), killed once its create count
 * grows; a row that differs passes its own `env` or `creates`.
 */
export function fakeRow<F extends CountingFake>(
  r: Omit<Row<F>, 'env' | 'creates'> & Partial<Pick<Row<F>, 'env' | 'creates'>>,
): Case {
  return row({ env: (f) => fakeEnv(r.provider, f.url), creates: (f) => f.creates, ...r });
}

interface SeenRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The POSTs a fake recorded (the creates, on the fakes whose only POST is a create). */
export function posts<Q extends SeenRequest>(requests: readonly Q[]): Q[] {
  return requests.filter((q) => q.method === 'POST');
}

/** Every create reached the provider with the key in the provider's own header form. */
export function expectSentWith(creates: readonly SeenRequest[], authorization: string): void {
  expect(creates.length).toBeGreaterThan(0);
  expect(creates.filter((q) => q.headers.authorization !== authorization)).toEqual([]);
}

export const STRICT =
  'the resume finds every task (stored id, or reconcile by a client id): one take per shot, two creates';

export function strict(r: Result): void {
  expect(r.takesPerShot).toEqual([1, 1]);
  expect(r.creates).toBe(2);
}

/**
 * Kill signal for providers resumed only from a stored id: 0 until both shots' tasks have been
 * polled (so both ids are stored), then the count. Killing after the FIRST poll raced the
 * second shot's create on a slow CI machine: its answer was not stored yet, the job became
 * `unknown` (correctly not re-sent) and the shot had no take.
 */
export function everyShotPolled(polled: number): number {
  return polled >= 2 ? polled : 0;
}

/** Shot 1 was killed mid-create with CONCURRENCY=1; its lost answer leaves it `unknown`, not re-sent. */
export function firstMayBeUnknown(r: Result): void {
  expect(r.creates).toBe(2);
  expect(r.takesPerShot[0]).toBeLessThanOrEqual(1);
  expect(r.takesPerShot[1]).toBe(1);
}

/** Restyle rows: each shot first gets an offline animatic take, whose clip the paid job restyles. */
export const ANIMATIC_TAKES: string[][] = [['generate', '<dir>', '--provider', 'animatic']];
/** Two animatic renders first (16 s on a quiet machine, several times that at load 25). */
export const RESTYLE_TIMEOUT_MS = 180_000;

/** A restyle row's takes: the animatic take and the restyled one, per shot; one paid create each. */
export function restyled(r: Result): void {
  expect(r.takesPerShot).toEqual([2, 2]);
  expect(r.creates).toBe(2);
}
