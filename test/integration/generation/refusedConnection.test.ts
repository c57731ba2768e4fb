/**
 * Defect 9: a refused connection was recorded as "unknown, maybe sent" and its estimate held
 * against the budget. The real Kling adapter is pointed at a port nothing listens on (the
 * network stack answers the SYN with RST: ECONNREFUSED, no request byte leaves), and at a
 * host name that does not resolve: the job fails, says nothing was sent, and the ledger
 * holds nothing against the cap, so the next batch within the cap is allowed.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateShots } from '../../../electron/services/generation/jobs.js';
import { projectLedger } from '../../../electron/services/generation/ledger.js';
import { refusedBeforeSending } from '../../../electron/services/generation/notSent.js';
import type { GenerationDeps } from '../../../electron/services/generation/ports.js';
import { createKlingProvider } from '../../../electron/services/generation/providers/kling.js';
import { tempDir } from '../../helpers/tmp.js';
import { FakeStore, project } from './fakeStore.js';

const root = tempDir();
let n = 0;

/** A local port nothing listens on: bound by us, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function generateAgainst(baseUrl: string) {
  const dir = join(root, `p${n++}`);
  mkdirSync(dir);
  const store = new FakeStore(dir, project({ budgetCap: 2 }));
  const kling = createKlingProvider({ env: {} });
  const deps: GenerationDeps = {
    store,
    importFile: (src) => store.importFile(src, 'generated'),
    minCloudPollMs: 0,
    getProvider: () => kling,
    providerSettings: () => ({ baseUrl, apiKey: 'access:secret' }),
  };
  store.addShot({ id: 's1', prompt: 'a horse', provider: 'kling', durationFrames: 5 * 24 });
  const { jobIds, estimate } = await generateShots(deps);
  return { store, deps, job: store.getJob(jobIds[0] as string), estimate };
}

describe('a refused connection', () => {
  it('fails the job, says nothing was sent, and holds nothing against the budget', async () => {
    const { store, deps, job, estimate } = await generateAgainst(`http://127.0.0.1:${await closedPort()}`);
    expect(estimate.total).toBeGreaterThan(0);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/refused the connection before anything was sent/);
    expect(projectLedger(store).totals.committed).toBe(0);
    // The cap is free again: the same shot can be sent once more within it.
    store.getShot('s1');
    await expect(generateShots(deps, { shotIds: ['s1'] })).resolves.toMatchObject({ jobIds: [expect.any(String)] });
  });

  it('a host name that does not resolve is also "not sent"', async () => {
    const { store, job } = await generateAgainst('http://storyboard-no-such-host.invalid');
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/could not be found/);
    expect(projectLedger(store).totals.committed).toBe(0);
  });

  it('a connection cut after sending stays ambiguous (ECONNRESET is not "not sent")', () => {
    expect(
      refusedBeforeSending(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })),
    ).toBeNull();
    expect(
      refusedBeforeSending(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
    ).toBe('ECONNREFUSED');
    expect(
      refusedBeforeSending(new Error('Kling at http://x did not answer while trying to create: ECONNREFUSED')),
    ).toBe('ECONNREFUSED');
  });
});
