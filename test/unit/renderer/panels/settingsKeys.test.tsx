/** The settings panel names where a provider's key comes from: Kling's two variables, or its "accessKey:secretKey" field. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../../shared/generation/settings';
import { initI18n } from '../../../../renderer/src/i18n';
import { SettingsPanel } from '../../../../renderer/src/panels/SettingsPanel';
import { jobsUi, resetJobsUi, setJobsUi } from '../../../../renderer/src/store/jobsUi';
import { createAppStore } from '../../../../renderer/src/store/store';
import { renderInApp } from '../fixtures';

function render(canStoreKeys: boolean, hasKey: boolean): string {
  const store = createAppStore();
  const view: SettingsView = {
    providers: [
      {
        id: 'kling',
        label: 'Kling AI',
        offline: false,
        enabled: hasKey,
        baseUrl: null,
        baseUrlFromEnv: false,
        hasKey,
        keySource: hasKey ? (canStoreKeys ? 'store' : 'env') : null,
      },
      {
        id: 'veo',
        label: 'Google Veo',
        offline: false,
        enabled: false,
        baseUrl: null,
        baseUrlFromEnv: false,
        hasKey: false,
        keySource: null,
      },
    ],
    priceOverrides: [],
    defaultProvider: null,
    defaultModel: null,
    canStoreKeys,
    keyStoreProblem: null,
  };
  store.getState().setSettings(view);
  setJobsUi({ settingsOpen: true });
  return renderInApp(store, <SettingsPanel />, [jobsUi]);
}

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
  resetJobsUi();
});

describe('settings: where keys come from', () => {
  it('browser host: Kling lists both ways to set its key; a one-key provider its one variable', () => {
    const html = render(false, true);
    expect(html).toContain('STORYBOARD_KLING_API_KEY / STORYBOARD_KLING_ACCESS_KEY + STORYBOARD_KLING_SECRET_KEY');
    expect(html).toContain('Keys come from the STORYBOARD_VEO_API_KEY environment variable');
    expect(html).not.toContain('STORYBOARD_VEO_ACCESS_KEY');
  });

  it('Electron: an empty Kling key field says the format it takes', () => {
    expect(render(true, false)).toContain('placeholder="Paste the key as accessKey:secretKey"');
    expect(render(true, true)).toContain('A key is saved (hidden)');
  });
});
