/**
 * Who may generate: Kling's two-variable key seen by settings and the adapter alike, and the
 * rule for providers the user turned off (refused before any job is written; an untoggled
 * provider keeps working; a task already sent is still polled and downloaded).
 * Real SQLite, real ffmpeg, the fake /v1/videos gateway.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { buildGenerationRequest, type GenerationRequest } from '../../../shared/generation/request.js';
import type { Job } from '../../../shared/model/entities.js';
import { newJob } from '../../../shared/model/factories.js';
import { klingKeys } from '../../../electron/services/generation/providers/kling/jwt.js';
import { createOpenAIVideosProvider } from '../../../electron/services/generation/providers/openai-videos.js';
import { GenerationService } from '../../../electron/services/generation/service.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import type { ProjectStore } from '../../../electron/services/project/store.js';
import { SettingsService } from '../../../electron/services/settings/store.js';
import { rejectionOf } from '../../helpers/errors.js';
import { tempProjects } from '../../helpers/tempProjects.js';
import { startFakeOpenAIVideos, type FakeOpenAIVideos } from '../../fakes/openai-videos.js';

const { root, create: project } = tempProjects(8);
let fake: FakeOpenAIVideos;
beforeAll(async () => {
  fake = await startFakeOpenAIVideos();
});
afterAll(async () => {
  await fake.close();
});

const catalog = () => [
  { id: 'animatic', label: 'Animatic', offline: true },
  { id: 'kling', label: 'Kling AI', offline: false },
  { id: 'runway', label: 'Runway', offline: false },
];

describe('Kling keys from two variables', () => {
  it('settings report the key (env), turn Kling on, hand the adapter a pair it parses, and never show it', async () => {
    const env = { STORYBOARD_KLING_ACCESS_KEY: 'ak-live-1234', STORYBOARD_KLING_SECRET_KEY: 'sk-live-5678' };
    const settings = new SettingsService({ configDir: join(root, 'kling both'), env, providers: catalog });
    const view = await settings.view();
    expect(view.providers.find((p) => p.id === 'kling')).toMatchObject({
      hasKey: true,
      keySource: 'env',
      enabled: true,
    });
    expect(view.providers.find((p) => p.id === 'runway')).toMatchObject({
      hasKey: false,
      keySource: null,
      enabled: false,
    });
    expect(JSON.stringify(view)).not.toMatch(/ak-live|sk-live/);
    const handed = (await settings.providerSettings(['kling']))('kling');
    expect(klingKeys(handed, {})).toEqual({ accessKey: 'ak-live-1234', secretKey: 'sk-live-5678' });
    // A provider that quotes only the secret back is still redacted.
    expect(await settings.knownKeys()).toEqual(expect.arrayContaining(['sk-live-5678', 'ak-live-1234']));
    const err = await rejectionOf(settings.update({ providers: { kling: { apiKey: 'x:y' } } }));
    expect(err.message).toBe(
      'API keys cannot be saved here; set STORYBOARD_KLING_API_KEY ("accessKey:secretKey"), ' +
        'or STORYBOARD_KLING_ACCESS_KEY and STORYBOARD_KLING_SECRET_KEY in the environment instead.',
    );
  });

  it('one of the two variables is no key', async () => {
    const settings = new SettingsService({
      configDir: join(root, 'kling one'),
      env: { STORYBOARD_KLING_ACCESS_KEY: 'ak-only' },
      providers: catalog,
    });
    expect((await settings.view()).providers.find((p) => p.id === 'kling')).toMatchObject({
      hasKey: false,
      keySource: null,
      enabled: false,
    });
    // No key reaches the adapter; only the watermark choice (off by default) does.
    expect((await settings.providerSettings(['kling']))('kling')).toEqual({ watermark: false });
  });

  it('a key saved in the app turns an untoggled cloud provider on, as an env key does', async () => {
    const saved = new Map<string, string>([['runway', 'key_saved_0001']]);
    const settings = new SettingsService({
      configDir: join(root, 'saved key'),
      env: {},
      providers: catalog,
      secrets: {
        get: async (id) => saved.get(id) ?? null,
        set: async (id, k) => void saved.set(id, k),
        delete: async (id) => void saved.delete(id),
      },
    });
    expect((await settings.view()).providers.find((p) => p.id === 'runway')).toMatchObject({
      hasKey: true,
      keySource: 'store',
      enabled: true,
    });
    expect(
      (await settings.update({ providers: { runway: { enabled: false } } })).providers.find((p) => p.id === 'runway'),
    ).toMatchObject({ hasKey: true, enabled: false });
    expect(settings.disabledProviders()).toEqual(new Set(['runway']));
  });
});

const registryNames = () => [
  { id: 'animatic', label: 'Animatic', offline: true },
  { id: 'openai-videos', label: 'Gateway', offline: false },
];
/** Settings with the OpenAI videos gateway keyed to the fake (from the environment), and a service on them. */
function gateway(configName: string) {
  const env = { STORYBOARD_OPENAI_VIDEOS_BASE_URL: fake.url, STORYBOARD_OPENAI_VIDEOS_API_KEY: 'test-key' };
  const settings = new SettingsService({ configDir: join(root, configName), env, providers: registryNames });
  const service = new GenerationService<ProjectStore>(settings, (s, p) => importFile(s, p, 'generated'));
  return { settings, service };
}

/** A shot and the request the service would build for it (no frame to send). */
function kittenShot(store: ProjectStore) {
  const shot = store.shots.add({ prompt: 'a kitten plays', durationFrames: 32 });
  const request = buildGenerationRequest({
    project: store.project(),
    shot,
    shotNumber: 1,
    frame: () => {
      throw new Error('no frame');
    },
  });
  return { shot, request };
}

