/**
 * What the generation job path needs from the rest of the app, and nothing more: the project
 * store (ProjectStore satisfies it), the media import, and the provider registry.
 */
import type { JobProgress } from '../../../shared/api/contract.js';
import type {
  Asset,
  Job,
  JobKind,
  JobState,
  Project,
  ProjectSnapshot,
  Shot,
  Take,
} from '../../../shared/model/entities.js';
import { JOB_KINDS } from '../../../shared/model/entities.js';
import type { Aspect } from '../../../shared/model/format.js';
import { envKey, envName } from '../../../shared/generation/keyEnv.js';
import type { PriceEntry } from '../../../shared/generation/priceList.js';
import type { ProviderAdapter, ProviderContext, ProviderSettings, RunFfmpeg } from './types.js';
import { hasWatermarkSetting, resolveWatermark } from '../../../shared/generation/watermark.js';
import type { ProvenanceInput } from '../project/provenance.js';

/**
 * Optional adapter abilities the queue uses when present (no provider id checks anywhere).
 * Kept here, beside the queue that calls them, so adapters opt in by adding the members.
 */
export interface AdapterExtras {
  /** Tasks of this provider that may run at once (its tier); default by `offline`. */
  maxConcurrent?: number;
  /**
   * For a job whose create answer was lost: the task the provider made for it, found by
   * listing its tasks (the job id doubles as the client id where a provider keeps one), or
   * null when it cannot tell (the job stays `unknown` for the user). `{ absent: true }` only
   * when the provider is sure it never accepted the task (a client-chosen id it does not
   * know): the job is then queued again, which cannot pay twice.
   */
  reconcile?(job: Job, ctx: ProviderContext): Promise<{ taskId: string } | { absent: true } | null>;
  /** Checks the base URL and key with a free call (settings "test connection"). */
  ping?(ctx: ProviderContext): Promise<void>;
}
export type QueueAdapter = ProviderAdapter & AdapterExtras;

export interface GenerationStore {
  /** The project folder. */
  readonly dir: string;
  project(): Project;
  /** Shots in timeline order, and every take. */
  /** Elements are optional so small test stores need not model them (no references then). */
  snapshot(): Pick<ProjectSnapshot, 'shots' | 'takes'> & Partial<Pick<ProjectSnapshot, 'elements'>>;
  /** Throws AppError NOT_FOUND for an unknown id. */
  getShot(id: string): Shot;
  getAsset(id: string): Asset;
  /** Absolute path of a project-relative path. */
  absPath(rel: string): string;
  /** Each write is committed before it returns (the store is synchronous SQLite). */
  createJob(job: Job): unknown;
  /** All rows of a batch at once (one transaction), so a kill can't leave it half-written. */
  createJobs?(jobs: readonly Job[]): unknown;
  updateJob(id: string, patch: Partial<Job>): unknown;
  getJob(id: string): Job;
  listJobs(filter?: { states?: readonly JobState[]; shotId?: string }): Job[];
  addTake(take: Take, opts: { selectIfNone: boolean }): unknown;
  /** Project settings (ProjectStore has them; optional so small fakes may leave them out). */
  getSetting?(key: string): string | null;
  setSetting?(key: string, value: string): unknown;
  setBudgetCap?(cap: number | null): void;
  addProvenance(entry: ProvenanceInput): unknown;
}

export interface GenerationDeps {
  store: GenerationStore;
  /** Validates the file with ffprobe and stores it content-addressed (media/mediaStore.ts). */
  importFile(srcPath: string, origin: 'generated'): Promise<Asset>;
  /** Defaults to the registry in providers/index.ts. */
  getProvider?: (id: string) => ProviderAdapter;
  /** Defaults to STORYBOARD_<PROVIDER>_BASE_URL / _API_KEY and STORYBOARD_FONT. */
  providerSettings?: (providerId: string) => ProviderSettings;
  /** The price table with the user's overrides (defaults to shared/generation/priceList.ts). */
  prices?: readonly PriceEntry[];
  /**
   * The shortest wait between two polls of one paid task (default 5000: JOB-5). Only tests
   * against local fakes lower it.
   */
  minCloudPollMs?: number;
  /**
   * Providers the user turned off in Settings. A job of theirs that was never sent is not sent
   * on resume (it is canceled with the reason); a task already sent is still followed.
   */
  disabledProviders?: ReadonlySet<string>;
  /** The one ffmpeg runner (splitting a multi-shot clip); tests may inject it. */
  runFfmpeg?: RunFfmpeg;
}

export interface GenerateOptions {
  /** Shots to generate; without it, every shot with no take and no job under way. */
  shotIds?: string[];
  /** Overrides the shot's and the project's provider. */
  providerId?: string;
  /** Several providers: one job per (shot, provider) pair, to compare (wins over providerId). */
  providerIds?: string[];
  /** Overrides the shot's and the project's model. */
  model?: string;
  /**
   * The app's default provider (Settings): for shots that name none, before the project's
   * stored default. Never overrides a shot's own provider (an extension, a model chosen for it).
   */
  fallbackProviderId?: string;
  /** The app's default model: only with the fallback provider, for shots that name no model. */
  fallbackModel?: string;
  /**
   * The chosen consecutive shots as ONE multi-shot generation (one job on the first shot, split
   * back onto the shots as takes); refused unless the model can (multiShotPlan.ts).
   */
  multiShot?: boolean;
  /**
   * Each chosen shot's latest clip is sent as the video to edit (GenerationRequest.sourceVideo);
   * without shotIds the shots WITH a clip are chosen (restyle.ts).
   */
  restyle?: boolean;
  /** Takes per shot (default 1). Variations after the first get a fresh seed. */
  variations?: number;
  /**
   * Make the takes at this delivery aspect (its size at the project's short side); each take
   * records it and is never selected as the shot's clip (shared/model/aspectTakes.ts).
   */
  aspect?: Aspect;
  /**
   * 'same': reuse the shot's seed (or the last take's) to regenerate; 'new': a fresh random
   * seed. Default: the shot's seed for the first variation.
   */
  seed?: 'same' | 'new';
  /** The budget cap for this batch (else the project's). */
  budgetCap?: number | null;
  signal?: AbortSignal;
  /** A job's own signal (per-job cancel); defaults to `signal`. */
  signalFor?: (jobId: string) => AbortSignal | undefined;
  /** Called once, as soon as every job row of the batch is written. */
  onQueued?: (jobIds: string[]) => void;
  onProgress?: (p: JobProgress) => void;
}

/**
 * What a job makes: a video take (this queue), or a job of another kind that shares the job
 * rows, states and budget but is run by its own service (request.kind; entities.ts JOB_KINDS).
 */
export function jobKind(job: Pick<Job, 'request'>): JobKind {
  const kind = job.request.kind;
  return (JOB_KINDS as readonly unknown[]).includes(kind) ? (kind as JobKind) : 'video';
}

/** Jobs that are under way: a shot with one is not generated again automatically. */

export function envProviderSettings(env: Record<string, string | undefined> = process.env) {
  return (providerId: string): ProviderSettings => {
    const settings: ProviderSettings = {};
    const baseUrl = env[envName(providerId, 'BASE_URL')];
    // envKey: STORYBOARD_<P>_API_KEY, or a multi-part key (Kling's access + secret key).
    const apiKey = envKey(providerId, env);
    if (baseUrl) settings.baseUrl = baseUrl;
    if (apiKey) settings.apiKey = apiKey;
    if (hasWatermarkSetting(providerId))
      settings.watermark = resolveWatermark(providerId, undefined, env[envName(providerId, 'WATERMARK')]);
    return settings;
  };
}
