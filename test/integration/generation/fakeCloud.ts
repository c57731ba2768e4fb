/**
 * A paid provider stand-in for the job path: counts creates, polls and downloads, and checks
 * the store's job row at each step (written before create, task id stored before polling).
 */
import { copyFileSync } from 'node:fs';
import { expect } from 'vitest';
import { plainCapabilities } from '../../fakes/capabilities.js';
import type { ProviderAdapter } from '../../../electron/services/generation/types.js';
import type { FakeStore } from './fakeStore.js';

export interface FakeCloud extends ProviderAdapter {
  submits: number;
  polls: string[];
  fetches: string[];
}

export function fakeCloud(
  store: FakeStore,
  opts: { clip: string; submitError?: Error; lost?: boolean; imageOnly?: boolean; cost?: number },
): FakeCloud {
  let next = 1;
  const p: FakeCloud = {
    id: 'cloud',
    label: 'Fake Cloud',
    offline: false,
    submits: 0,
    polls: [],
    fetches: [],
    capabilities: plainCapabilities({ textToVideo: !opts.imageOnly }),
    pollPolicy: { initialMs: 5, maxMs: 10, factor: 1 },
    estimateCost: () => opts.cost ?? 0.5,
    async submit(req) {
      p.submits++;
      // The job row exists, in `submitting`, before the provider is called (JOB-1).
      expect(store.listJobs({ shotId: req.shotId, states: ['submitting'] })).toHaveLength(1);
      if (opts.submitError) throw opts.submitError;
      return { taskId: `task-${next++}` };
    },
    async poll(taskId) {
      p.polls.push(taskId);
      // The task id was stored as the answer arrived, before the first poll.
      expect([...store.jobs.values()].some((j) => j.taskId === taskId)).toBe(true);
      if (opts.lost) return { state: 'failed', taskLost: true, error: 'Task not found at the provider.' };
      return p.polls.filter((t) => t === taskId).length < 2
        ? { state: 'running', progress: 0.5 }
        : { state: 'succeeded' };
    },
    async fetchResult(taskId, dest) {
      p.fetches.push(taskId);
      copyFileSync(opts.clip, dest);
    },
  };
  return p;
}
