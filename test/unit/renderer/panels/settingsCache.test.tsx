/**
 * Settings → Export cache: the size shown (MB/GB, en and zh-CN), "Clear cache" through the
 * action registry, disabled while this window exports, and the services' refusal (an export in
 * another process uses the cache) shown translated in Settings with nothing cleared.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import type { CacheUsage } from '../../../../renderer/src/actions/cacheActions';
import { AppProvider } from '../../../../renderer/src/app/context';
import { ErrorMessage } from '../../../../renderer/src/components/ErrorMessage';
import { initI18n } from '../../../../renderer/src/i18n';
import { cacheSize } from '../../../../renderer/src/panels/SettingsCache';
import { createAppStore } from '../../../../renderer/src/store/store';
import { keyedError, toSerializedError } from '../../../../shared/errors';
import { fakeApi } from '../fixtures';
import i18next from 'i18next';

const USAGE: CacheUsage = { dir: '/c/segments', bytes: 1_234_000_000, entries: 12, maxBytes: 4 * 1024 ** 3 };

beforeAll(async () => {
  await initI18n('en');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await i18next.changeLanguage('en');
});

describe('settings: export cache', () => {
  it('sizes read as MB below a gigabyte and GB above, in both languages', async () => {
    expect(cacheSize(12_300_000)).toEqual({ value: '12.3', unit: 'MB' });
    expect(cacheSize(USAGE.bytes)).toEqual({ value: '1.2', unit: 'GB' });
    const line = (): string =>
      i18next.t('delivery.cache.usage', { size: '1.2 GB', max: '4.3 GB', count: USAGE.entries });
    expect(line()).toBe('1.2 GB of 4.3 GB · 12 segments');
    await i18next.changeLanguage('zh-CN');
    expect(line()).toBe('1.2 GB / 4.3 GB · 12 个片段');
    expect(i18next.t('delivery.cache.clear')).toBe('清除缓存');
  });

  it('clears through the registry and hands back the new usage', async () => {
    const store = createAppStore();
    const { api, calls } = fakeApi({ 'delivery.clearCache': async () => ({ ...USAGE, bytes: 0, entries: 0 }) });
    let got: CacheUsage | null = null;
    expect(await runAction({ api, store }, actions['cache.clear'], { onDone: (u) => (got = u) })).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(['delivery.clearCache']);
    expect(got).toMatchObject({ bytes: 0, entries: 0 });
  });

  it('cannot be clicked while this window exports', () => {
    const store = createAppStore();
    store.getState().setExportRun({ exportId: 'e', state: 'running', progress: 0.3, outPath: '/o.mp4', error: null });
    expect(canRun(actions['cache.clear'], store.getState(), {})).toBe(false);
  });

  it('shows the refusal of a cache in use, translated, in Settings', async () => {
    const store = createAppStore();
    const refusal = keyedError('EXPORT_INVALID', 'delivery.errors.cacheInUse', {}, 'An export is using the cache.');
    const { api } = fakeApi({
      'delivery.clearCache': async () => {
        throw refusal;
      },
    });
    const ran = await runAction({ api, store }, actions['cache.clear'], {});
    expect(ran).toBe(false);
    expect(store.getState().errors.settings?.localized?.key).toBe('delivery.errors.cacheInUse');
    expect(toSerializedError(refusal).code).toBe('EXPORT_INVALID');
    await i18next.changeLanguage('zh-CN');
    vi.spyOn(store, 'getInitialState').mockImplementation(() => store.getState());
    const html = renderToStaticMarkup(
      <AppProvider value={{ api, store }}>
        <ErrorMessage place="settings" />
      </AppProvider>,
    );
    expect(html).toContain('有导出正在使用导出缓存');
  });
});
