/**
 * Contract handlers of the `multiShot.*` namespace (shared/api/multiShot.ts): consecutive shots
 * as one job through the same generation service as every batch (resume first, budget, job
 * row before the request, progress events).
 */
import type { FacadeServices } from './services.js';
import { jobProgress, startJobs } from './jobStart.js';
import type { NamespaceHandlers, Session } from './session.js';

export function multiShotHandlers(session: Session, { generation }: FacadeServices): NamespaceHandlers<'multiShot'> {
  const batch = (input: { shotIds: string[]; provider?: string | undefined; model?: string | undefined }) => ({
    shotIds: input.shotIds,
    ...(input.provider ? { provider: input.provider } : {}),
    ...(input.model ? { model: input.model } : {}),
    multiShot: true,
  });
  return {
    'multiShot.estimate': async (input) => generation.estimate(session.require(), batch(input)),
    'multiShot.start': async (input) =>
      startJobs<{ jobIds: string[] }>(session, (signal, onQueued) =>
        generation.run(session.require(), batch(input), {
          signal,
          onQueued: (jobIds) => onQueued({ jobIds }),
          onProgress: jobProgress(session),
        }),
      ),
  };
}
