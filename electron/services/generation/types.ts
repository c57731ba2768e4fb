/**
 * The provider adapter interface (design.md §5). Every provider, offline or cloud, is
 * create-then-poll: submit() returns a task id that the job row stores at once, poll() maps the
 * provider's own status vocabulary onto three states, fetchResult() downloads the finished clip
 * immediately (cloud URLs expire). The job runner (jobs.ts) drives them all the same way.
 */
import type { FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';
import type { ProviderCapabilities } from '../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import type { PollPolicy } from '../../../shared/generation/backoff.js';
import type { FlaggedInput } from '../../../shared/generation/failure.js';

export type { ProviderCapabilities } from '../../../shared/generation/capabilities.js';
export type { GenerationRequest } from '../../../shared/generation/request.js';
export type { PollPolicy } from '../../../shared/generation/backoff.js';

/** Per-provider settings: from the app's settings or STORYBOARD_<PROVIDER>_* for CLI/tests. */
export interface ProviderSettings {
  baseUrl?: string;
  /** Never logged, never stored in the project (design.md §5). */
  apiKey?: string;
  /** Animatic: a font file for title cards (else fonts.ts resolves one). */
  fontFile?: string;
  /**
   * A visible watermark on the clip, for providers whose API has the choice
   * (shared/generation/watermark.ts); absent means DEFAULT_WATERMARK (off).
   */
  watermark?: boolean;
}

export interface ProviderContext {
  /** A folder for the provider's temporary files, inside the project (.storyboard/tmp). */
  tmpDir: string;
  settings: ProviderSettings;
  /** Aborts this one call (an HTTP request); a running task is stopped with cancel(). */
  signal?: AbortSignal;
  /**
   * The job's id. An adapter whose provider accepts a client-chosen task id (ComfyUI's
   * `prompt_id`) uses it, so a create whose answer was lost can be found again (reconcile)
   * instead of sent twice. Optional: without it such adapters pick a random id.
   */
  jobId?: string;
  /**
   * Task ids other jobs of this project already hold (reconcile only): never an answer for
   * this job, so N variations with the same prompt do not look like N candidates.
   */
  knownTaskIds?: ReadonlySet<string>;
}

export type PollState = 'running' | 'succeeded' | 'failed';

export interface PollResult {
  state: PollState;
  /** 0..1 when the provider reports it. */
  progress?: number;
  /** Why it failed, as a sentence for the user (moderation, quota, provider error). */
  error?: string;
  /**
   * The provider does not know this task id (an in-process render lost at restart). Only an
   * offline provider's lost task is re-submitted; a paid one never is (design.md §5).
   */
  taskLost?: boolean;
  /** Why, as a kind (moderation, provider, auth, …: failure.ts FailureKind or a ReasonKind); absent: 'provider'. */
  failureKind?: string;
  /** For moderation: which input the provider says it flagged (shared/generation/failure.ts). */
  flagged?: FlaggedInput;
}

/** What fetchResult may report besides the file. */
export interface FetchedResult {
  /**
   * The provider's handle of the output clip, what its extend input takes: Veo the generated
   * video's Files API uri, Kling task_result.videos[0].id, Luma the generation id. Absent for
   * providers that cannot extend.
   */
  outputRef?: string;
  /**
   * A multi-shot clip's cut points in seconds, where the provider reports them (none of the
   * adapters' APIs does today; the runner then detects the scene cuts, else uses the plan).
   */
  cutsSec?: number[];
}

export interface ProviderAdapter {
  readonly id: string;
  readonly label: string;
  /** True when it needs no network and costs nothing (re-running a lost task is safe). */
  readonly offline: boolean;
  readonly capabilities: ProviderCapabilities;
  /** How often the runner polls a task (exponential with jitter, JOB-5). */
  readonly pollPolicy: PollPolicy;
  /**
   * Estimated cost in the project's currency units; 0 only for a provider that is really free
   * (offline). null: the price is unknown — never counted as free (the estimate says "price
   * unknown" and a batch under a budget cap needs the user's decision).
   */
  estimateCost(req: GenerationRequest): number | null;
  /**
   * Creates the task. Must not retry on its own when the answer is lost (turn SDK retries
   * off). Throw AppError PROVIDER_FAILED or INVALID_INPUT only when the provider answered and
   * created nothing (a 4xx); for an online provider any other error (network, timeout) means
   * the outcome is unknown and the runner marks the job `unknown` instead of paying twice.
   * Throttling (429 / concurrency limit) is PROVIDER_FAILED with details `{ status: 429,
   * throttled: true, retryAfterMs }` (from Retry-After; 0 when absent) from any method: the
   * runner waits that long and tries again instead of failing (queue.ts retryAfterMs()).
   * An output that is gone (expired URL, deleted file) is PROVIDER_FAILED with details
   * `{ expired: true, failureKind: 'expired' }` (JOB-6).
   */
  submit(req: GenerationRequest, ctx: ProviderContext): Promise<{ taskId: string }>;
  poll(taskId: string, ctx: ProviderContext): Promise<PollResult>;
  /**
   * Writes the finished clip to destPath (a temp file the runner then imports). May answer
   * the provider's own handle of that clip (FetchedResult.outputRef), which the take keeps so
   * the clip can be extended later by the same provider.
   */
  fetchResult(taskId: string, destPath: string, ctx: ProviderContext): Promise<void | FetchedResult>;
  cancel?(taskId: string, ctx: ProviderContext): Promise<void>;
  /**
   * A seed for a request that has none, from the job id (e.g. Seedance: the task list echoes
   * no prompt, so the seed is how a lost create is found again). The runner writes it into the
   * job's request in the same step that marks the job `submitting`, so the request stored, the
   * one sent and the take's record are the same.
   */
  seedFor?(jobId: string): number;
}

/** The one ffmpeg runner's shape (electron/services/ffmpeg/runner.ts), injected for tests. */
export interface RunFfmpegOptions {
  signal?: AbortSignal;
  onProgress?: (p: number) => void;
  onSpawn?: (pid: number) => void;
  timeoutMs?: number;
}
export type RunFfmpeg = (
  inv: FfmpegInvocation,
  opts?: RunFfmpegOptions,
) => Promise<{ commandLine: string; stderrTail: string }>;
