/** The waveform store: peaks are asked once per asset and bucket count, failures are not cached for good. */
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../renderer/src/api/client.js';
import { loadPeaks } from '../../renderer/src/timeline/waveform.js';

function fakeApi(fail = false) {
  const calls: unknown[] = [];
  const api = {
    call: (async (method: string, input: { assetId: string; buckets: number }) => {
      calls.push({ method, ...input });
      if (fail) throw new Error('no sound');
      return { peaks: Array.from({ length: input.buckets }, (_, i) => i / input.buckets), durationSec: 1 };
    }) as unknown as ApiClient['call'],
  } as ApiClient;
  return { api, calls };
}

describe('waveform peaks', () => {
  it('are fetched once per asset and bucket count, shared by concurrent askers', async () => {
    const { api, calls } = fakeApi();
    const [a, b] = await Promise.all([loadPeaks(api, 'w1', 64), loadPeaks(api, 'w1', 64)]);
    expect(a).toHaveLength(64);
    expect(b).toBe(a);
    expect(await loadPeaks(api, 'w1', 64)).toBe(a);
    expect(calls).toEqual([{ method: 'media.waveform', assetId: 'w1', buckets: 64 }]);
    expect(await loadPeaks(api, 'w1', 128)).toHaveLength(128);
    expect(await loadPeaks(api, 'w2', 64)).toHaveLength(64);
    expect(calls).toHaveLength(3);
  });

  it('a failed fetch answers null instead of throwing', async () => {
    const { api, calls } = fakeApi(true);
    expect(await loadPeaks(api, 'silent', 64)).toBeNull();
    expect(calls).toHaveLength(1);
  });
});
