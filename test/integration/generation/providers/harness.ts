/**
 * Shared plumbing of the adapter-against-fake provider tests (fal, kling, luma, minimax, openai-videos,
 * replicate, runway, seedance, veo, vidu, wan).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
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

/** Polls a task until it ends, and checks that it ended `succeeded` (any other end fails the test). */
export async function settleSucceeded(
  adapter: Pick<ProviderAdapter, 'poll'>,
  taskId: string,
  ctx: ProviderContext,
  tries = 100,
): Promise<void> {
  expect(await settle(adapter, taskId, ctx, tries)).toEqual({ state: 'succeeded', progress: 1 });
}

/**
 * The context a test hands its adapter: the fake's base URL (read at each call, so once the fake
 * has started) and the test key; `over` changes the settings of one call.
 */
export function fakeContext(tmpDir: string, fake: () => { url: string }, apiKey = 'test-key') {
  return (over: Partial<ProviderContext['settings']> = {}): ProviderContext => ({
    tmpDir,
    settings: { baseUrl: fake().url, apiKey, ...over },
  });
}

/** A PNG as the data URI the providers that take pictures inline expect. */
export function pngDataUri(path: string): string {
  return `data:image/png;base64,${readFileSync(path).toString('base64')}`;
}
