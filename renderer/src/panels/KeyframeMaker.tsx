/**
 * "Make keyframe from references" in the shot inspector: image provider and model, how many
 * variations, the estimate against the project budget (asked again on every change; a late
 * answer for an older choice is dropped), and Make. The pictures arrive as image takes in the
 * takes gallery, with progress in the jobs panel; "What will be sent" opens below.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { BatchEstimate } from '../../../shared/api/contract';
import type { Shot } from '../../../shared/model/entities';
import { useAppContext, useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { keyframeRequest, keyframeUi, MAX_KEYFRAME_VARIATIONS, setKeyframeUi } from '../store/keyframeUi';
import { GenerateEstimate } from './GenerateEstimate';
import { imageProviderLabel, useImageProviders } from './imageProviders';
import { KeyframeSentView } from './KeyframeSentView';
import './keyframes.css';

export function KeyframeMaker({ shot }: { shot: Shot }) {
  const { t } = useTranslation();
  const { api } = useAppContext();
  const providers = useImageProviders();
  const ui = useStore(keyframeUi);
  const snapshot = useAppState((s) => s.snapshot);
  const request = useMemo(
    () => keyframeRequest(shot.id, ui),
    [shot.id, ui.provider, ui.model, ui.variations], // eslint-disable-line react-hooks/exhaustive-deps
  );
  // Keyed by what was asked: an answer shows only while its choice is still the current one.
  const asked = JSON.stringify([request, snapshot?.project.budgetCap, snapshot?.takes.length]);
  const [answer, setAnswer] = useState<{ asked: string; estimate: BatchEstimate } | null>(null);
  useEffect(() => {
    let live = true;
    api.call('keyframes.estimate', request).then(
      (estimate) => live && setAnswer({ asked, estimate }),
      () => undefined, // the Make action reports the reason where it runs
    );
    return () => {
      live = false;
    };
  }, [api, request, asked]);
  const estimate = answer?.asked === asked ? answer.estimate : null;
  const current = providers?.find((p) => p.id === ui.provider);
  const labels = Object.fromEntries((providers ?? []).map((p) => [p.id, imageProviderLabel(t, p)]));
  return (
    <section className="keyframe-maker" aria-labelledby="keyframe-title" data-testid="keyframe-maker">
      <div className="detail-head">
        <h3 id="keyframe-title">{t('keyframe.title')}</h3>
        <ActionButton
          action="keyframe.toggleSent"
          payload={undefined}
          variant="ghost"
          label={ui.sentOpen ? t('keyframe.sent.hide') : t('keyframe.sent.show')}
          testId="keyframe-sent-toggle"
        />
      </div>
      <p className="muted small">{t('keyframe.explain')}</p>
      <div className="row">
        <Field label={t('keyframe.provider')}>
          <select
            value={ui.provider}
            data-testid="keyframe-provider"
            onChange={(e) => setKeyframeUi({ provider: e.target.value, model: null })}
          >
            {(providers ?? [{ id: ui.provider, label: ui.provider, offline: true, models: [] }]).map((p) => (
              <option key={p.id} value={p.id}>
                {imageProviderLabel(t, p)}
                {p.offline ? ` · ${t('keyframe.offline')}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('keyframe.model')}>
          <select
            value={ui.model ?? ''}
            data-testid="keyframe-model"
            disabled={(current?.models.length ?? 0) < 2}
            onChange={(e) => setKeyframeUi({ model: e.target.value || null })}
          >
            {(current?.models ?? []).map((m, i) => (
              <option key={m.id} value={i === 0 ? '' : m.id}>
                {m.label} · {t('keyframe.refsMax', { count: m.referenceImagesMax })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('keyframe.variations')}>
          <input
            type="number"
            min={1}
            max={MAX_KEYFRAME_VARIATIONS}
            step={1}
            value={ui.variations}
            data-testid="keyframe-variations"
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (Number.isFinite(n)) setKeyframeUi({ variations: Math.min(MAX_KEYFRAME_VARIATIONS, Math.max(1, n)) });
            }}
          />
        </Field>
      </div>
      <div data-testid="keyframe-estimate">
        <GenerateEstimate estimate={estimate} labels={labels} />
      </div>
      <ErrorMessage place="keyframes" />
      <div className="btn-group">
        <ActionButton
          action="keyframe.make"
          payload={request}
          variant="primary"
          label={t('keyframe.makeCount', { count: ui.variations })}
          busyLabel={t('keyframe.making')}
          testId="keyframe-make"
        />
      </div>
      {ui.sentOpen && snapshot && <KeyframeSentView shot={shot} snapshot={snapshot} />}
    </section>
  );
}
