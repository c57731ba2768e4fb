/** Generation jobs of the project: budget, filter, each job's state and cost, cancel and retry with consent. */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { shotCaptions } from '../../../shared/model/shotCaption';
import { useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { jobRows } from '../store/jobs';
import { jobsUi, setJobsUi } from '../store/jobsUi';
import { BudgetBar } from './BudgetBar';
import { JobRow } from './JobRow';
import { JobsRetryConfirm } from './JobsRetryConfirm';
import { providerName } from './providerName';
import './generation.css';

export function JobsPanel() {
  const { t, i18n } = useTranslation();
  const filter = useStore(jobsUi, (s) => s.jobsFilter);
  const jobList = useAppState((s) => s.jobList);
  const jobProgress = useAppState((s) => s.jobProgress);
  const snapshot = useAppState((s) => s.snapshot);
  const providers = useAppState((s) => s.providers);
  const currency = useAppState((s) => s.ledger?.currency ?? 'USD');
  if (!snapshot) return null;
  const rows = jobRows({ jobList, jobProgress, snapshot }, filter);
  const total = (jobList ?? snapshot.jobs).length;
  const labels: Record<string, string> = Object.fromEntries(
    (providers ?? []).map((p) => [p.id, providerName(t, p, (k) => i18n.exists(k))]),
  );
  const captions = shotCaptions(snapshot);
  const shotIndex = new Map(
    [...snapshot.shots]
      .sort((a, b) => a.position - b.position)
      .map((s, i) => [s.id, { n: i + 1, text: captions.get(s.id)?.caption ?? '' }]),
  );
  return (
    <section className="panel jobs-panel" aria-labelledby="jobs-title" data-testid="jobs-panel">
      <div className="detail-head">
        <h2 id="jobs-title">{t('jobs.title')}</h2>
      </div>
      <BudgetBar />
      <div className="jobs-toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('jobs.filter')}>
          {(['active', 'all'] as const).map((f) => (
            <label key={f} className={f === filter ? 'seg selected' : 'seg'}>
              <input
                type="radio"
                name="jobs-filter"
                value={f}
                checked={f === filter}
                onChange={() => setJobsUi({ jobsFilter: f })}
                data-testid={`jobs-filter-${f}`}
              />
              {t(`jobs.filters.${f}`)}
            </label>
          ))}
        </div>
        <ActionButton
          action="jobs.refresh"
          payload={undefined}
          variant="ghost"
          className="btn-small"
          testId="jobs-refresh"
        />
      </div>
      <ErrorMessage place="jobs" />
      <JobsRetryConfirm labels={labels} />
      {rows.length === 0 ? (
        <p className="muted small" data-testid="jobs-empty">
          {total === 0 ? t('jobs.none') : t('jobs.noneActive')}
        </p>
      ) : (
        <ol className="job-list" data-testid="job-list">
          {rows.map((r) => {
            const shot = shotIndex.get(r.job.shotId);
            return (
              <JobRow
                key={r.job.id}
                row={r}
                shotNumber={shot?.n ?? 0}
                shotText={shot?.text ?? ''}
                providerLabel={labels[r.job.provider] ?? r.job.provider}
                currency={currency}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
}
