/**
 * Contract handlers of the app and project lifecycle (`app.*`, `project.*`): create, open,
 * close, and the project-wide settings that live in the document (budget cap, style).
 */
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { parseFps } from '../../../shared/model/time.js';
import { listProviders } from '../generation/providers/index.js';
import { ProjectStore } from '../project/store.js';
import { APP_VERSION } from '../version.js';
import { resolveFfmpegInfo } from './ffmpegInfo.js';
import { picturesToAssetIds } from './media.js';
import type { FacadeServices } from './services.js';
import { projectCopyHandlers } from './recoveryHandlers.js';
import type { NamespaceHandlers, Session } from './session.js';

export interface ProjectHandlerOptions {
  host: 'electron' | 'browser' | 'cli';
  suggestedDir?: string | null;
}

export function projectHandlers(
  session: Session,
  { generation, recent }: FacadeServices,
  opts: ProjectHandlerOptions,
): NamespaceHandlers<'app'> & NamespaceHandlers<'project'> {
  /** Projects adopted in the app (not by a CLI command) go to the front of the recent list. */
  const remembered = async (adopted: Promise<ProjectSnapshot> | ProjectSnapshot): Promise<ProjectSnapshot> => {
    const snapshot = await adopted;
    if (opts.host !== 'cli') recent.remember(snapshot.dir, snapshot.project.name);
    return snapshot;
  };
  const copies = projectCopyHandlers(session);
  return {
    ...copies,
    'project.openRepaired': async (input) => remembered(copies['project.openRepaired'](input)),
    'project.recent': async () => recent.list(),
    'app.info': async () => ({
      version: APP_VERSION,
      host: opts.host,
      ffmpeg: await resolveFfmpegInfo(),
      suggestedDir: opts.suggestedDir ?? null,
      providers: listProviders().map((p) => ({ id: p.id, label: p.label, offline: p.offline })),
    }),
    'project.create': async ({ dir, name, aspect, resolution, fps }) => {
      let rate;
      try {
        rate = parseFps(fps);
      } catch (err) {
        throw new AppError('INVALID_INPUT', (err as Error).message);
      }
      const store = ProjectStore.create(dir, { name, aspect, resolution, fps: rate }, session.storeOptions());
      return remembered(session.adopt(store));
    },
    'project.open': async ({ dir }) => {
      const current = session.current();
      if (current && samePath(current.dir, dir)) return current.snapshot();
      return remembered(session.adopt(ProjectStore.open(dir, session.storeOptions())));
    },
    'project.current': async () => session.current()?.snapshot() ?? null,
    'project.close': async () => {
      await session.closeProject();
      return { ok: true as const };
    },
    'project.setBudget': async ({ budgetCap }) => {
      const result = generation.setBudget(session.require(), budgetCap);
      session.changed(); // the snapshot's project.budgetCap changed
      return result;
    },
    // Pictures given as files are imported like element pictures (probed, content-addressed,
    // images only) before the edit, so a broken picture leaves the document untouched.
    'project.setStyle': async ({ stylePrompt, pictures }) => {
      const store = session.require();
      const refAssetIds = pictures
        ? await picturesToAssetIds(session, store, pictures, 'the style pictures were set')
        : undefined;
      store.style.set({
        ...(stylePrompt !== undefined ? { stylePrompt } : {}),
        ...(refAssetIds ? { refAssetIds } : {}),
      });
      return session.changed();
    },
  };
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
