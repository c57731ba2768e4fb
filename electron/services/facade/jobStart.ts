/**
 * Long work started from a handler (voicing, lip sync, keyframes, upscale): it answers as soon
 * as its job rows exist, reports through job.progress, and is canceled with the session.
 */
import type { JobProgress } from '../../../shared/api/contract.js';
import type { Session } from './session.js';

/** Starts long work; answers once its job rows exist (or it failed before any did). */
export async function startJobs<T>(
  session: Session,
  run: (signal: AbortSignal, onQueued: (r: T) => void) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  session.batches.add(controller);
  let resolveQueued: (r: T) => void = () => {};
  const queued = new Promise<T>((r) => (resolveQueued = r));
  const done = run(controller.signal, (r) => resolveQueued(r)).finally(() => {
    session.batches.delete(controller);
    if (session.current()) session.changed();
  });
  const first = await Promise.race([queued, done]);
  done.catch(() => {});
  return first;
}

export function jobProgress(session: Session): (p: JobProgress) => void {
  return (p) => {
    session.hub.emit('job.progress', p);
    if (p.state === 'succeeded' || p.state === 'failed') session.changed();
  };
}
