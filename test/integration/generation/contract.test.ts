/**
 * The generation, cost and settings methods of the contract through dispatch(), as the UI and
 * the browser host call them: estimate before a batch, the budget, the ledger, cancel, and
 * settings that never hand a key back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract.js';
import { call, services } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const KEY = 'sk-contract-test-5e1f0a9b';
const saved = { ...process.env };

beforeAll(() => {
  process.env.STORYBOARD_CONFIG_DIR = join(root, 'config');
  process.env.STORYBOARD_COMFYUI_API_KEY = KEY; // a key for a provider that needs none: still never shown
  process.env.STORYBOARD_COMFYUI_BASE_URL = 'http://127.0.0.1:9'; // nothing listens: the test is refused
});
afterAll(() => {
  process.env = saved;
});
describe('generation through the contract', () => {
  it('estimate, budget cap, batch with variations, ledger, and the refused batch', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'p1'), name: 'p1', resolution: '720p' });
    for (const p of ['one', 'two']) await call(s, 'shots.add', { prompt: p, durationSec: 0.5 });
    await call(s, 'settings.update', { priceOverrides: [{ provider: 'animatic', model: '*', perSecond: 1 }] });
    const est = await call(s, 'generate.estimate', { variations: 2 });
    expect(est).toMatchObject({ jobs: 4, total: 2, currency: 'USD', overBudget: false, budgetCap: null });
    expect(await call(s, 'project.setBudget', { budgetCap: 1.5 })).toEqual({ budgetCap: 1.5 });
    expect(await call(s, 'generate.estimate', { variations: 2 })).toMatchObject({ overBudget: true, budgetCap: 1.5 });
    await expect(call(s, 'generate.start', { variations: 2 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/Nothing was sent/),
    });
    expect(await call(s, 'jobs.list', {})).toEqual([]);

    await call(s, 'project.setBudget', { budgetCap: 2 });
    const events: EventPayload<'job.progress'>[] = [];
    const finished = new Promise<void>((resolve) => {
      s.on('job.progress', (p) => {
        events.push(p);
        const done = new Set(events.filter((e) => e.state === 'succeeded').map((e) => e.jobId));
        if (done.size === 4) resolve();
      });
    });
    const { jobIds } = await call(s, 'generate.start', { variations: 2 });
    expect(jobIds).toHaveLength(4);
    await finished;
    const ledger = await call(s, 'jobs.ledger', {});
    expect(ledger).toMatchObject({ currency: 'USD', budgetCap: 2, totals: { estimated: 2, actual: 2, committed: 2 } });
    expect(ledger.rows).toHaveLength(4);
    const snap = await call(s, 'project.current', {});
    expect(snap?.takes).toHaveLength(4);
    await expect(call(s, 'jobs.cancel', { jobId: jobIds[0] as string })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('settings.get and providers.list report hasKey only; providers.test reports a refused connection', async () => {
    const s = services();
    const view = await call(s, 'settings.get', {});
    expect(view.providers.find((p) => p.id === 'comfyui')).toMatchObject({
      hasKey: true,
      keySource: 'env',
      baseUrlFromEnv: true,
    });
    expect(view.canStoreKeys).toBe(false);
    const list = await call(s, 'providers.list', {});
    expect(list.map((p) => p.id)).toEqual(expect.arrayContaining(['animatic', 'comfyui']));
    expect(list.find((p) => p.id === 'animatic')?.capabilities).toMatchObject({
      textToVideo: true,
      imageToVideo: true,
    });
    const test = await call(s, 'providers.test', { provider: 'comfyui' });
    expect(test.ok).toBe(false);
    expect(test.message).toMatch(/127\.0\.0\.1:9/);
    const everything = JSON.stringify([view, list, test]);
    expect(everything).not.toContain(KEY);
    expect(readFileSync(join(root, 'config', 'settings.json'), 'utf8')).not.toContain(KEY);
    await expect(
      call(s, 'settings.update', { providers: { comfyui: { apiKey: 'sk-another-one' } } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
