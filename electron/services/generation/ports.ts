/**
 * What the generation job path needs from the rest of the app, and nothing more: the project
 * store (ProjectStore satisfies it), the media import, and the provider registry.
 */
import type { JobProgress } from '../../../shared/api/contract.js';
import type { Asset, Job, JobState, Project, ProjectSnapshot, Shot, Take } from '../../../shared/model/entities.js';
import type { ProviderAdapter, ProviderSettings } from './types.js';

export interface GenerationStore {
  /** The project folder. */
  readonly dir: string;
  project(): Project;
  /** Shots in timeline order, and every take. */
  snapshot(): Pick<ProjectSnapshot, 'shots' | 'takes'>;
  /** Throws AppError NOT_FOUND for an unknown id. */
  getShot(id: string): Shot;
  getAsset(id: string): Asset;
  /** Absolute path of a project-relative path. */
  absPath(rel: string): string;
  /** Each write is committed before it returns (the store is synchronous SQLite). */
  createJob(job: Job): unknown;
  updateJob(id: string, patch: Partial<Job>): unknown;
  getJob(id: string): Job;
  listJobs(filter?: { states?: JobState[]; shotId?: string }): Job[];
  addTake(take: Take, opts: { selectIfNone: boolean }): unknown;
  addProvenance(entry: { actor: string; action: string; subjectType: string; subjectId: string; details: Record<string, unknown> }): unknown;
}

export interface GenerationDeps {
  store: GenerationStore;
  /** Validates the file with ffprobe and stores it content-addressed (media/mediaStore.ts). */
  importFile(srcPath: string, origin: 'generated'): Promise<Asset>;
  /** Defaults to the registry in providers/index.ts. */
  getProvider?: (id: string) => ProviderAdapter;
  /** Defaults to STORYBOARD_<PROVIDER>_BASE_URL / _API_KEY and STORYBOARD_FONT. */
  providerSettings?: (providerId: string) => ProviderSettings;
}

export interface GenerateOptions {
  /** Shots to generate; without it, every shot with no take and no job under way. */
  shotIds?: string[];
  /** Overrides the shot's and the project's provider. */
  providerId?: string;
  signal?: AbortSignal;
  /** Called once, as soon as every job row of the batch is written. */
  onQueued?: (jobIds: string[]) => void;
  onProgress?: (p: JobProgress) => void;
}

/** Jobs that are under way: a shot with one is not generated again automatically. */
export const IN_FLIGHT_STATES: JobState[] = ['queued', 'submitting', 'submitted', 'running', 'downloading'];

export function envProviderSettings(env: Record<string, string | undefined> = process.env) {
  return (providerId: string): ProviderSettings => {
    const key = providerId.toUpperCase().replace(/[^A-Z0-9]/g, '_');
    const settings: ProviderSettings = {};
    const baseUrl = env[`STORYBOARD_${key}_BASE_URL`];
    const apiKey = env[`STORYBOARD_${key}_API_KEY`];
    if (baseUrl) settings.baseUrl = baseUrl;
    if (apiKey) settings.apiKey = apiKey;
    return settings;
  };
}
