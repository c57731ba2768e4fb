/**
 * Settings → AI breakdown: the OpenAI-compatible chat endpoint the AI breakdown and the prompt
 * enhancer use (a preset — local Ollama, DeepSeek, Qwen, OpenAI — or any address), its model,
 * timeout and key. The key is kept like a video provider's (the system keychain; never shown
 * again); saving goes through the action registry (breakdown.saveSettings).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LlmSettingsUpdate, LlmSettingsView } from '../../../shared/breakdown/settings';
import type { LlmPresetId } from '../../../shared/breakdown/presets';
import { useAction, useAppContext } from '../app/context';

export function SettingsLlm() {
  const { t } = useTranslation();
  const { api } = useAppContext();
  const [view, setView] = useState<LlmSettingsView | null>(null);
  const [draft, setDraft] = useState<{
    preset: LlmPresetId;
    baseUrl: string;
    model: string;
    timeoutSec: number;
    key: string;
  }>();
  const load = (v: LlmSettingsView): void => {
    setView(v);
    setDraft({ preset: v.preset, baseUrl: v.baseUrl, model: v.model, timeoutSec: v.timeoutSec, key: '' });
  };
  useEffect(() => {
    void api.call('breakdown.settings', {}).then(load, () => undefined);
  }, [api]);
  const patch = useMemo((): LlmSettingsUpdate => {
    if (!draft || !view) return {};
    const preset = view.presets.find((p) => p.id === draft.preset);
    return {
      preset: draft.preset,
      baseUrl: draft.baseUrl && draft.baseUrl !== preset?.baseUrl ? draft.baseUrl : null,
      model: draft.model && draft.model !== preset?.model ? draft.model : null,
      timeoutSec: draft.timeoutSec,
      ...(draft.key ? { apiKey: draft.key } : {}),
    };
  }, [draft, view]);
  const save = useAction(
    'breakdown.saveSettings',
    useMemo(() => ({ patch, onSaved: load }), [patch]),
  );
  if (!view || !draft) return null;
  const choose = (id: LlmPresetId): void => {
    const p = view.presets.find((x) => x.id === id);
    setDraft({ ...draft, preset: id, baseUrl: p?.baseUrl ?? '', model: p?.model ?? '' });
  };
  return (
    <section className="settings-llm" data-testid="settings-llm">
      <h3>{t('breakdown.settings.title')}</h3>
      <p className="muted small">{t('breakdown.settings.intro')}</p>
      <label>
        {t('breakdown.settings.preset')}{' '}
        <select value={draft.preset} onChange={(e) => choose(e.target.value as LlmPresetId)} data-testid="llm-preset">
          {view.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('breakdown.settings.baseUrl')}{' '}
        <input
          className="mono"
          value={draft.baseUrl}
          disabled={view.baseUrlFromEnv}
          onChange={(e) => setDraft({ ...draft, baseUrl: e.target.value })}
          data-testid="llm-base-url"
        />
      </label>
      <label>
        {t('breakdown.settings.model')}{' '}
        <input
          value={draft.model}
          onChange={(e) => setDraft({ ...draft, model: e.target.value })}
          data-testid="llm-model"
        />
      </label>
      <label>
        {t('breakdown.settings.timeout')}{' '}
        <input
          type="number"
          min={5}
          max={1800}
          value={draft.timeoutSec}
          onChange={(e) => setDraft({ ...draft, timeoutSec: Math.round(Number(e.target.value)) || 5 })}
        />
      </label>
      {view.canStoreKeys && (
        <label>
          {t('breakdown.settings.apiKey')}{' '}
          <input type="password" value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value })} />
        </label>
      )}
      <p className="muted small">
        {view.hasKey
          ? t('breakdown.settings.keySet', {
              source: t(view.keySource === 'env' ? 'breakdown.settings.keyEnv' : 'breakdown.settings.keyStore'),
            })
          : view.needsKey
            ? t('breakdown.settings.keyNeeded')
            : t('breakdown.settings.noKey')}
      </p>
      <button type="button" className="btn btn-small" disabled={!save.enabled} onClick={() => void save.run()}>
        {save.label}
      </button>
    </section>
  );
}
