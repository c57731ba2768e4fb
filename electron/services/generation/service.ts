/**
 * Generation as the facade uses it, for one open project at a time: batches with per-job
 * cancel, estimates, the ledger, the budget, and the provider list for the inspector. Keys
 * and base URLs come from the app settings (settings/store.ts), resolved once per batch.
 */
import { AppError } from '../../../shared/errors.js';
import type { JobProgress } from '../../../shared/api/contract.js';
import type { Asset } from '../../../shared/model/entities.js';
import type { Aspect } from '../../../shared/model/format.js';
import type { SettingsService } from '../settings/store.js';
import { keyPieces } from '../../../shared/generation/keyEnv.js';
import { redact } from '../settings/secrets.js';
import type { BatchEstimate } from './cost.js';
import { estimateGeneration, generateShots, resumeJobs } from './jobs.js';
import { planBatch, type Planned } from './plan.js';
import { projectLedger } from './ledger.js';
import type { GenerateOptions, GenerationDeps, GenerationStore, QueueAdapter } from './ports.js';
import { getProvider, listProviders } from './providers/index.js';
import { generationTmpDir } from './runJob.js';
import { isInFlight } from '../../../shared/model/entities.js';

export interface BatchRequest {
  shotIds?: string[];
  provider?: string;
  providers?: string[];
  model?: string;
  variations?: number;
  seed?: 'same' | 'new';
  /** The shots as ONE multi-shot generation (generation/multiShotPlan.ts). */
  multiShot?: boolean;
  /** Each chosen shot's latest clip as the video to edit (generation/restyle.ts). */
  restyle?: boolean;
  /** Takes made at this delivery aspect (shared/model/aspectTakes.ts). */
  aspect?: Aspect;
}

export class GenerationService<S extends GenerationStore = GenerationStore> {
  /** Per-job cancel: one controller per job of a running batch. */
  private readonly jobControllers = new Map<string, AbortController>();

  constructor(
    private readonly settings: SettingsService,
    /** Validates with ffprobe and stores content-addressed (media/mediaStore.ts importFile). */
    private readonly importFile: (store: S, path: string) => Promise<Asset>,
  ) {}

  private async deps(store: S): Promise<GenerationDeps> {
    return {
      store,
      importFile: (path) => this.importFile(store, path),
      prices: this.settings.prices(),
      providerSettings: await this.settings.providerSettings(listProviders().map((p) => p.id)),
      disabledProviders: this.settings.disabledProviders(),
    };
  }

  private batchOptions(input: BatchRequest): GenerateOptions {
    const defaultProvider = this.settings.read().defaultProvider;
    const defaultModel = this.settings.read().defaultModel;
    return {
      ...(input.shotIds ? { shotIds: input.shotIds } : {}),
      // Settings' defaults are fallbacks for shots that name no provider/model, never overrides.
      ...(input.provider ? { providerId: input.provider } : {}),
      ...(defaultProvider ? { fallbackProviderId: defaultProvider } : {}),
      ...(input.providers ? { providerIds: input.providers } : {}),
      ...(input.model ? { model: input.model } : {}),
      ...(defaultModel ? { fallbackModel: defaultModel } : {}),
      ...(input.variations ? { variations: input.variations } : {}),
      ...(input.seed ? { seed: input.seed } : {}),
      ...(input.multiShot ? { multiShot: true } : {}),
      ...(input.restyle ? { restyle: true } : {}),
      ...(input.aspect ? { aspect: input.aspect } : {}),
    };
  }

  /**
   * Deps for NEW jobs (estimate, batch): a provider the user turned off in settings is refused
   * while the batch is planned, so nothing is written or sent. Resuming uses the plain deps:
   * tasks already sent were paid for, and are polled and downloaded whatever the setting.
   */
  private newJobDeps(deps: GenerationDeps): GenerationDeps {
    const off = this.settings.disabledProviders();
    if (off.size === 0) return deps;
    const lookup = deps.getProvider ?? getProvider;
    return {
      ...deps,
      getProvider: (id) => {
        const p = lookup(id);
        if (off.has(id)) {
          throw new AppError('FORBIDDEN', `${p.label} is turned off in Settings; turn it on to generate with it.`, {
            provider: id,
            providerDisabled: true,
          });
        }
        return p;
      },
    };
  }

  /** The jobs a batch would make, each with its full request ("what will be sent"); nothing written. */
  async plan(store: S, input: BatchRequest): Promise<Planned[]> {
    return planBatch(this.newJobDeps(await this.deps(store)), this.batchOptions(input));
  }

