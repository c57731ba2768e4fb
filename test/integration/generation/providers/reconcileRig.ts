/**
 * Lost-create scenarios for the adapters that reconcile by listing (providers/reconcileList.ts),
 * over the real job path: SQLite ProjectStore, generateShots / resumeJobs, the media import
 * (ffprobe) and the provider's fake in this process. Each provider row says how its fake drops
 * an answer (task made, connection cut), loses a create (cut before anything is made) and makes
 * a twin (a second task with the same request, as if sent again elsewhere).
 */
import { join } from 'node:path';
import { generateShots, resumeJobs } from '../../../../electron/services/generation/jobs.js';
import type { GenerationDeps, QueueAdapter } from '../../../../electron/services/generation/ports.js';
import type { ProviderSettings } from '../../../../electron/services/generation/types.js';
import { importFile } from '../../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../../electron/services/project/store.js';
import { tempDir } from '../../../helpers/tmp.js';

export interface ReconcileRow<F> {
  provider: string;
  start(): Promise<F & { close(): Promise<void> }>;
  adapter(): QueueAdapter;
  settings(fake: F): ProviderSettings;
  /** Creates the fake accepted (tasks made, answered or not). */
  creates(fake: F): number;
  /** Create requests that reached the fake (made or cut). */
  createRequests(fake: F): number;
  /** List requests (what reconcile reads). */
  listRequests(fake: F): number;
  /** Ids of the tasks the fake made, oldest first. */
  ids(fake: F): string[];
  dropNextCreate(fake: F): void;
  loseNextCreate(fake: F): void;
  /** A twin of the newest task (same request); returns its id. */
  twin(fake: F): string | Promise<string>;
  /** Waits until the fake's tasks show what reconcile matches on (Wan echoes the prompt only when done). */
  ready?(fake: F): Promise<void>;
  /** Checks the create the fake received for the job (what reconcile will match on). */
  checkCreate?(fake: F, jobId: string): void;
  /** 'new': generate with a fresh seed (Replicate compares the echoed seed too). */
  seed?: 'new';
}

export interface Rig {
  store: ProjectStore;
  deps: GenerationDeps;
  shotId: string;
  close(): void;
}

let n = 0;

export function rig(adapter: QueueAdapter, settings: ProviderSettings, prompt: string): Rig {
  const dir = join(tempDir(), `reconcile ${adapter.id} ${n++} 镜头`);
  const store = ProjectStore.create(dir, {
    name: `${adapter.id} lost`,
    aspect: '16:9',
    resolution: '720p',
    fps: { num: 8, den: 1 },
  });
  const shot = store.shots.add({ prompt, durationFrames: 40 });
  // The fakes are local and fast: poll every 20-80 ms instead of the providers' 5-10 s.
  const fast: QueueAdapter = { ...adapter, pollPolicy: { initialMs: 20, maxMs: 80, factor: 1.5 } };
  const deps: GenerationDeps = {
    store,
    importFile: (p) => importFile(store, p, 'generated'),
    getProvider: (id) => {
      if (id !== adapter.id) throw new Error(`no provider ${id}`);
      return fast;
    },
    providerSettings: () => settings,
    minCloudPollMs: 20,
  };
  return { store, deps, shotId: shot.id, close: () => store.close() };
}

/** seed 'new': a fresh random seed is sent; without it the shot's (null: the provider picks). */
export async function generate(
  r: Rig,
  providerId: string,
  opts: { model?: string; seed?: 'new' } = {},
): Promise<string> {
  const { jobIds } = await generateShots(r.deps, { providerId, ...opts });
  if (jobIds.length !== 1 || !jobIds[0]) throw new Error(`expected one job, got ${jobIds.length}`);
  return jobIds[0];
}

export const resume = (r: Rig) => resumeJobs(r.deps);

/** Moves the job's last update back, as if the app had been closed that long. */
export function ageJob(r: Rig, jobId: string, ms: number): void {
  r.store.updateJob(jobId, { updatedAt: new Date(Date.now() - ms).toISOString() });
}

export const takesOf = (r: Rig) => r.store.snapshot().takes.filter((t) => t.shotId === r.shotId);
