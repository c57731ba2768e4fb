/**
 * One provider's settings: enabled, base URL override, key (stored by the app in Electron;
 * from STORYBOARD_<PROVIDER>_API_KEY in the browser host — a key's value is never shown),
 * a visible watermark where the provider's API has the choice, a price override, and a
 * connection test with its answer.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { keyEnvNames, keyFormatHint } from '../../../shared/generation/keyEnv';
import type { SettingsUpdate, SettingsView } from '../../../shared/generation/settings';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { jobsUi } from '../store/jobsUi';

type ProviderView = SettingsView['providers'][number];

export function envName(providerId: string, suffix: 'API_KEY' | 'BASE_URL'): string {
  return `STORYBOARD_${providerId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${suffix}`;
}

export function SettingsProvider({ p, view, canTest }: { p: ProviderView; view: SettingsView; canTest: boolean }) {
  const { t, i18n } = useTranslation();
  const ctx = useAppContext();
  const busy = useAppState((s) => s.busy.settings === true);
  const test = useStore(jobsUi, (s) => s.tests[p.id]);
  const price = view.priceOverrides.find((o) => o.provider === p.id && o.model === '*');
  // Shown at once (a controlled checkbox would otherwise spring back until the answer).
  const [enabled, setEnabled] = useState(p.enabled);
  const [watermark, setWatermark] = useState(p.watermark ?? null);
  const [url, setUrl] = useState(p.baseUrl ?? '');
  const [key, setKey] = useState('');
  const [perSecond, setPerSecond] = useState(price ? String(price.perSecond) : '');
  const update = (patch: SettingsUpdate) => runAction(ctx, actions['settings.update'], { patch });
  const provider = (patch: NonNullable<SettingsUpdate['providers']>[string]) =>
    update({ providers: { [p.id]: patch } });
  const others = view.priceOverrides.filter((o) => !(o.provider === p.id && o.model === '*'));
  const priceValue = Number(perSecond.replace(',', '.'));
  const priceValid = perSecond.trim() === '' || (Number.isFinite(priceValue) && priceValue >= 0 && priceValue <= 1000);
  return (
    <section className="provider-settings" data-testid={`settings-${p.id}`} aria-labelledby={`settings-${p.id}-title`}>
      <div className="provider-head">
        <h3 id={`settings-${p.id}-title`}>{i18n.exists(`providers.${p.id}`) ? t(`providers.${p.id}`) : p.label}</h3>
        {p.offline && <span className="chip">{t('settings.local')}</span>}
        <label className="check">
          <input
            type="checkbox"
            checked={enabled}
            disabled={busy}
            data-testid="settings-enabled"
            onChange={(e) => {
              const next = e.target.checked;
              setEnabled(next);
              void provider({ enabled: next }).then((ok) => !ok && setEnabled(!next));
            }}
          />
          {t('settings.enabled')}
        </label>
      </div>
      {!p.offline && (
        <form
          className="settings-row"
          onSubmit={(e) => {
            e.preventDefault();
            void provider({ baseUrl: url.trim() === '' ? null : url.trim() });
          }}
        >
          <label htmlFor={`url-${p.id}`}>{t('settings.baseUrl')}</label>
          <input
            id={`url-${p.id}`}
            className="mono"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            disabled={p.baseUrlFromEnv}
            spellCheck={false}
            placeholder={t('settings.baseUrlDefault')}
            data-testid="settings-url"
          />
          <button
            type="submit"
            className="btn btn-small"
            disabled={busy || p.baseUrlFromEnv || url.trim() === (p.baseUrl ?? '')}
          >
            {t('settings.save')}
          </button>
        </form>
      )}
      {watermark !== null && (
        // Only providers whose API has the choice (shared/generation/watermark.ts); off by default.
        <label className="check settings-row" data-testid="settings-watermark">
          <input
            type="checkbox"
            checked={watermark}
            disabled={busy}
            onChange={(e) => {
              const next = e.target.checked;
              setWatermark(next);
              void provider({ watermark: next }).then((ok) => !ok && setWatermark(!next));
            }}
          />
          {t('watermark.label')}
          <span className="muted small">{t('watermark.hint')}</span>
        </label>
      )}
      {p.baseUrlFromEnv && (
        <p className="hint" data-testid="settings-url-env">
          {t('settings.baseUrlFromEnv', { name: envName(p.id, 'BASE_URL') })}
        </p>
      )}
      {!p.offline &&
        (view.canStoreKeys ? (
          <form
            className="settings-row"
            onSubmit={(e) => {
              e.preventDefault();
              void provider({ apiKey: key }).then((ok) => ok && setKey(''));
            }}
          >
            <label htmlFor={`key-${p.id}`}>{t('settings.apiKey')}</label>
            <input
              id={`key-${p.id}`}
              type="password"
              autoComplete="off"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              placeholder={
                p.hasKey
                  ? t('settings.keySaved')
                  : keyFormatHint(p.id)
                    ? t('settings.keyNoneFormat', { format: keyFormatHint(p.id) })
                    : t('settings.keyNone')
              }
              data-testid="settings-key"
            />
            <button type="submit" className="btn btn-small" disabled={busy || key === ''}>
              {t('settings.save')}
            </button>
            {p.hasKey && p.keySource === 'store' && (
              <button
                type="button"
                className="btn btn-small btn-danger"
                disabled={busy}
                onClick={() => void provider({ apiKey: null })}
              >
                {t('settings.removeKey')}
              </button>
            )}
          </form>
        ) : (
          <p className="hint" data-testid="settings-key-env">
            {keyEnvNames(p.id).length > 1
              ? // e.g. Kling: STORYBOARD_KLING_API_KEY / STORYBOARD_KLING_ACCESS_KEY + STORYBOARD_KLING_SECRET_KEY
                t('settings.keyFromEnvEither', {
                  names: keyEnvNames(p.id)
                    .map((a) => a.join(' + '))
                    .join(' / '),
                })
              : t('settings.keyFromEnv', { name: envName(p.id, 'API_KEY') })}{' '}
            <strong>{p.hasKey ? t('settings.keySet') : t('settings.keyMissing')}</strong>
          </p>
        ))}
      <form
        className="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!priceValid) return;
          void update({
            priceOverrides:
              perSecond.trim() === '' ? others : [...others, { provider: p.id, model: '*', perSecond: priceValue }],
          });
        }}
      >
        <label htmlFor={`price-${p.id}`}>{t('settings.pricePerSecond')}</label>
        <input
          id={`price-${p.id}`}
          inputMode="decimal"
          value={perSecond}
          onChange={(e) => setPerSecond(e.target.value)}
          aria-invalid={!priceValid}
          placeholder={t('settings.priceDefault')}
          data-testid="settings-price"
        />
        <button
          type="submit"
          className="btn btn-small"
          disabled={busy || !priceValid}
          data-testid="settings-price-save"
        >
          {t('settings.save')}
        </button>
      </form>
      {canTest && (
        <div className="settings-test">
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            data-testid="settings-test"
            onClick={() => void runAction(ctx, actions['providers.test'], { provider: p.id })}
          >
            {t('settings.test')}
          </button>
          {test === null && <span className="muted small">{t('settings.testing')}</span>}
          {test && (
            <span
              className={`small ${test.ok ? 'ok' : 'job-error'}`}
              role="status"
              data-testid="settings-test-result"
              data-ok={test.ok}
            >
              {test.ok ? '✓ ' : '✕ '}
              {test.message}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
