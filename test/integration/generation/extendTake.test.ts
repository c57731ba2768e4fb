/**
 * "Extend this take" end to end against the provider fakes, with real SQLite and ffprobe: a
 * take is generated, the provider's handle of its clip is kept with it, an extension shot is
 * inserted after it, and generating that shot sends the provider's own extend request (Veo
 * `video: {uri}`, Kling /v1/videos/video-extend `video_id`, Luma keyframes.frame0 generation).
 * A cross-provider extension is refused before any job is written or request sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeOutputRef } from '../../../shared/generation/request.js';
import type { Take } from '../../../shared/model/entities.js';
import { floorFrames } from '../../../shared/model/time.js';
import { extenderLabels, extensionShot } from '../../../electron/services/generation/extend.js';
import { generateShots } from '../../../electron/services/generation/jobs.js';
import type { GenerationDeps } from '../../../electron/services/generation/ports.js';
import { getProvider } from '../../../electron/services/generation/providers/index.js';
import type { ProviderAdapter, ProviderSettings } from '../../../electron/services/generation/types.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import type { ProjectStore } from '../../../electron/services/project/store.js';
import { rejectionOf } from '../../helpers/errors.js';
import { tempProjects } from '../../helpers/tempProjects.js';
import { startFakeKling, type FakeKling } from '../../fakes/kling.js';
import { startFakeLuma, type FakeLuma } from '../../fakes/luma.js';
import { startFakeVeo, type FakeVeo } from '../../fakes/veo.js';

const { create: project } = tempProjects(8);
let veo: FakeVeo;
let kling: FakeKling;
let luma: FakeLuma;

beforeAll(async () => {
  [veo, kling, luma] = await Promise.all([startFakeVeo(), startFakeKling(), startFakeLuma()]);
});
afterAll(async () => {
  await Promise.all([veo.close(), kling.close(), luma.close()]);
});

/** The registry's adapters, polled quickly (their real policies start at 5 s), at the fakes. */
function deps(store: ProjectStore): GenerationDeps {
  const settings: Record<string, ProviderSettings> = {
    veo: { baseUrl: veo.url, apiKey: 'test-key' },
    kling: { baseUrl: kling.url, apiKey: kling.apiKey },
    luma: { baseUrl: luma.url, apiKey: 'test-key' },
  };
  return {
    store,
    importFile: (path) => importFile(store, path, 'generated'),
    getProvider: (id): ProviderAdapter => ({
      ...getProvider(id),
      pollPolicy: { initialMs: 30, maxMs: 60, factor: 1.2 },
    }),
    providerSettings: (id) => settings[id] ?? {},
    minCloudPollMs: 0,
  };
}

async function generateOne(store: ProjectStore, shotId: string, providerId?: string): Promise<Take> {
  const { jobIds } = await generateShots(deps(store), { shotIds: [shotId], ...(providerId ? { providerId } : {}) });
  const job = store.getJob(jobIds[0] ?? '');
  expect(job, job.error ?? '').toMatchObject({ state: 'succeeded' });
  return store.getTake(job.takeId ?? '');
}

/** Generates a source take, inserts its extension shot (as the contract's shots.extendTake does) and generates that. */
async function extendFlow(store: ProjectStore, provider: string, model: string) {
  store.shots.add({ prompt: 'opening shot', durationFrames: 16 });
  const source = store.shots.add({ prompt: 'a horse runs at dawn', durationFrames: 40, provider, model });
  store.shots.add({ prompt: 'closing shot', durationFrames: 16 });
  const first = await generateOne(store, source.id);
  const init = extensionShot(store, first.id, 'the horse jumps the fence');
  const ext = store.shots.add(init);
  const second = await generateOne(store, ext.id);
  return { source, first, ext: store.getShot(ext.id), second };
}

