/**
 * A provider and model, in one list grouped by provider. `fits` marks the models that can do
 * the job (the others stay choosable: the services refuse them with the models that can, in
 * the user's language). Every provider is listed, keyed or not: the estimate says the rest.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelCapabilities, type ProviderCapabilities } from '../../../../shared/generation/capabilities';
import { useAppState } from '../../app/context';
import type { ProviderInfo } from '../../store/jobs';
import { providerName } from '../providerName';

export interface ModelPick {
  provider: string;
  model: string | null;
}

export type Fits = (caps: ProviderCapabilities) => boolean;

const capsOf = (p: ProviderInfo) => p.capabilities as unknown as ProviderCapabilities;
const key = (p: ModelPick) => `${p.provider}\u0001${p.model ?? ''}`;

/** Every (provider, model) pair the list offers, with whether it fits. */
export function modelPicks(providers: readonly ProviderInfo[], fits: Fits): (ModelPick & { fits: boolean })[] {
  const out: (ModelPick & { fits: boolean })[] = [];
  for (const p of providers) {
    const caps = capsOf(p);
    if (!Array.isArray(caps.models)) continue;
    const models = caps.models.length ? caps.models.map((m) => m.id) : [null];
    for (const model of models) out.push({ provider: p.id, model, fits: fits(modelCapabilities(caps, model)) });
  }
  return out;
}

/** The pick to start from: the shot's own when it fits, else the first that fits (usable first), else the shot's. */
export function defaultPick(providers: readonly ProviderInfo[], fits: Fits, own: ModelPick): ModelPick {
  const picks = modelPicks(providers, fits);
  const mine = picks.find((p) => p.provider === own.provider && (own.model === null || p.model === own.model));
  if (mine?.fits) return { provider: mine.provider, model: mine.model };
  // A model that fits on a provider the user can use now (offline, or with its key) first.
  const usable = new Set(providers.filter((p) => p.offline || p.hasKey).map((p) => p.id));
  const first = picks.find((p) => p.fits && usable.has(p.provider)) ?? picks.find((p) => p.fits);
  return first ? { provider: first.provider, model: first.model } : own;
}

export function ModelChoice({
  value,
  onChange,
  fits,
  testId,
}: {
  value: ModelPick | null;
  onChange(pick: ModelPick): void;
  fits: Fits;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const providers = useAppState((s) => s.providers) ?? [];
  const exists = (k: string) => i18n.exists(k);
  return (
    <select
      value={value ? key(value) : ''}
      data-testid={testId}
      onChange={(e) => {
        const [provider, model] = e.target.value.split('\u0001');
        if (provider) onChange({ provider, model: model || null });
      }}
    >
      {!value && <option value="">{t('generate.estimating')}</option>}
      {providers.map((p) => {
        const caps = capsOf(p);
        if (!Array.isArray(caps.models)) return null;
        const models = caps.models.length ? caps.models : [{ id: '', label: providerName(t, p, exists) }];
        return (
          <optgroup key={p.id} label={providerName(t, p, exists)}>
            {models.map((m) => {
              const ok = fits(modelCapabilities(caps, m.id || null));
              return (
                <option key={m.id} value={key({ provider: p.id, model: m.id || null })}>
                  {m.label}
                  {ok ? '' : ` · ${t('takeRuns.cannot')}`}
                </option>
              );
            })}
          </optgroup>
        );
      })}
    </select>
  );
}

/** Provider names in the UI's language, by id (for the estimate's lines). */
export function useProviderLabels(): Record<string, string> {
  const { t, i18n } = useTranslation();
  const providers = useAppState((s) => s.providers) ?? [];
  return Object.fromEntries(providers.map((p) => [p.id, providerName(t, p, (k) => i18n.exists(k))]));
}

/**
 * The dialog's pick: the shot's own model when it fits, else the first that does (defaultPick),
 * until the user picks one; null while the providers or the shot are not known yet.
 */
export function useModelPick(
  fits: Fits,
  ownShot: { provider: string | null; model: string | null } | undefined,
): [ModelPick | null, (pick: ModelPick) => void] {
  const snapshot = useAppState((s) => s.snapshot);
  const providers = useAppState((s) => s.providers);
  const [chosen, setPick] = useState<ModelPick | null>(null);
  const pick = useMemo(() => {
    if (chosen) return chosen;
    if (!providers || !ownShot || !snapshot) return null;
    const own = { provider: ownShot.provider ?? snapshot.project.defaultProvider, model: ownShot.model };
    return defaultPick(providers, fits, own);
  }, [chosen, providers, ownShot, snapshot, fits]);
  return [pick, setPick];
}