  async estimate(store: S, input: BatchRequest): Promise<BatchEstimate> {
    return estimateGeneration(this.newJobDeps(await this.deps(store)), this.batchOptions(input));
  }

  /**
   * Resumes what a crash left, then runs the batch. `onQueued` gets the new job ids as soon as
   * their rows exist. Error messages that leave here never carry a key.
   */
  async run(
    store: S,
    input: BatchRequest,
    hooks: { signal: AbortSignal; onQueued: (ids: string[]) => void; onProgress: (p: JobProgress) => void },
  ): Promise<{ jobIds: string[] }> {
    const deps = await this.deps(store);
    const keys = await this.settings.knownKeys();
    const onProgress = (p: JobProgress): void => hooks.onProgress(p.error ? { ...p, error: redact(p.error, keys) } : p);
    const signalFor = (jobId: string): AbortSignal => {
      let c = this.jobControllers.get(jobId);
      if (!c) {
        c = new AbortController();
        this.jobControllers.set(jobId, c);
      }
      return AbortSignal.any([hooks.signal, c.signal]);
    };
    try {
      await resumeJobs(deps, { signal: hooks.signal, signalFor, onProgress });
      const { jobIds } = await generateShots(this.newJobDeps(deps), {
        ...this.batchOptions(input),
        signal: hooks.signal,
        signalFor,
        onQueued: hooks.onQueued,
        onProgress,
      });
      return { jobIds };
    } catch (err) {
      if (err instanceof Error) err.message = redact(err.message, keys);
      throw err;
    } finally {
      for (const job of store.listJobs()) if (!isInFlight(job.state)) this.jobControllers.delete(job.id);
    }
  }

  /** Cancels a running job (its batch cancels the provider's task), or marks an idle one canceled. */
  cancel(store: GenerationStore, jobId: string): void {
    const job = store.getJob(jobId);
    const controller = this.jobControllers.get(jobId);
    if (controller && isInFlight(job.state)) {
      controller.abort();
      return;
    }
    if (job.state === 'queued' || job.state === 'unknown') {
      store.updateJob(jobId, {
        state: 'canceled',
        error: job.state === 'unknown' ? 'Canceled by you; check the provider for a task it may have made.' : null,
      });
      return;
    }
    throw new AppError('INVALID_INPUT', `Job ${jobId} is ${job.state} and cannot be canceled.`, {
      jobId,
      state: job.state,
    });
  }

  ledger(store: GenerationStore): ReturnType<typeof projectLedger> {
    return projectLedger(store);
  }

  setBudget(store: GenerationStore, budgetCap: number | null): { budgetCap: number | null } {
    if (!store.setBudgetCap) throw new AppError('INTERNAL', 'This project cannot store a budget.');
    if (budgetCap !== null && (!Number.isFinite(budgetCap) || budgetCap < 0)) {
      throw new AppError('INVALID_INPUT', `A budget cap must be a number >= 0 (got ${budgetCap}).`);
    }
    store.setBudgetCap(budgetCap);
    return { budgetCap };
  }

  async providers(): Promise<
    {
      id: string;
      label: string;
      offline: boolean;
      enabled: boolean;
      hasKey: boolean;
      capabilities: Record<string, unknown>;
      canTest: boolean;
    }[]
  > {
    const view = await this.settings.view();
    return listProviders().map((p) => {
      const v = view.providers.find((x) => x.id === p.id);
      return {
        id: p.id,
        label: p.label,
        offline: p.offline,
        enabled: v?.enabled ?? p.offline,
        hasKey: v?.hasKey ?? false,
        capabilities: { ...p.capabilities },
        canTest: Boolean((p as QueueAdapter).ping),
      };
    });
  }

  async test(providerId: string, tmpBase: string): Promise<{ ok: boolean; message: string }> {
    const provider = listProviders().find((p) => p.id === providerId) as QueueAdapter | undefined;
    if (!provider) throw new AppError('INVALID_INPUT', `Unknown provider "${providerId}".`);
    if (!provider.ping) return { ok: true, message: `${provider.label} needs no connection.` };
    const settings = (await this.settings.providerSettings([providerId]))(providerId);
    try {
      await provider.ping({ tmpDir: generationTmpDir(tmpBase), settings, signal: AbortSignal.timeout(15_000) });
      return { ok: true, message: `Connected to ${provider.label}.` };
    } catch (err) {
      return {
        ok: false,
        message: redact((err as Error).message, settings.apiKey ? keyPieces(providerId, settings.apiKey) : []),
      };
    }
  }
}
