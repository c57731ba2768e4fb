/** Shared plumbing of the adapter-against-fake provider tests (kling, luma, minimax, runway, vidu, wan). */
import type { PollResult, ProviderAdapter, ProviderContext } from '../../../../electron/services/generation/types.js';

/** Polls a task 40 ms apart until it leaves 'running'; throws after `tries` polls. */
export async function settle(
  adapter: Pick<ProviderAdapter, 'poll'>,
  taskId: string,
  ctx: ProviderContext,
  tries = 100,
): Promise<PollResult> {
  for (let i = 0; i < tries; i++) {
    const r = await adapter.poll(taskId, ctx);
    if (r.state !== 'running') return r;
    await new Promise((res) => setTimeout(res, 40));
  }
  throw new Error('never finished');
}
