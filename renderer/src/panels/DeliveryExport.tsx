/**
 * Export several deliverables in one run (the Export dialog): pick platform presets and the
 * project's own, a folder and a quality; progress per deliverable; cancel; then each file made
 * with "Show in folder". The run itself is the services' (deliveryRun.ts): one decode per
 * segment split to every deliverable, one mix, each file checked before it replaces a target.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Quality } from '../../../shared/api/contract';
import type { Deliverable } from '../../../shared/export/deliverable';
import { actions, runAction } from '../actions';
import type { DeliveryPresets } from '../actions/deliveryActions';
import { useAction, useAppContext, useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { localizedText } from '../components/serviceText';
import { ProgressBar } from '../components/ProgressBar';
import { ExportFields } from './ExportFields';
import { deliveryRun, isDelivering, type DeliveryRunView } from '../store/deliveryRun';
import { formatDecimal } from './format';
import './delivery.css';

/** Codec names as their owners write them (read the same in every language). */
const CODEC_NAMES: Record<Deliverable['codec'], string> = { h264: 'H.264', hevc: 'HEVC', prores: 'ProRes' };

function defaultFolder(dir: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}deliverables`;
}

/** A built-in preset's name in the UI's language; the project's own keep the name the user gave. */
function usePresetName(): (dv: Deliverable, builtin: boolean) => string {
  const { t } = useTranslation();
  return (dv, builtin) => (builtin ? t(`delivery.presets.${dv.id}`, { defaultValue: dv.name }) : dv.name);
}

function Outputs({ run }: { run: DeliveryRunView }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const [where, setWhere] = useState<string | null>(null);
  const files = run.report?.deliverables ?? [];
  return (
    <ul className="delivery-outputs" data-testid="delivery-outputs">
      {files.map((f) => (
        <li key={f.id} data-testid="delivery-output">
          <span className="mono path" title={f.outPath}>
            {f.outPath}
          </span>
          <span className="muted small">
            {t('delivery.run.made', {
              width: f.width,
              height: f.height,
              codec: CODEC_NAMES[f.codec],
              lufs: f.loudness?.outputIntegrated != null ? formatDecimal(f.loudness.outputIntegrated, 1) : '–',
            })}
          </span>
          <button
            type="button"
            className="btn"
            data-testid="delivery-reveal"
            onClick={() =>
              void runAction(ctx, actions['delivery.reveal'], {
                path: f.outPath,
                onDone: (r) => setWhere(r.revealed ? null : r.folder),
              })
            }
          >
            {t('delivery.run.reveal')}
          </button>
        </li>
      ))}
      {where !== null && (
        <li className="muted small" data-testid="delivery-where">
          {t('delivery.run.openByHand')} <span className="mono path">{where}</span>
        </li>
      )}
    </ul>
  );
}

function RunRows({ run }: { run: DeliveryRunView }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="delivery-run" data-testid="delivery-status" data-state={run.state}>
      <ul className="delivery-rows">
        {run.deliverables.map((d) => (
          <li key={d.id} data-testid="delivery-row" data-id={d.id} data-state={d.state}>
            <span className="delivery-row-name">{d.name}</span>
            <ProgressBar
              value={d.progress}
              label={t('delivery.run.progressOf', { name: d.name })}
              testId={`delivery-progress-${d.id}`}
            />
            <span className="muted small">
              {t(`delivery.run.states.${d.state}`, { percent: Math.round(d.progress * 100) })}
            </span>
          </li>
        ))}
      </ul>
      {run.state === 'succeeded' && <p className="export-status ok">{t('delivery.run.succeeded')}</p>}
      {run.state === 'canceled' && <p className="export-status">{t('delivery.run.canceled')}</p>}
      {run.state === 'canceling' && <p className="muted small">{t('delivery.run.canceling')}</p>}
      {run.state === 'failed' && (
        <div className="error" role="alert">
          <strong>{t('delivery.run.failed')}</strong>
          <span className="error-detail">{localizedText(i18n, run.localized, run.error ?? '')}</span>
        </div>
      )}
      {run.state === 'succeeded' && <Outputs run={run} />}
    </div>
  );
}

export function DeliveryExport() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const name = usePresetName();
  const dir = useAppState((s) => s.snapshot?.dir ?? '');
  const run = useStore(deliveryRun, (s) => s.run);
  const running = isDelivering(run);
  const [presets, setPresets] = useState<DeliveryPresets | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [folder, setFolder] = useState<string | null>(null);
  const [quality, setQuality] = useState<Quality>('standard');
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void runAction(ctx, actions['delivery.presets'], { onDone: setPresets });
  }, [ctx]);
  const out = folder ?? defaultFolder(dir);
  // The run's own state (not this component's) decides: a run started before the dialog closed shows on reopening.
  const start = useAction('delivery.start', { presets: chosen, out, quality });
  const toggle = (id: string, on: boolean) =>
    setChosen((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start.run();
  };
  const list: { dv: Deliverable; builtin: boolean }[] = [
    ...(presets?.project ?? []).map((dv) => ({ dv, builtin: false })),
    ...(presets?.builtin ?? []).map((dv) => ({ dv, builtin: true })),
  ];
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="delivery-title" data-testid="delivery-panel">
      <h2 id="delivery-title">{t('delivery.run.title')}</h2>
      <p className="muted small">{t('delivery.run.explain')}</p>
      <fieldset className="delivery-presets" disabled={running}>
        <legend>{t('delivery.run.presets')}</legend>
        {list.map(({ dv, builtin }) => (
          <label key={dv.id} className="small delivery-preset">
            <input
              type="checkbox"
              className="styled-check"
              checked={chosen.includes(dv.id)}
              onChange={(e) => toggle(dv.id, e.target.checked)}
              data-testid={`delivery-preset-${dv.id}`}
            />
            <span className="delivery-preset-name">{name(dv, builtin)}</span>
            <span className="muted">
              {CODEC_NAMES[dv.codec]} · {dv.loudnessLufs ?? '–'} LUFS
            </span>
          </label>
        ))}
      </fieldset>
      <ExportFields
        pathLabel={t('delivery.run.folder')}
        path={out}
        onPath={setFolder}
        quality={quality}
        onQuality={setQuality}
        disabled={running}
        pathTestId="delivery-folder"
        qualityTestId="delivery-quality"
      />
      <ErrorMessage place="delivery" />
      {run && <RunRows run={run} />}
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" disabled={!start.enabled} data-testid="delivery-start">
          {running ? t('export.exporting') : t('delivery.run.startCount', { count: chosen.length })}
        </button>
        {running && (
          <ActionButton action="delivery.cancel" payload={undefined} variant="danger" testId="delivery-cancel" />
        )}
      </div>
    </form>
  );
}
