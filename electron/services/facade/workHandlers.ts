/**
 * Contract handlers for long work: generation batches and exports, plus cost, budget and
 * provider settings. Long work returns at once and reports through events; the CLI calls the
 * same handlers (see electron/cli).
 */
import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/api/contract.js';
import { AppError, isCanceled, toSerializedError } from '../../../shared/errors.js';
import { runExport } from '../export/exportJob.js';
import { resolveTitleFont } from '../generation/fonts.js';
import { listProviders } from '../generation/providers/index.js';
import { GenerationService } from '../generation/service.js';
import { importFile } from '../media/mediaStore.js';
import type { ProjectStore } from '../project/store.js';
import type { SecretStore } from '../settings/secrets.js';
import { defaultConfigDir, SettingsService } from '../settings/store.js';
import type { Session } from './session.js';

type WorkHandlers = Pick<Handlers,
  | 'generate.start' | 'generate.estimate' | 'jobs.list' | 'jobs.cancel' | 'jobs.ledger' | 'project.setBudget'
  | 'settings.get' | 'settings.update' | 'providers.list' | 'providers.test' | 'export.start' | 'export.cancel'>;

export interface WorkOptions {
  /** Where settings.json lives (default: STORYBOARD_CONFIG_DIR or ~/.config/storyboard). */
  configDir?: string;
  /** The app's key store (Electron: safeStorage); default: STORYBOARD_<PROVIDER>_API_KEY only. */
  secrets?: SecretStore;
}

export function workHandlers(session: Session, opts: WorkOptions = {}): WorkHandlers {
  const settings = new SettingsService({
    configDir: opts.configDir ?? defaultConfigDir(),
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    providers: listProviders,
  });
  const generation = new GenerationService<ProjectStore>(settings, (store, path) => importFile(store, path, 'generated'));
  return {
    'generate.start': async (input) => {
      const store = session.require();
      const controller = new AbortController();
      session.batches.add(controller);
      let resolveQueued: (ids: string[]) => void = () => {};
      const queued = new Promise<string[]>((r) => (resolveQueued = r));
      const done = generation.run(store, input, {
        signal: controller.signal,
        onQueued: (ids) => resolveQueued(ids),
        onProgress: (p) => {
          session.hub.emit('job.progress', p);
          if (p.state === 'succeeded' || p.state === 'failed') session.changed();
        },
      }).finally(() => session.batches.delete(controller));
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
    'project.setBudget': async ({ budgetCap }) => {
      const result = generation.setBudget(session.require(), budgetCap);
      session.changed(); // the snapshot's project.budgetCap changed
      return result;
    },
    'settings.get': async () => settings.view(),
    'settings.update': async (patch) => settings.update(patch),
    'providers.list': async () => generation.providers(),
    'providers.test': async ({ provider }) => generation.test(provider, session.current()?.dir ?? defaultConfigDir()),
    'export.start': async ({ outPath, quality, subtitles }) => {
      const store = session.require();
      // Burned-in subtitles need a font that draws Chinese (the animatic's resolver: fonts.ts).
      const burnSubtitles = subtitles === 'burn' ? { fontFile: (await resolveTitleFont()).file } : undefined;
      const exportId = randomUUID();
      const controller = new AbortController();
      session.exports.set(exportId, controller);
      void runExport(store, {
        outPath,
        quality,
        exportId,
        ...(burnSubtitles ? { burnSubtitles } : {}),
        signal: controller.signal,
        onProgress: (p) => session.hub.emit('export.progress', p),
      })
        .catch((err: unknown) => {
          session.hub.emit('export.progress', {
            exportId,
            state: isCanceled(err) ? 'canceled' : 'failed',
            progress: 0,
            outPath,
            error: isCanceled(err) ? null : toSerializedError(err).message,
          });
        })
        .finally(() => session.exports.delete(exportId));
      return { exportId };
    },
    'export.cancel': async ({ exportId }) => {
      const controller = session.exports.get(exportId);
      if (!controller) throw new AppError('NOT_FOUND', `No export ${exportId} is running.`);
      controller.abort();
      return { ok: true as const };
    },
  };
}
