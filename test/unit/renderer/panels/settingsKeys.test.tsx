/**
 * The settings panel never shows a key: in the browser host keys come from the environment
 * (Kling's two variables, or one), in Electron a password field that never holds the saved key
 * (Kling's says the "accessKey:secretKey" format); a key is saved through settings.update and a
 * connection tested through the action registry.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../../shared/generation/settings';
import { actions, runAction } from '../../../../renderer/src/actions';
import { initI18n } from '../../../../renderer/src/i18n';
import { SettingsPanel } from '../../../../renderer/src/panels/SettingsPanel';
import { jobsUi, resetJobsUi, setJobsUi, type JobsUiState } from '../../../../renderer/src/store/jobsUi';
import { createAppStore, type AppStore } from '../../../../renderer/src/store/store';
import { cloud, cloudStore } from '../cloudJobs';
import { fakeApi, renderInApp } from '../fixtures';

type ProviderSettings = SettingsView['providers'][number];

/** A provider's settings row: online, switched off, no base URL and no key; `over` changes any field. */
const providerSettings = (id: string, label: string, over: Partial<ProviderSettings> = {}): ProviderSettings => ({
  id,
  label,
  offline: false,
  enabled: false,
  baseUrl: null,
  baseUrlFromEnv: false,
  hasKey: false,
  keySource: null,
  ...over,
});

/** Settings with these providers, no overrides or defaults; keys can be stored only in Electron. */
const settingsView = (providers: ProviderSettings[], canStoreKeys: boolean): SettingsView => ({
  providers,
  priceOverrides: [],
  defaultProvider: null,
  defaultModel: null,
  canStoreKeys,
  keyStoreProblem: null,
});

/** The settings panel, open, showing `view` (and the connection tests in `tests`). */
function renderSettings(store: AppStore, view: SettingsView, tests: JobsUiState['tests'] = {}): string {
  store.getState().setSettings(view);
  setJobsUi({ settingsOpen: true, tests });
  return renderInApp(store, <SettingsPanel />, [jobsUi]);
}

/** Kling (key set or not) and Google Veo (no key). */
function renderKling(canStoreKeys: boolean, hasKey: boolean): string {
  const kling = providerSettings('kling', 'Kling AI', {
    enabled: hasKey,
    hasKey,
    keySource: hasKey ? (canStoreKeys ? 'store' : 'env') : null,
  });
  return renderSettings(createAppStore(), settingsView([kling, providerSettings('veo', 'Google Veo')], canStoreKeys));
}

/** The cloud provider with its key set, and a failed connection test. */
const cloudView = (canStoreKeys: boolean): SettingsView =>
  settingsView(
    [
      providerSettings('cloud', 'Cloud Video', {
        enabled: true,
        hasKey: true,
        keySource: canStoreKeys ? 'store' : 'env',
      }),
    ],
    canStoreKeys,
  );
const renderCloud = (canStoreKeys: boolean): string =>
  renderSettings(cloudStore(), cloudView(canStoreKeys), { cloud: { ok: false, message: 'HTTP 401: invalid key' } });

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
  resetJobsUi();
});

describe('settings: where keys come from', () => {
  it('in the browser host: keys come from the environment, no key field', () => {
    const html = renderCloud(false);
    expect(html).toContain('STORYBOARD_CLOUD_API_KEY');
    expect(html).not.toContain('type="password"');
    expect(html).toContain('HTTP 401: invalid key');
  });

  it('in Electron: a password field that never holds the saved key', () => {
    const html = renderCloud(true);
    expect(html).toMatch(/<input[^>]*type="password"[^>]*value=""/);
    expect(html).toContain('A key is saved (hidden)');
    expect(html).not.toContain('STORYBOARD_CLOUD_API_KEY');
  });

  it('browser host: Kling lists both ways to set its key; a one-key provider its one variable', () => {
    const html = renderKling(false, true);
    expect(html).toContain('STORYBOARD_KLING_API_KEY / STORYBOARD_KLING_ACCESS_KEY + STORYBOARD_KLING_SECRET_KEY');
    expect(html).toContain('Keys come from the STORYBOARD_VEO_API_KEY environment variable');
    expect(html).not.toContain('STORYBOARD_VEO_ACCESS_KEY');
  });

  it('Electron: an empty Kling key field says the format it takes', () => {
    expect(renderKling(true, false)).toContain('placeholder="Paste the key as accessKey:secretKey"');
    expect(renderKling(true, true)).toContain('A key is saved (hidden)');
  });
});

describe('settings: saving a key', () => {
  it('saves a key through settings.update and tests a connection', async () => {
    const store = cloudStore();
    const { api, calls } = fakeApi({
      'settings.update': () => cloudView(true),
      'providers.list': () => [cloud],
      'providers.test': () => ({ ok: true, message: 'Connected.' }),
    });
    await runAction({ api, store }, actions['settings.update'], {
      patch: { providers: { cloud: { apiKey: 'sk-secret' } } },
    });
    expect(calls[0]?.input).toEqual({ providers: { cloud: { apiKey: 'sk-secret' } } });
    expect(JSON.stringify(store.getState().settings)).not.toContain('sk-secret');
    await runAction({ api, store }, actions['providers.test'], { provider: 'cloud' });
    expect(jobsUi.getState().tests.cloud).toEqual({ ok: true, message: 'Connected.' });
  });
});
