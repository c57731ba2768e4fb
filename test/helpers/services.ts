/**
 * The services facade as a binding sees it, for integration tests: requests go through
 * dispatch() (validation included), failures come back as Errors carrying the contract code,
 * and every facade a test opens is closed after it.
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.js';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.js';
import { createAppServices, type AppServices } from '../../electron/services/app.js';

const open: AppServices[] = [];
afterEach(async () => {
  while (open.length) await open.pop()?.close();
});

/** A fresh facade (host 'cli'), closed automatically after the current test. */
export function services(): AppServices {
  const s = createAppServices({ host: 'cli' });
  open.push(s);
  return s;
}

/** Closes a facade now (e.g. to reopen its project) and forgets it. */
export async function closeServices(s: AppServices): Promise<void> {
  const i = open.indexOf(s);
  if (i >= 0) open.splice(i, 1);
  await s.close();
}

export async function call<M extends MethodName>(
  s: AppServices,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await dispatch(s.handlers, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as MethodOutput<M>;
}

/**
 * The error a `call` ends in, as `{ code, message }`; `{ message: 'no error' }` when it succeeded,
 * so `expect(await failure(call(...))).toMatchObject({ code: '…' })` reads as the refusal it checks.
 */
export const failure = (p: Promise<unknown>): Promise<{ code?: string; message: string }> =>
  p.then(
    () => ({ message: 'no error' }),
    (e: unknown) => e as Error & { code: string },
  );

/**
 * A facade with a new 720p project at 8 fps (the rate of the real AI clips, so a project frame
 * is a clip frame) in `root`/`name`.
 */
export async function servicesWithProject(root: string, name: string): Promise<AppServices> {
  const s = services();
  await call(s, 'project.create', { dir: join(root, name), name, fps: '8', resolution: '720p' });
  return s;
}
