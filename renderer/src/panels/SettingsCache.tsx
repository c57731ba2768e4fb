/**
 * Settings: the segment cache of fast re-export: where it is, how much it holds against its
 * bound, and "Clear cache" (refused while an export runs; the refusal shows in Settings).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actions, runAction } from '../actions';
import type { CacheUsage } from '../actions/cacheActions';
import { useAppContext, useAppState } from '../app/context';
import { useLoadWhenIdle } from '../app/useLoadWhenIdle';
import { canRun } from '../actions/registry';
import { formatDecimal } from './format';

/** Bytes as MB / GB with one decimal (1000-based, as file managers show sizes). */
export function cacheSize(bytes: number): { value: string; unit: 'MB' | 'GB' } {
  return bytes >= 1e9
    ? { value: formatDecimal(bytes / 1e9, 1), unit: 'GB' }
    : { value: formatDecimal(bytes / 1e6, 1), unit: 'MB' };
}

export function SettingsCache() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const [usage, setUsage] = useState<CacheUsage | null>(null);
  const canClear = useAppState((s) => canRun(actions['cache.clear'], s, {}));
  // Asked once Settings is not busy (opening it loads the providers under the same place).
  useLoadWhenIdle(actions['cache.usage'], { onDone: setUsage });
  // MB and GB read the same in both languages.
  const size = (b: number) => {
    const s = cacheSize(b);
    return `${s.value} ${s.unit}`;
  };
  return (
    <section className="provider-settings" data-testid="settings-cache">
      <h3>{t('delivery.cache.title')}</h3>
      <p className="muted small">{t('delivery.cache.explain')}</p>
      {usage && (
        <p data-testid="cache-usage">
          {t('delivery.cache.usage', {
            size: size(usage.bytes),
            max: size(usage.maxBytes),
            count: usage.entries,
          })}
          <br />
          <span className="muted small mono" title={usage.dir}>
            {usage.dir}
          </span>
        </p>
      )}
      <button
        type="button"
        data-testid="cache-clear"
        disabled={!canClear || usage?.entries === 0}
        onClick={() => void runAction(ctx, actions['cache.clear'], { onDone: setUsage })}
      >
        {t('delivery.cache.clear')}
      </button>
    </section>
  );
}
