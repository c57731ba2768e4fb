/**
 * A failed job carries a code and parameters (shared/generation/jobErrors.ts) beside its
 * English sentence, stored in the project file (migration 0011) and sent with job.progress,
 * so the renderer shows the failure in the user's language.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/api/contract.js';
import { generateShots } from '../../../electron/services/generation/jobs.js';
import type { GenerationDeps } from '../../../electron/services/generation/ports.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { realMedia } from '../../helpers/realMedia.js';
import { tempDir } from '../../helpers/tmp.js';
import { scriptedCloud, type Script } from './scriptedCloud.js';

const CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
const root = tempDir();
const open: ProjectStore[] = [];
afterAll(() => open.forEach((s) => s.close()));
let n = 0;

function setup(script: Omit<Script, 'clip'>) {
  const dir = join(root, `codes ${n++}`);
  const store = ProjectStore.create(dir, {
    name: 'Codes',
    aspect: '16:9',
    resolution: '720p',
    fps: { num: 24, den: 1 },
  });
  open.push(store);
  const cloud = scriptedCloud({ clip: CLIP, ...script });
  const deps: GenerationDeps = {
    store,
    importFile: (p) => importFile(store, p, 'generated'),
    minCloudPollMs: 0,
    getProvider: () => cloud,
  };
  return { dir, store, deps, cloud };
}

describe('a failed job carries a code and parameters', () => {
  it('a provider failure: providerFailed with the provider and its reason, in the row, after reopening, and in the event', async () => {
    const { dir, store, deps } = setup({ fail: { error: 'GPU quota exhausted' } });
    const shot = store.shots.add({ prompt: 'a horse', durationFrames: 24 });
    const events: JobProgress[] = [];
    const { jobIds } = await generateShots(deps, { shotIds: [shot.id], onProgress: (p) => events.push(p) });
    const want = { code: 'providerFailed', params: { provider: 'Scripted cloud', detail: 'GPU quota exhausted' } };
    expect(store.getJob(jobIds[0]!)).toMatchObject({ state: 'failed', error: 'GPU quota exhausted', errorInfo: want });
    expect(events.at(-1)).toMatchObject({ state: 'failed', errorInfo: want });
    store.close();
    open.splice(open.indexOf(store), 1);
    const again = ProjectStore.open(dir);
    open.push(again);
    expect(again.getJob(jobIds[0]!).errorInfo).toEqual(want);
  });

  it('a safety refusal is moderation; a retry that starts again clears the code', async () => {
    const { store, deps } = setup({ fail: { error: 'The prompt was flagged.', kind: 'moderation' } });
    const shot = store.shots.add({ prompt: 'a horse', durationFrames: 24 });
    const { jobIds } = await generateShots(deps, { shotIds: [shot.id] });
    expect(store.getJob(jobIds[0]!).errorInfo).toEqual({
      code: 'moderation',
      params: { provider: 'Scripted cloud', detail: 'The prompt was flagged.' },
    });
    // A new English sentence without a code never keeps the old code.
    expect(store.updateJob(jobIds[0]!, { state: 'failed', error: 'something else' }).errorInfo).toBeNull();
  });

  it('a shot the provider cannot make is written failed with capLastFrame and the shot number', async () => {
    const { store, deps, cloud } = setup({});
    const frame = await importFile(store, realMedia('first-frame-camping.png'), 'imported');
    store.shots.add({ prompt: 'first', durationFrames: 24 });
    const shot = store.shots.add({ prompt: 'camp', durationFrames: 24, lastFrameAssetId: frame.id });
    const { jobIds } = await generateShots(deps, { shotIds: [shot.id] });
    expect(store.getJob(jobIds[0]!)).toMatchObject({
      state: 'failed',
      errorInfo: { code: 'capLastFrame', params: { number: 2, provider: 'Scripted cloud' } },
    });
    expect(cloud.createAttempts).toBe(0);
  });
});
