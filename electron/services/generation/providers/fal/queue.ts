/**
 * One fal queue request of the image and upscale adapters (the paid jobs that run on fal's
 * queue): queued, polled (status IN_QUEUE / IN_PROGRESS / COMPLETED; COMPLETED also for a failed
 * request, which then carries `error`; 404: fal has no such request), and its output link read.
 */
import { ApiError } from '@fal-ai/client';
import { AppError } from '../../../../../shared/errors.js';
import type { PollResult, ProviderContext, ProviderSettings } from '../../types.js';
import { splitFalTask } from '../fal.js';
import { falClient, mapFalError } from './client.js';

/** A paid job's context as the fal client takes it (its output folder holds the SDK's temporary files). */
export function falJobContext(ctx: {
  outDir: string;
  settings: ProviderSettings;
  signal?: AbortSignal;
}): ProviderContext {
  return { tmpDir: ctx.outDir, settings: ctx.settings, ...(ctx.signal ? { signal: ctx.signal } : {}) };
}

/** Queues a request; the task id is `<endpoint>|<request_id>` (status and result URLs need the endpoint). */
export async function submitFalRequest(
  ctx: ProviderContext,
  endpoint: string,
  input: Record<string, unknown>,
  what: string,
): Promise<{ taskId: string }> {
  try {
    const res = await falClient(ctx).queue.submit(endpoint, { input });
    return { taskId: `${endpoint}|${res.request_id}` };
  } catch (err) {
    throw mapFalError(err, what);
  }
}

/**
 * The output link of a finished request, read from its result by `pick` (`what`: "read the
 * picture"). No link: PROVIDER_FAILED expired (fal no longer has it), naming `output` ("picture").
 */
export async function falOutputUrl(
  ctx: ProviderContext,
  taskId: string,
  pick: (data: unknown) => string | undefined,
  what: string,
  output: string,
): Promise<string> {
  const { endpoint, requestId } = splitFalTask(taskId);
  let url: string | undefined;
  try {
    url = pick((await falClient(ctx).queue.result(endpoint, { requestId })).data);
  } catch (err) {
    throw mapFalError(err, what);
  }
  if (!url)
    throw new AppError('PROVIDER_FAILED', `fal.ai has no ${output} for request ${requestId}.`, {
      expired: true,
      failureKind: 'expired',
    });
  return url;
}

export async function pollFalRequest(ctx: ProviderContext, taskId: string, what: string): Promise<PollResult> {
  const { endpoint, requestId } = splitFalTask(taskId);
  try {
    const s = (await falClient(ctx).queue.status(endpoint, { requestId, logs: false })) as {
      status: string;
      error?: string;
    };
    if (s.status !== 'COMPLETED') return { state: 'running', progress: s.status === 'IN_PROGRESS' ? 0.5 : 0 };
    if (s.error) return { state: 'failed', error: `fal.ai could not ${what}: ${s.error}.` };
    return { state: 'succeeded', progress: 1 };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404)
      return { state: 'failed', taskLost: true, error: `fal.ai has no request ${requestId}.` };
    throw mapFalError(err, `read the status (${what})`);
  }
}