/** A Sora 2 job row for `request`: queued and unsent unless `over` says otherwise. */
function soraJob(id: string, shotId: string, request: GenerationRequest, over: Partial<Job> = {}): Job {
  return newJob({
    id,
    shotId,
    provider: 'openai-videos',
    model: 'sora-2',
    request: request as unknown as Record<string, unknown>,
    costEstimate: 0.8,
    createdAt: new Date().toISOString(),
    ...over,
  });
}
const hooks = () => ({ signal: new AbortController().signal, onQueued: () => undefined, onProgress: () => undefined });

describe('a provider turned off in settings', () => {
  it('is refused, with its name and what to do, before any job is written or sent; untoggled ones work', async () => {
    const { settings, service } = gateway('off config');
    const store = project('off 关闭');
    store.shots.add({ prompt: 'a lighthouse at dusk', durationFrames: 4 });

    // Never toggled: the env key makes the gateway usable (the CLI and tests rely on it).
    expect((await service.providers()).find((p) => p.id === 'openai-videos')).toMatchObject({
      enabled: true,
      hasKey: true,
    });
    expect((await service.estimate(store, { provider: 'openai-videos' })).jobs).toBe(1);

    await settings.update({ providers: { 'openai-videos': { enabled: false }, animatic: { enabled: false } } });
    expect((await service.providers()).filter((p) => p.enabled).map((p) => p.id)).not.toContain('openai-videos');
    for (const provider of ['openai-videos', 'animatic']) {
      const est = await rejectionOf(service.estimate(store, { provider }));
      const run = await rejectionOf(service.run(store, { provider }, hooks()));
      for (const err of [est, run]) {
        expect(err).toBeInstanceOf(AppError);
        expect(err.code).toBe('FORBIDDEN');
        expect(err.details).toMatchObject({ provider, providerDisabled: true });
      }
    }
    expect((await rejectionOf(service.run(store, { provider: 'openai-videos' }, hooks()))).message).toMatch(
      /^OpenAI-compatible \/v1\/videos gateway .* is turned off in Settings; turn it on to generate with it\.$/,
    );
    // A comparison batch with one provider off is refused as a whole.
    await settings.update({ providers: { animatic: { enabled: true } } });
    expect(
      (await rejectionOf(service.run(store, { providers: ['animatic', 'openai-videos'] }, hooks()))).details,
    ).toMatchObject({ provider: 'openai-videos' });
    expect(store.listJobs()).toEqual([]);
    expect(fake.creates).toBe(0);

    // Turned back on: the same batch runs (control: the refusal above was the setting).
    const { jobIds } = await service.run(store, { provider: 'animatic' }, hooks());
    expect(store.listJobs().map((j) => [j.id, j.state])).toEqual([[jobIds[0], 'succeeded']]);
  });

  it('a task sent before it was turned off is still polled and downloaded (it was paid for)', async () => {
    fake.reset();
    const { settings, service } = gateway('resume config');
    const store = project('resume 续');
    const { shot, request } = kittenShot(store);
    const { taskId } = await createOpenAIVideosProvider().submit(request, {
      tmpDir: root,
      settings: { baseUrl: fake.url, apiKey: 'test-key' },
    });
    store.createJob(soraJob('job-sent-before-off', shot.id, request, { state: 'submitted', taskId }));
    await settings.update({ providers: { 'openai-videos': { enabled: false } } });

    await service.run(store, {}, hooks());
    const job = store.getJob('job-sent-before-off');
    expect(job).toMatchObject({ state: 'succeeded', taskId });
    expect(store.snapshot().takes.map((t) => t.id)).toEqual([job.takeId]);
    expect(fake.creates).toBe(1); // the one create above: nothing re-sent
    expect(fake.requests.some((r) => r.path === `/v1/videos/${taskId}/content?variant=video`)).toBe(true);
    // New work on it is still refused.
    store.shots.add({ prompt: 'another', durationFrames: 4 });
    expect((await rejectionOf(service.run(store, { provider: 'openai-videos' }, hooks()))).details).toMatchObject({
      providerDisabled: true,
    });
  });

  it('a job queued but never sent before it was turned off is canceled with the reason, not sent', async () => {
    fake.reset();
    const { settings, service } = gateway('queued config');
    const store = project('queued 排队');
    const { shot, request } = kittenShot(store);
    store.createJob(soraJob('job-queued', shot.id, request));
    await settings.update({ providers: { 'openai-videos': { enabled: false } } });

    const seen: string[] = [];
    await service.run(store, {}, { ...hooks(), onProgress: (p) => void seen.push(`${p.jobId}:${p.state}`) });
    expect(store.getJob('job-queued')).toMatchObject({ state: 'canceled', taskId: null });
    expect(store.getJob('job-queued').error).toMatch(
      /^Not sent: .* is turned off in Settings\. Turn it on and generate again\.$/,
    );
    expect(seen).toContain('job-queued:canceled');
    expect(fake.creates).toBe(0);
    // (The run also generated the shot, which had no take, with the default offline provider.)
    expect(store.snapshot().takes.filter((t) => t.provider === 'openai-videos')).toEqual([]);

    // Control: with the provider on, the same queued row is sent and becomes a take.
    await settings.update({ providers: { 'openai-videos': { enabled: true } } });
    store.updateJob('job-queued', { state: 'queued', error: null });
    await service.run(store, {}, hooks());
    expect(store.getJob('job-queued').state).toBe('succeeded');
    expect(fake.creates).toBe(1);
  }, 30_000);
});
