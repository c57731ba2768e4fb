/**
 * The jobs queue as a popover of the top bar: the button shows how many jobs are under way
 * and their mean progress (a badge); the popover holds the jobs panel and stays open (beside
 * the dialogs) until the button, Ctrl/Cmd+J or Escape closes it.
 */
import { useTranslation } from 'react-i18next';
import { useAction, useAppState } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { JobsPanel } from '../panels/JobsPanel';
import { isActive, jobRows } from '../store/jobs';

export function JobsButton() {
  const { t } = useTranslation();
  const open = useEditorUi((s) => s.jobsOpen);
  const toggle = useAction('jobs.toggle', undefined);
  const summary = useAppState((s) => {
    if (!s.snapshot) return '0:0';
    const active = jobRows({ jobList: s.jobList, jobProgress: s.jobProgress, snapshot: s.snapshot }, 'all').filter(
      (r) => isActive(r.state),
    );
    const mean = active.length ? active.reduce((a, r) => a + r.progress, 0) / active.length : 0;
    return `${active.length}:${Math.round(mean * 100)}`;
  });
  const [count, percent] = summary.split(':').map(Number) as [number, number];
  return (
    <button
      type="button"
      className={`btn btn-ghost jobs-button${open ? ' active' : ''}`}
      aria-expanded={open}
      aria-haspopup="dialog"
      title={toggle.title}
      onClick={() => void toggle.run()}
      data-testid="jobs-button"
    >
      {t('jobs.title')}
      {count > 0 && (
        <span className="badge" data-testid="jobs-badge" aria-label={t('workspace.jobs.badge', { count, percent })}>
          {count} · {percent}%
        </span>
      )}
    </button>
  );
}

export function JobsPopover() {
  const { t } = useTranslation();
  const open = useEditorUi((s) => s.jobsOpen);
  if (!open) return null;
  return (
    <div className="jobs-popover" role="dialog" aria-label={t('jobs.title')} data-testid="jobs-popover">
      <JobsPanel />
    </div>
  );
}
