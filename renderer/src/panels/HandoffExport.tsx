/**
 * The export dialog's hand-off part: the cut for an editor (FCPXML, OTIO, EDL, MLT, a
 * JianYing/CapCut draft folder) or a PDF storyboard; the project collected into one zip; and
 * conform from an edited OTIO/FCPXML file. Every command goes through the action registry.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HANDOFF_FORMATS,
  HandoffFormatSchema,
  type ConformReport,
  type HandoffFormat,
} from '../../../shared/api/handoff';
import { useAction, useAppState } from '../app/context';
import { Field } from '../components/Field';

const EXT: Record<HandoffFormat, string> = {
  fcpxml: '.fcpxml',
  otio: '.otio',
  edl: '.edl',
  mlt: '.mlt',
  jianying: '',
  pdf: '.pdf',
};

function beside(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}${name}`;
}

export function HandoffExport() {
  const { t } = useTranslation();
  const dir = useAppState((s) => s.snapshot?.dir ?? '');
  const [format, setFormat] = useState<HandoffFormat>('fcpxml');
  const [outPath, setOutPath] = useState<string | null>(null);
  const [zipPath, setZipPath] = useState<string | null>(null);
  const [cutOnly, setCutOnly] = useState(false);
  const [conformPath, setConformPath] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [report, setReport] = useState<ConformReport | null>(null);
  const target = outPath ?? beside(dir, format === 'jianying' ? 'jianying-draft' : `handoff${EXT[format]}`);
  const zip = zipPath ?? beside(dir, 'collected.zip');
  const exportFile = useAction('handoff.export', { format, outPath: target, onDone: setDone });
  const collect = useAction('handoff.collect', { outPath: zip, cutOnly, onDone: setDone });
  const conform = useAction('handoff.conform', { path: conformPath, onDone: setReport });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void exportFile.run();
  };
  return (
    <section className="handoff" aria-labelledby="handoff-title" data-testid="handoff-export">
      <h3 id="handoff-title">{t('handoff.title')}</h3>
      <div className="handoff-row">
        <Field label={t('handoff.format')}>
          <select
            value={format}
            onChange={(e) => {
              setFormat(HandoffFormatSchema.parse(e.target.value));
              setOutPath(null);
            }}
            data-testid="handoff-format"
          >
            {HANDOFF_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`handoff.formats.${f}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('handoff.outPath')}>
          <input
            value={target}
            onChange={(e) => setOutPath(e.target.value)}
            spellCheck={false}
            className="mono"
            data-testid="handoff-path"
          />
        </Field>
        <button
          type="button"
          className="btn"
          onClick={submit}
          disabled={!exportFile.enabled}
          data-testid="handoff-start"
        >
          {exportFile.label}
        </button>
      </div>
      <div className="handoff-row">
        <Field label={t('handoff.collect.zip')}>
          <input
            value={zip}
            onChange={(e) => setZipPath(e.target.value)}
            spellCheck={false}
            className="mono"
            data-testid="handoff-zip"
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={cutOnly}
            onChange={(e) => setCutOnly(e.target.checked)}
            data-testid="handoff-cut-only"
          />{' '}
          {t('handoff.collect.cutOnly')}
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => void collect.run()}
          disabled={!collect.enabled}
          data-testid="handoff-collect"
        >
          {collect.label}
        </button>
      </div>
      <div className="handoff-row">
        <Field label={t('handoff.conform.from')}>
          <input
            value={conformPath}
            onChange={(e) => setConformPath(e.target.value)}
            spellCheck={false}
            className="mono"
            placeholder="…/edit.otio"
            data-testid="handoff-conform-path"
          />
        </Field>
        <button
          type="button"
          className="btn"
          onClick={() => void conform.run()}
          disabled={!conform.enabled}
          data-testid="handoff-conform"
        >
          {conform.label}
        </button>
      </div>
      {done && (
        <p className="export-status ok" data-testid="handoff-done">
          {t('handoff.done')} <span className="mono path">{done}</span>
        </p>
      )}
      {report && (
        <div className="export-status" data-testid="handoff-report">
          <p>
            {t('handoff.conform.report', { matched: report.matched, trimmed: report.trimmed })}
            {report.moved ? ` ${t('handoff.conform.moved')}` : ''}
          </p>
          {report.unmatched.length > 0 && (
            <ul>
              {report.unmatched.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
