/** Export the cut: where, how good, progress, cancel, and how it ended. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quality } from '../../../shared/api/contract';
import { useAction, useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { localizedText } from '../components/serviceText';
import { HandoffExport } from './HandoffExport';
import { ExportFields } from './ExportFields';
import { ProgressBar } from '../components/ProgressBar';
import { isExporting } from '../store/selectors';
import { assertNever } from '../../../shared/assertNever';
import type { ExportRun } from '../store/state';

function defaultOut(dir: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}export.mp4`;
}

function RunStatus({ run }: { run: ExportRun }) {
  const { t, i18n } = useTranslation();
  switch (run.state) {
    case 'succeeded':
      return (
        <p className="export-status ok" data-testid="export-status" data-state="succeeded">
          {t('export.succeeded')} <span className="mono path">{run.outPath}</span>
        </p>
      );
    case 'canceled':
      return (
        <p className="export-status" data-testid="export-status" data-state="canceled">
          {t('export.canceled')}
        </p>
      );
    case 'failed':
      return (
        <div className="error" role="alert" data-testid="export-status" data-state="failed">
          <strong>{t('export.failed')}</strong>
          <span className="error-detail">{localizedText(i18n, run.localized, run.error ?? '')}</span>
        </div>
      );
    case 'starting':
    case 'running':
    case 'canceling':
      return (
        <div className="export-running" data-testid="export-status" data-state={run.state}>
          <ProgressBar value={run.progress} label={t('export.progress')} testId="export-progress" />
          <span className="muted small">
            {run.state === 'canceling'
              ? t('export.canceling')
              : t('export.running', { percent: Math.round(run.progress * 100) })}
          </span>
        </div>
      );
    default:
      return assertNever(run.state, 'export state');
  }
}

export function ExportPanel() {
  const { t } = useTranslation();
  const dir = useAppState((s) => s.snapshot?.dir ?? '');
  const run = useAppState((s) => s.exportRun);
  const running = useAppState(isExporting);
  const [outPath, setOutPath] = useState<string | null>(null);
  const [quality, setQuality] = useState<Quality>('standard');
  const [burn, setBurn] = useState(false);
  const target = outPath ?? defaultOut(dir);
  const start = useAction('export.start', { outPath: target, quality, subtitles: burn ? 'burn' : 'none' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start.run();
  };
  return (
    <>
      <form className="panel" onSubmit={submit} aria-labelledby="export-title" data-testid="export-panel">
        <h2 id="export-title">{t('export.title')}</h2>
        <ExportFields
          pathLabel={t('export.outPath')}
          path={target}
          onPath={setOutPath}
          quality={quality}
          onQuality={setQuality}
          disabled={running}
          pathTestId="export-path"
          qualityTestId="export-quality"
        />
        <label className="small">
          <input
            type="checkbox"
            checked={burn}
            onChange={(e) => setBurn(e.target.checked)}
            disabled={running}
            data-testid="export-subtitles"
          />
          {t('dialogue.burnSubtitles')}
        </label>
        <ErrorMessage place="export" />
        {run && <RunStatus run={run} />}
        <div className="btn-row">
          <button type="submit" className="btn btn-primary" disabled={!start.enabled} data-testid="export-start">
            {running ? t('export.exporting') : start.label}
          </button>
          {running && (
            <ActionButton action="export.cancel" payload={undefined} variant="danger" testId="export-cancel" />
          )}
          {(['srt', 'vtt'] as const).map((format) => (
            <ActionButton
              key={format}
              action="export.subtitles"
              payload={{ outPath: target.replace(/\.(mp4|mov)$/i, '') + `.${format}`, format }}
              label={t('dialogue.sidecarAs', { format: format.toUpperCase() })}
              testId={`export-${format}`}
            />
          ))}
        </div>
      </form>
      <HandoffExport />
    </>
  );
}
