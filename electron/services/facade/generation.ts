/**
 * Contract handlers of generation: the `generate.*`, `jobs.*` and `providers.*` namespaces.
 * A batch returns as soon as its job rows exist and reports through job.progress events; the
 * CLI calls the same handlers (see electron/cli).
 */
import { defaultConfigDir } from '../settings/store.js';
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers, Session } from './session.js';

type GenerationHandlers = NamespaceHandlers<'generate'> & NamespaceHandlers<'jobs'> & NamespaceHandlers<'providers'>;

export function generationHandlers(session: Session, { generation }: FacadeServices): GenerationHandlers {
  return {
    'generate.start': async (input) => {
      const store = session.require();
      const controller = new AbortController();
      session.batches.add(controller);
      let resolveQueued: (ids: string[]) => void = () => {};
      const queued = new Promise<string[]>((r) => (resolveQueued = r));
      const done = generation
        .run(store, input, {
          signal: controller.signal,
          onQueued: (ids) => resolveQueued(ids),
          onProgress: (p) => {
            session.hub.emit('job.progress', p);
            if (p.state === 'succeeded' || p.state === 'failed') session.changed();
          },
        })
        .finally(() => session.batches.delete(controller));
      // Answer as soon as the job rows exist (or the batch failed before any did).
      const jobIds = await Promise.race([queued, done.then((r) => r.jobIds)]);
      done.catch(() => {});
      return { jobIds };
    },
    'generate.estimate': async (input) => generation.estimate(session.require(), input),
    'jobs.list': async () => session.require().listJobs(),
    'jobs.cancel': async ({ jobId }) => {
      generation.cancel(session.require(), jobId);
      return { ok: true as const };
    },
    'jobs.ledger': async () => generation.ledger(session.require()),
    'providers.list': async () => generation.providers(),
    'providers.test': async ({ provider }) => generation.test(provider, session.current()?.dir ?? defaultConfigDir()),
  };
}
