/**
 * Polling one fal queue request (status IN_QUEUE / IN_PROGRESS / COMPLETED; COMPLETED also for a
 * failed request, which then carries `error`; 404: fal has no such request), shared by the
 * image and upscale adapters that run on fal's queue.
 */
import { ApiError } from '@fal-ai/client';
import type { PollResult, ProviderContext } from '../../types.js';
import { splitFalTask } from '../fal.js';
import { falClient, mapFalError } from './client.js';

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
