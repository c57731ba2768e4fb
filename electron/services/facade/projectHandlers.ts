/** Contract handlers for the app and project lifecycle. */
import { resolve } from 'node:path';
import type { Handlers } from '../../../shared/api/contract.js';
import { parseFps } from '../../../shared/model/time.js';
import { AppError } from '../../../shared/errors.js';
import { ProjectStore } from '../project/store.js';
import { listProviders } from '../generation/providers/index.js';
import { resolveFfmpegInfo } from './ffmpegInfo.js';
import { APP_VERSION } from '../version.js';
import type { Session } from './session.js';

type ProjectHandlers = Pick<Handlers, 'app.info' | 'project.create' | 'project.open' | 'project.current' | 'project.close'>;

export function projectHandlers(session: Session, opts: { host: 'electron' | 'browser' | 'cli'; suggestedDir?: string | null }): ProjectHandlers {
  return {
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
      return session.adopt(store);
    },
    'project.open': async ({ dir }) => {
      const current = session.current();
      if (current && samePath(current.dir, dir)) return current.snapshot();
      return session.adopt(ProjectStore.open(dir, session.storeOptions()));
    },
    'project.current': async () => session.current()?.snapshot() ?? null,
    'project.close': async () => {
      await session.closeProject();
      return { ok: true as const };
    },
  };
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
