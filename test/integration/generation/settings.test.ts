/**
 * App settings and keys (SEC-10 for the job path): keys come from the environment or the
 * app's key store, are reported only as hasKey, and never reach settings.json, the project
 * database (WAL included), job errors or events, even when a provider echoes them back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import type { JobProgress } from '../../../shared/api/contract.js';
import { generateShots } from '../../../electron/services/generation/jobs.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import type { SecretStore } from '../../../electron/services/settings/secrets.js';
import { SettingsService } from '../../../electron/services/settings/store.js';
import { tempDir } from '../../helpers/tmp.js';
import { scriptedCloud } from './scriptedCloud.js';
import { realMedia } from '../../helpers/realMedia.js';

const root = tempDir();
const KEY = 'sk-dummy-7f3a9c1e5b2d4f60';
const CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
const providers = () => [
  { id: 'animatic', label: 'Animatic', offline: true },
  { id: 'cloud', label: 'Cloud', offline: false },
];
let store: ProjectStore | null = null;
afterAll(() => store?.close());

function memoryKeys(): SecretStore & { keys: Map<string, string> } {
  const keys = new Map<string, string>();
  return {
    keys,
    get: async (id) => keys.get(id) ?? null,
    set: async (id, secret) => void keys.set(id, secret),
    delete: async (id) => void keys.delete(id),
  };
}

describe('SettingsService', () => {
  it('env keys and base URLs: reported as hasKey/fromEnv, never written; saving a key without a key store is refused', async () => {
    const configDir = join(root, 'config env');
    const env = { STORYBOARD_CLOUD_API_KEY: KEY, STORYBOARD_CLOUD_BASE_URL: 'http://127.0.0.1:9/v1' };
    const settings = new SettingsService({ configDir, env, providers });
    const view = await settings.view();
    expect(view.canStoreKeys).toBe(false);
    expect(view.providers).toEqual([
      {
        id: 'animatic',
        label: 'Animatic',
        offline: true,
        enabled: true,
        baseUrl: null,
        baseUrlFromEnv: false,
        hasKey: false,
        keySource: null,
      },
      {
        id: 'cloud',
        label: 'Cloud',
        offline: false,
        enabled: true,
        baseUrl: 'http://127.0.0.1:9/v1',
        baseUrlFromEnv: true,
        hasKey: true,
        keySource: 'env',
      },
    ]);
    expect(JSON.stringify(view)).not.toContain(KEY);
    const err = await settings.update({ providers: { cloud: { apiKey: 'sk-new-key-0000' } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FORBIDDEN');
    expect((err as AppError).message).toBe(
      'API keys cannot be saved here; set STORYBOARD_CLOUD_API_KEY in the environment instead.',
    );
    expect((await settings.providerSettings(['cloud']))('cloud')).toEqual({
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: KEY,
    });
  });

  it('a key store: the key goes there only; settings.json keeps the rest; price overrides change the table', async () => {
    const configDir = join(root, 'config store');
    const keys = memoryKeys();
    const settings = new SettingsService({ configDir, env: {}, secrets: keys, providers });
    const view = await settings.update({
      providers: { cloud: { apiKey: KEY, enabled: true, baseUrl: 'https://proxy.example/v1' } },
      priceOverrides: [{ provider: 'cloud', model: '*', perSecond: 0.2 }],
      defaultProvider: 'cloud',
    });
    expect(view.providers[1]).toMatchObject({
      hasKey: true,
      keySource: 'store',
      baseUrl: 'https://proxy.example/v1',
      enabled: true,
    });
    expect(keys.keys.get('cloud')).toBe(KEY);
    const file = readFileSync(join(configDir, 'settings.json'), 'utf8');
    expect(file).not.toContain(KEY);
    expect(JSON.parse(file)).toMatchObject({
      defaultProvider: 'cloud',
      providers: { cloud: { baseUrl: 'https://proxy.example/v1' } },
    });
    expect(settings.prices().find((p) => p.provider === 'cloud')).toMatchObject({
      perSecond: 0.2,
      source: 'your settings',
    });
    await settings.update({ providers: { cloud: { apiKey: null, baseUrl: null } } });
    expect(keys.keys.has('cloud')).toBe(false);
    expect((await settings.view()).providers[1]).toMatchObject({ hasKey: false, baseUrl: null });
    await expect(settings.update({ providers: { nope: { enabled: true } } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('watermark setting', () => {
  it('offered only where the API has one, off by default, saved per provider, the environment wins', async () => {
    const wm = () => [
      { id: 'wan', label: 'Wan', offline: false },
      { id: 'cloud', label: 'Cloud', offline: false },
    ];
    const configDir = join(root, 'config watermark');
    const settings = new SettingsService({ configDir, env: {}, providers: wm, secrets: memoryKeys() });
    const watermarkOf = async () =>
      Object.fromEntries((await settings.view()).providers.map((p) => [p.id, p.watermark]));
    expect(await watermarkOf()).toEqual({ wan: false, cloud: undefined });
    expect((await settings.providerSettings(['wan', 'cloud']))('wan').watermark).toBe(false);
    await settings.update({ providers: { wan: { watermark: true } } });
    expect(await watermarkOf()).toEqual({ wan: true, cloud: undefined });
    expect((await settings.providerSettings(['wan']))('wan').watermark).toBe(true);
    expect((await settings.providerSettings(['cloud']))('cloud')).not.toHaveProperty('watermark');
    // A provider without the choice: refused, nothing written.
    const before = readFileSync(join(configDir, 'settings.json'), 'utf8');
    await expect(settings.update({ providers: { cloud: { watermark: true } } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(readFileSync(join(configDir, 'settings.json'), 'utf8')).toBe(before);
    // STORYBOARD_WAN_WATERMARK=0 wins over the saved choice; null returns to the default.
    const envWins = new SettingsService({ configDir, env: { STORYBOARD_WAN_WATERMARK: '0' }, providers: wm });
    expect((await envWins.providerSettings(['wan']))('wan').watermark).toBe(false);
    await settings.update({ providers: { wan: { watermark: null } } });
    expect(await watermarkOf()).toEqual({ wan: false, cloud: undefined });
  });
});

describe('keys never reach the project', () => {
  it('a provider that echoes the key in its errors: the DB, WAL, job errors and events hold no key', async () => {
    const dir = join(root, 'project 密钥');
    const s = ProjectStore.create(dir, { name: 'Keys', aspect: '16:9', resolution: '720p', fps: { num: 24, den: 1 } });
    store = s;
    for (const p of ['a', 'b']) s.shots.add({ prompt: p, durationFrames: 12 });
    const settings = new SettingsService({
      configDir: join(root, 'config project'),
      env: { STORYBOARD_CLOUD_API_KEY: KEY },
      providers,
    });
    const failing = scriptedCloud({ clip: CLIP, fail: { error: 'placeholder' } });
    let calls = 0;
    // Shot a: the create "times out" with the key in the message (-> unknown); shot b fails
    // with an error body that quotes the Authorization header back.
    failing.submit = async (_req, ctx) => {
      if (calls++ === 0) throw new Error(`connect ETIMEDOUT (Authorization: Bearer ${ctx.settings.apiKey})`);
      return { taskId: 'task-b' };
    };
    failing.poll = async (_task, ctx) => ({ state: 'failed', error: `401: invalid key ${ctx.settings.apiKey}` });
    const events: JobProgress[] = [];
    await generateShots(
      {
        store: s,
        importFile: (p) => importFile(s, p, 'generated'),
        getProvider: () => failing,
        minCloudPollMs: 0,
        providerSettings: await settings.providerSettings(['cloud']),
      },
      { providerId: 'cloud', onProgress: (p) => events.push(p) },
    );
    const jobs = s.listJobs();
    expect(jobs.map((j) => j.state).sort()).toEqual(['failed', 'unknown']);
    for (const j of jobs) expect(j.error).toContain('••••');
    expect(JSON.stringify(jobs)).not.toContain(KEY);
    expect(JSON.stringify(events)).not.toContain(KEY);
    for (const f of ['project.db', 'project.db-wal']) {
      const path = join(dir, f);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(KEY))).toBe(false);
    }
    // Control: the key really was handed to the provider (the test can fail).
    expect(calls).toBe(2);
  });
});
