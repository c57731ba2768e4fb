/**
 * The project's continuity report: the shots to redo (their selected take drifts on some
 * element), then every checked take with its score per element. "Check again" re-runs the
 * check; "Regenerate only the drifting shots" opens the Generate dialog on just those shots,
 * estimate first.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { shotCaptions } from '../../../shared/model/shotCaption';
import { driftingShotIds } from '../../../shared/continuity/score';
import { actions } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { runAction } from '../actions/registry';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { Sheet } from '../components/Sheet';
import { continuityUi } from '../store/continuityUi';
import './continuity.css';

export function ContinuityReport() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const open = useStore(continuityUi, (s) => s.reportOpen);
  const report = useStore(continuityUi, (s) => s.report);
  const snapshot = useAppState((s) => s.snapshot);
  if (!open || !snapshot) return null;
  const shotNumber = new Map([...snapshot.shots].sort((a, b) => a.position - b.position).map((s, i) => [s.id, i + 1]));
  const elementName = (id: string) => snapshot.elements.find((e) => e.id === id)?.name ?? id;
  const shotLabel = (id: string) => {
    const title = shotCaptions(snapshot).get(id)?.title;
    return `${shotNumber.get(id) ?? '?'}${title ? ` · ${title}` : ''}`;
  };
  const redo = report ? driftingShotIds(report, snapshot.shots) : [];
  const selected = new Set(snapshot.shots.map((s) => s.selectedTakeId));
  const rows = report
    ? [...report.results].sort((a, b) => (shotNumber.get(a.shotId) ?? 0) - (shotNumber.get(b.shotId) ?? 0))
    : [];
  return (
    <Sheet
      title={t('consistency.title')}
      testId="continuity-report"
      onClose={() => void runAction(ctx, actions['continuity.close'], undefined)}
    >
      <ErrorMessage place="generate" />
      {!report ? (
        <p className="muted small">{t('consistency.never')}</p>
      ) : (
        <>
          <p data-testid="continuity-redo">
            {redo.length
              ? t('consistency.redo', {
                  shots: redo.map((id) => shotNumber.get(id) ?? '?').join(', '),
                  count: redo.length,
                })
              : t('consistency.noRedo')}
          </p>
          <p className="muted small" data-testid="continuity-thresholds">
            {t('consistency.thresholds', {
              character: Math.round(report.thresholds.character * 100),
              location: Math.round(report.thresholds.location * 100),
              prop: Math.round(report.thresholds.prop * 100),
            })}
          </p>
          <table className="continuity-table small">
            <thead>
              <tr>
                <th>{t('consistency.shot')}</th>
                <th>{t('consistency.element')}</th>
                <th>{t('consistency.score')}</th>
                <th>{t('consistency.method')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.takeId}:${r.elementId}`} data-drift={r.drift}>
                  <td>
                    {shotLabel(r.shotId)}
                    {selected.has(r.takeId) ? '' : ` (${t('consistency.otherTake')})`}
                  </td>
                  <td>{elementName(r.elementId)}</td>
                  <td>
                    <span className={`status ${r.drift ? 'status-failed' : 'status-ok'}`}>
                      {t(r.drift ? 'consistency.drift' : 'consistency.kept', { score: Math.round(r.score * 100) })}
                    </span>
                  </td>
                  <td>
                    {t(`consistency.methods.${r.method}`)}{' '}
                    <span className="muted">
                      {t('consistency.measured', { measured: r.measured, frames: r.frames })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.skipped.length > 0 && (
            <p className="muted small">{t('consistency.skipped', { count: report.skipped.length })}</p>
          )}
        </>
      )}
      <div className="row">
        <ActionButton
          action="continuity.check"
          payload={undefined}
          variant="secondary"
          testId="continuity-check"
          busyLabel={t('consistency.checking')}
        />
        <ActionButton
          action="continuity.regenerateDrifting"
          payload={undefined}
          variant="primary"
          testId="continuity-regenerate"
        />
      </div>
    </Sheet>
  );
}
