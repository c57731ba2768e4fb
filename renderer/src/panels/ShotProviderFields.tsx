/**
 * The inspector's provider and model, from what each provider declares (providers.list, as the
 * Generate dialog reads it): enabled providers only, the chosen provider's models (free text
 * when it declares none), and hints on the shot's fields that provider can't take.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShotPatch } from '../../../shared/api/contract';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { framesToSeconds } from '../../../shared/model/time';
import { useAppContext, useAppState } from '../app/context';
import { Field } from '../components/Field';
import type { ProviderInfo } from '../store/jobs';
import { CommitField } from './CommitField';
import { providerName } from './providerName';
import { modelCapabilities } from '../../../shared/generation/capabilities';
import { capabilitiesOf, capabilityGaps, durationGap, hasReferencePictures, type CapabilityGap } from './generateModel';
import { restyleClip } from '../../../shared/generation/restyleClip';

/** providers.list, fetched once if nobody has yet (the Generate dialog and settings refresh it). */
export function useProviders(): ProviderInfo[] | null {
  const { api, store } = useAppContext();
  const providers = useAppState((s) => s.providers);
  useEffect(() => {
    if (providers !== null) return;
    let live = true;
    api.call('providers.list', {}).then(
      (list) => {
        if (live && store.getState().providers === null) store.getState().setProviders(list);
      },
      // Without the list the inspector still offers free-text fields; the Generate dialog reports errors.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, store, providers]);
  return providers;
}

/** The provider a shot generates with (its own, else the project's), with what it can take. */
export function useShotProvider(shot: Shot, snapshot: ProjectSnapshot) {
  const { t, i18n } = useTranslation();
  const providers = useProviders();
  const id = shot.provider ?? snapshot.project.defaultProvider;
  const info = providers?.find((p) => p.id === id);
  const label = info ? providerName(t, info, (k) => i18n.exists(k)) : id;
  return { providers, id, info, label, caps: capabilitiesOf(info) };
}

export type ShotProvider = ReturnType<typeof useShotProvider>;

/** The hints for the shot's frames and duration under the chosen provider. */
export function useProviderGaps(
  shot: Shot,
  snapshot: ProjectSnapshot,
  { caps, label }: ShotProvider,
): { frames: string[]; duration: string | undefined; restyle: string | undefined } {
  const { t } = useTranslation();
  // What the shot's model can take (a provider's models may differ: only some take a last frame).
  const modelCaps = caps ? modelCapabilities(caps, shot.model) : null;
  const clip = restyleClip(snapshot.takes, shot);
  const refs = hasReferencePictures(shot, snapshot);
  const frames = capabilityGaps(shot, modelCaps, clip !== undefined, false, refs).map((g: CapabilityGap) =>
    g === 'needsClip'
      ? t('restyle.needsClip', { provider: label })
      : g === 'needsReferences'
        ? t('referencesNeeded.inspector', {
            provider: label,
            model: modelCaps?.models.find((m) => m.id === shot.model)?.label ?? shot.model ?? '',
          })
        : t(`editor.inspector.gaps.${g}`, { provider: label }),
  );
  // A clip-editing model makes a take as long as the clip it restyles: the shot's length does not apply.
  const restyles = modelCaps?.videoInput === 'required';
  const made = restyles ? null : durationGap(modelCaps, framesToSeconds(shot.durationFrames, snapshot.project.fps));
  return {
    frames,
    duration: made === null ? undefined : t('editor.inspector.gaps.duration', { provider: label, seconds: made }),
    restyle: restyles && clip ? t('restyle.note', { provider: label }) : undefined,
  };
}

/** "Restyles this shot's clip": what a clip-editing model will do with the shot (not a warning). */
export function RestyleNote({ note }: { note: string | undefined }) {
  if (!note) return null;
  return (
    <p className="small muted restyle-note" data-testid="restyle-note">
      {note}
    </p>
  );
}

export function ProviderHints({ hints }: { hints: readonly string[] }) {
  if (hints.length === 0) return null;
  return (
    <ul className="warn small provider-gaps" data-testid="provider-gaps">
      {hints.map((h) => (
        <li key={h}>{h}</li>
      ))}
    </ul>
  );
}

interface FieldsProps {
  shot: Shot;
  snapshot: ProjectSnapshot;
  provider: ShotProvider;
  update: (patch: ShotPatch) => void;
}

export function ShotProviderFields({ shot, snapshot, provider, update }: FieldsProps) {
  const { t, i18n } = useTranslation();
  const { providers, caps, label, info } = provider;
  const enabled = (providers ?? []).filter((p) => p.enabled);
  const own = shot.provider;
  const ownMissing = own !== null && !enabled.some((p) => p.id === own);
  const defaultInfo = providers?.find((p) => p.id === snapshot.project.defaultProvider);
  const fallback = defaultInfo ? providerName(t, defaultInfo, (k) => i18n.exists(k)) : snapshot.project.defaultProvider;
  const models = caps?.models ?? [];
  const modelMissing = shot.model !== null && models.length > 0 && !models.some((m) => m.id === shot.model);

  const chooseProvider = (next: string | null) => {
    const nextCaps = capabilitiesOf(providers?.find((p) => p.id === (next ?? snapshot.project.defaultProvider)));
    // A model of the old provider means nothing to the new one: dropped in the same step.
    const keepModel =
      shot.model === null ||
      !nextCaps ||
      nextCaps.models.length === 0 ||
      nextCaps.models.some((m) => m.id === shot.model);
    update(keepModel ? { provider: next } : { provider: next, model: null });
  };

  return (
    <div className="row">
      <Field
        label={t('editor.inspector.provider')}
        hint={
          ownMissing && providers
            ? t('editor.inspector.providerUnavailable', { provider: info?.label ?? own })
            : undefined
        }
      >
        <select
          value={own ?? ''}
          onChange={(e) => chooseProvider(e.target.value || null)}
          data-testid="detail-provider"
        >
          <option value="">
            {t('editor.inspector.projectDefault')} · {fallback}
          </option>
          {enabled.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`providers.${p.id}`, { defaultValue: p.label })}
            </option>
          ))}
          {ownMissing && (
            <option value={own}>
              {info?.label ?? own} ({t('editor.inspector.unavailable')})
            </option>
          )}
        </select>
      </Field>
      <Field
        label={t('editor.inspector.model')}
        hint={modelMissing ? t('editor.inspector.modelNotOffered', { provider: label }) : undefined}
      >
        {models.length > 0 ? (
          <select
            value={shot.model ?? ''}
            onChange={(e) => update({ model: e.target.value || null })}
            data-testid="detail-model"
          >
            <option value="">{t('editor.inspector.modelDefault')}</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
            {modelMissing && <option value={shot.model!}>{shot.model}</option>}
          </select>
        ) : (
          <CommitField
            value={shot.model ?? ''}
            placeholder={t('editor.inspector.modelDefault')}
            onCommit={(m) => update({ model: m.trim() || null })}
            testId="detail-model"
          />
        )}
      </Field>
    </div>
  );
}
