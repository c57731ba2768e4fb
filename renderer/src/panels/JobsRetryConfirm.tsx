/** A paid retry waits here for consent: it names the shot, the provider and the cost. */
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { formatMoney } from '../store/jobs';
import { jobsUi } from '../store/jobsUi';

export function JobsRetryConfirm({ labels }: { labels: Record<string, string> }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const retry = useStore(jobsUi, (s) => s.retry);
  const est = useStore(jobsUi, (s) => s.retryEstimate);
  const lang = useAppState((s) => s.language);
  const number = useAppState((s) =>
    retry ? (s.snapshot?.shots.findIndex((x) => x.id === retry.shotId) ?? -1) + 1 : 0,
  );
  if (!retry) return null;
  const provider = labels[retry.provider] ?? retry.provider;
  const cost = est ? formatMoney(est.total, est.currency, lang) : '…';
  return (
    <div className="retry-confirm" role="alertdialog" aria-labelledby="retry-title" data-testid="retry-confirm">
      <p id="retry-title">
        <strong>{t('jobs.retryTitle', { n: number, provider })}</strong>
      </p>
      <p className="small">{est?.unpriced ? t('jobs.retryUnpriced') : t('jobs.retryCost', { cost })}</p>
      {est?.overBudget && (
        <p className="job-error small" role="alert" data-testid="retry-over-budget">
          {t('generate.overBudget')}
        </p>
      )}
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={!est || est.overBudget}
          data-testid="retry-confirm-yes"
          onClick={() => void runAction(ctx, actions['jobs.retry'], undefined)}
        >
          {t('jobs.retryConfirm', { cost })}
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          data-testid="retry-confirm-no"
          onClick={() => void runAction(ctx, actions['jobs.retryDismiss'], undefined)}
        >
          {t('jobs.keep')}
        </button>
      </div>
    </div>
  );
}
