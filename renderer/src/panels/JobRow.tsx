/** One generation job: shot, provider, state, progress, cost, the provider's reason, and what can be done. */
import { useTranslation } from 'react-i18next';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { ProgressBar } from '../components/ProgressBar';
import { jobErrorText } from '../components/serviceText';
import { formatMoney, isActive, type JobRowModel } from '../store/jobs';
import { isInFlight, type JobState } from '../../../shared/model/entities';

/** Still in flight, or 'unknown' (it may have been sent: cancel stops following it). */
const cancelable = (state: JobState): boolean => isInFlight(state) || state === 'unknown';

const RETRYABLE = new Set(['failed', 'unknown', 'canceled']);

export function JobRow({
  row,
  shotNumber,
  shotText,
  providerLabel,
  currency,
}: {
  row: JobRowModel;
  shotNumber: number;
  shotText: string;
  providerLabel: string;
  currency: string;
}) {
  const { t, i18n } = useTranslation();
  const ctx = useAppContext();
  const lang = useAppState((s) => s.language);
  const busy = useAppState((s) => s.busy.jobs === true);
  const { job, state, progress, error } = row;
  const cost = job.costActual ?? job.costEstimate;
  const created = new Date(job.createdAt);
  return (
    <li
      className={`job-row job-${state}`}
      data-testid="job-row"
      data-state={state}
      data-job-id={job.id}
      data-shot-id={job.shotId}
    >
      <div className="job-head">
        <span className="job-shot" title={shotText}>
          {shotNumber > 0 ? t('jobs.shot', { n: shotNumber }) : t('jobs.shotGone')}
          <span className="muted"> {shotText}</span>
        </span>
        <span className={`job-state state-${state}`} data-testid="job-state">
          {t(`jobs.states.${state}`)}
        </span>
      </div>
      <div className="job-meta muted small">
        <span>
          {providerLabel}
          {job.model ? ` · ${job.model}` : ''}
        </span>
        <span data-testid="job-cost">
          {cost === null
            ? t('jobs.noPrice')
            : job.costActual !== null
              ? formatMoney(cost, currency, lang)
              : t('jobs.estimated', { cost: formatMoney(cost, currency, lang) })}
        </span>
        <time dateTime={job.createdAt}>
          {Number.isNaN(created.getTime())
            ? job.createdAt
            : created.toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' })}
        </time>
      </div>
      {isActive(state) && (
        <div className="job-progress">
          <ProgressBar value={progress} label={t('jobs.progress')} testId="job-progress" />
          <span className="muted small">{Math.round(progress * 100)}%</span>
        </div>
      )}
      {state === 'unknown' && (
        <p className="job-unknown small" data-testid="job-unknown">
          {t('jobs.unknownHelp')}
        </p>
      )}
      {error && state !== 'succeeded' && (
        <p className="job-error small" data-testid="job-error">
          {jobErrorText(i18n, error, row.errorInfo, job.provider)}
        </p>
      )}
      {(cancelable(state) || RETRYABLE.has(state)) && (
        <div className="btn-row">
          {cancelable(state) && (
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={busy}
              data-testid="job-cancel"
              onClick={() => void runAction(ctx, actions['jobs.cancel'], { jobId: job.id })}
            >
              {t('jobs.cancel')}
            </button>
          )}
          {RETRYABLE.has(state) && (
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              data-testid="job-retry"
              onClick={() => void runAction(ctx, actions['jobs.retryAsk'], { jobId: job.id })}
            >
              {t('jobs.retry')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