describe('extend a take with its own provider', () => {
  it("Veo: the first output's Files API uri goes back as instances[0].video.uri, 8 s at 720p; the cut starts after the source", async () => {
    const store = project('veo');
    const { source, first, ext, second } = await extendFlow(store, 'veo', 'veo-3.1-generate-preview');
    const firstRef = takeOutputRef(first);
    expect(firstRef).toMatch(
      /^https:\/\/generativelanguage\.googleapis\.com\/v1beta\/files\/f[a-z0-9]+:download\?alt=media$/,
    );
    const creates = veo.requests.filter((r) => r.path.endsWith(':predictLongRunning'));
    expect(creates.at(-1)).toMatchObject({
      path: '/v1beta/models/veo-3.1-generate-preview:predictLongRunning',
      body: {
        instances: [{ prompt: 'the horse jumps the fence', video: { uri: firstRef } }],
        parameters: { sampleCount: 1, durationSeconds: 8, resolution: '720p', aspectRatio: '16:9' },
      },
    });
    expect((creates.at(-1)?.body as { instances: Record<string, unknown>[] }).instances[0]).not.toHaveProperty('image');
    // The new shot sits right after its source, same provider and model, trimmed past the source.
    expect(
      store
        .snapshot()
        .shots.map((s) => s.id)
        .indexOf(ext.id),
    ).toBe(
      store
        .snapshot()
        .shots.map((s) => s.id)
        .indexOf(source.id) + 1,
    );
    const sourceSec = store.getAsset(first.assetId).info.durationSec;
    expect(ext).toMatchObject({
      provider: 'veo',
      model: 'veo-3.1-generate-preview',
      extendsTakeId: first.id,
      trimInFrames: floorFrames(sourceSec, { num: 8, den: 1 }),
      selectedTakeId: second.id,
    });
    expect(ext.trimInFrames).toBeGreaterThan(0);
    expect(second.request).toMatchObject({
      extend: { takeId: first.id, provider: 'veo', ref: firstRef, durationSec: sourceSec },
    });
    expect(takeOutputRef(second)).not.toBe(firstRef);
    expect(takeOutputRef(second)).toMatch(/\/files\/f[a-z0-9]+:download/);
  });

  it("Kling: a V1 take's video id (not its task id) is POSTed to /v1/videos/video-extend and the task polled there", async () => {
    const store = project('kling');
    const before = kling.requests.length;
    const { first, ext, second } = await extendFlow(store, 'kling', 'kling-v1');
    const firstRef = takeOutputRef(first);
    expect(firstRef).toMatch(/^v-\d+$/);
    const mine = kling.requests.slice(before);
    const extendCreate = mine.filter((r) => r.method === 'POST' && r.path === '/v1/videos/video-extend');
    expect(extendCreate).toHaveLength(1);
    expect(extendCreate[0]?.body).toEqual({
      video_id: firstRef,
      prompt: 'the horse jumps the fence',
      external_task_id: second.jobId,
    });
    expect(mine.some((r) => r.method === 'GET' && r.path.startsWith('/v1/videos/video-extend/'))).toBe(true);
    expect(ext).toMatchObject({
      provider: 'kling',
      model: 'kling-v1',
      extendsTakeId: first.id,
      selectedTakeId: second.id,
    });
    expect(ext.trimInFrames).toBe(floorFrames(store.getAsset(first.assetId).info.durationSec, { num: 8, den: 1 }));
    expect(second.request).toMatchObject({
      extend: { takeId: first.id, provider: 'kling', model: 'kling-v1', ref: firstRef },
    });
    expect(takeOutputRef(second)).toMatch(/^v-\d+$/);
  });

  it('Luma: keyframes.frame0 is the first generation, by id; the new take keeps its own generation id', async () => {
    const store = project('luma');
    const before = luma.requests.length;
    const { first, ext, second } = await extendFlow(store, 'luma', 'ray-2');
    const creates = luma.requests
      .slice(before)
      .filter((r) => r.method === 'POST' && r.path.endsWith('/generations/video'));
    expect(creates).toHaveLength(2);
    expect(creates[0]?.body).not.toHaveProperty('keyframes');
    expect(creates[1]?.body).toEqual({
      model: 'ray-2',
      prompt: 'the horse jumps the fence',
      aspect_ratio: '16:9',
      resolution: '720p',
      duration: '5s',
      keyframes: { frame0: { type: 'generation', id: takeOutputRef(first) } },
    });
    expect(takeOutputRef(first)).toBe(
      first.id === second.id
        ? null
        : store.listProvenance({ subjectType: 'take', subjectId: first.id })[0]?.details.outputRef,
    );
    expect(takeOutputRef(first)).toMatch(/^[0-9a-f-]{36}$/);
    expect(ext).toMatchObject({ provider: 'luma', extendsTakeId: first.id, selectedTakeId: second.id });
    expect(takeOutputRef(second)).not.toBe(takeOutputRef(first));
  });
});

describe('impossible extensions are refused before anything is written or sent', () => {
  it('a Veo take extended with Kling: INVALID_INPUT naming the shot; no job row, no request', async () => {
    const store = project('cross');
    const source = store.shots.add({
      prompt: 'a horse',
      durationFrames: 40,
      provider: 'veo',
      model: 'veo-3.1-fast-generate-preview',
    });
    const first = await generateOne(store, source.id);
    const ext = store.shots.add(extensionShot(store, first.id));
    const klingBefore = kling.requests.length;
    const veoCreates = veo.creates;
    const err = await rejectionOf(generateShots(deps(store), { shotIds: [ext.id], providerId: 'kling' }));
    expect(err).toMatchObject({ code: 'INVALID_INPUT' });
    expect(extenderLabels()).toEqual(
      expect.arrayContaining(['Google Veo (Gemini API)', 'Kling AI', 'Luma Dream Machine']),
    );
    expect(err.message).toBe(
      'Shot 2 extends a Google Veo (Gemini API) take, so only Google Veo (Gemini API) can continue it (asked: Kling AI); ' +
        `only ${extenderLabels().join(', ')} can extend their own clips.`,
    );
    expect(store.listJobs({ shotId: ext.id })).toEqual([]);
    expect(kling.requests.length).toBe(klingBefore);
    expect(veo.creates).toBe(veoCreates);
  });

  it('a take whose provider cannot extend gets no extension shot, and a shot marked to extend it is refused', async () => {
    const store = project('no extend');
    const shot = store.shots.add({ prompt: 'title card', durationFrames: 8 });
    const take = await generateOne(store, shot.id, 'animatic');
    const revision = store.historyState().revision;
    expect(() => extensionShot(store, take.id)).toThrow(
      `of shot 1 was made by Animatic (offline), which cannot extend clips; only ${extenderLabels().join(', ')} can extend their own clips.`,
    );
    expect(store.historyState().revision).toBe(revision);
    // Marked by hand (undoable edit): the plan refuses it for the animatic, naming the shot.
    const marked = store.shots.add({ prompt: 'more', durationFrames: 8 });
    store.shots.update(marked.id, { extendsTakeId: take.id });
    expect(store.getShot(marked.id).extendsTakeId).toBe(take.id);
    const err = await rejectionOf(generateShots(deps(store), { shotIds: [marked.id], providerId: 'animatic' }));
    expect(err.message).toMatch(
      /^Shot 2 extends an Animatic \(offline\) take, but that model cannot extend clips; only /,
    );
    expect(store.listJobs({ shotId: marked.id })).toEqual([]);
    store.undo();
    expect(store.getShot(marked.id).extendsTakeId ?? null).toBeNull();
  });
});
