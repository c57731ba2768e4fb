/**
 * Settings → Consistency check: the drift threshold per element kind, shown 0–100, read and
 * saved through the action registry; a save re-reads the open project's report so badges flag
 * drift against the new thresholds at once; a field that is not a whole number 0–100 is named.
 */
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actions, runAction } from '../../../../renderer/src/actions';
import { initI18n } from '../../../../renderer/src/i18n';
import { fieldThreshold, listOf } from '../../../../renderer/src/panels/SettingsContinuity';
import { continuityUi, setContinuityUi } from '../../../../renderer/src/store/continuityUi';
import { createAppStore } from '../../../../renderer/src/store/store';
import type { ContinuityReport, DriftThresholds } from '../../../../shared/continuity/score';
import { fakeApi, makeShot, makeSnapshot } from '../fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(async () => {
  setContinuityUi({ report: null, reportOpen: false });
  await i18next.changeLanguage('en');
});

const report = (drift: boolean, thresholds: DriftThresholds): ContinuityReport => ({
  checkedAt: '2026-01-01T00:00:00Z',
  thresholds,
  results: [
    {
      shotId: 'a',
      takeId: 'ta',
      elementId: 'el',
      kind: 'character',
      score: 0.7,
      drift,
      method: 'face',
      frames: 3,
      measured: 3,
    },
  ],
  skipped: [],
});

describe('settings: consistency thresholds', () => {
  it('a field is a whole number from 0 to 100, read as 0..1', () => {
    expect(fieldThreshold('50')).toBe(0.5);
    expect(fieldThreshold(' 0 ')).toBe(0);
    expect(fieldThreshold('100')).toBe(1);
    for (const bad of ['', '101', '-5', '0.5', 'abc', '5e1']) expect(fieldThreshold(bad)).toBeNull();
  });

  it('reads the saved thresholds through the registry', async () => {
    const saved = { character: 0.6, location: 0.45, prop: 0.5 };
    const { api, calls } = fakeApi({ 'continuity.thresholds': () => saved });
    let got: DriftThresholds | null = null;
    const ok = await runAction({ api, store: createAppStore() }, actions['continuity.thresholds'], {
      onDone: (t) => (got = t),
    });
    expect(ok).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(['continuity.thresholds']);
    expect(got).toEqual(saved);
  });

  it('saving stores them and re-reads the open project report: the badge flags drift at once', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([makeShot('a', { selectedTakeId: 'ta' })]));
    const stricter = { character: 0.8, location: 0.5, prop: 0.5 };
    setContinuityUi({ report: report(false, { character: 0.5, location: 0.5, prop: 0.5 }) });
    const { api, calls } = fakeApi({
      'continuity.setThresholds': (t) => t as DriftThresholds,
      'continuity.report': () => report(true, stricter),
    });
    let got: DriftThresholds | null = null;
    await runAction({ api, store }, actions['continuity.setThresholds'], {
      thresholds: stricter,
      onDone: (t) => (got = t),
    });
    expect(calls.map((c) => [c.method, c.input])).toEqual([
      ['continuity.setThresholds', stricter],
      ['continuity.report', {}],
    ]);
    expect(got).toEqual(stricter);
    expect(continuityUi.getState().report?.results[0]?.drift).toBe(true);
  });

  it('without a project only the settings are saved', async () => {
    const { api, calls } = fakeApi({ 'continuity.setThresholds': (t) => t as DriftThresholds });
    await runAction({ api, store: createAppStore() }, actions['continuity.setThresholds'], {
      thresholds: { character: 0.4, location: 0.4, prop: 0.4 },
    });
    expect(calls.map((c) => c.method)).toEqual(['continuity.setThresholds']);
  });

  it('labels and the invalid-field message in both languages', async () => {
    const invalid = () =>
      i18next.t('consistency.settings.invalid', {
        kinds: listOf(
          i18next.language,
          ['character', 'prop'].map((k) => i18next.t(`consistency.settings.kinds.${k}`)),
        ),
      });
    expect(invalid()).toBe('Enter a whole number from 0 to 100 for: Characters and Props.');
    await i18next.changeLanguage('zh-CN');
    expect(invalid()).toBe('请为以下各项输入 0 到 100 的整数：角色和道具。');
    expect(i18next.t('consistency.settings.title')).toBe('一致性检查');
  });
});
