/** The cost of a batch before it starts: total, per provider, against the project budget. */
import { useTranslation } from 'react-i18next';
import type { BatchEstimate } from '../../../shared/api/contract';
import { useAppState } from '../app/context';
import { formatMoney } from '../store/jobs';

export function GenerateEstimate({
  estimate,
  labels,
}: {
  estimate: BatchEstimate | null;
  labels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  if (!estimate) {
    return (
      <div className="estimate" aria-busy="true" data-testid="estimate" data-state="loading">
        <span className="muted">{t('generate.estimating')}</span>
      </div>
    );
  }
  const money = (n: number) => formatMoney(n, estimate.currency, lang);
  const cap = estimate.budgetCap;
  return (
    <div
      className={`estimate${estimate.overBudget ? ' over' : ''}`}
      data-testid="estimate"
      data-state={estimate.overBudget ? 'over' : 'ok'}
    >
      <div className="estimate-total">
        <span>{t('generate.estimateJobs', { count: estimate.jobs })}</span>
        <strong data-testid="estimate-total">{money(estimate.total)}</strong>
      </div>
      {estimate.perProvider.length > 0 && (
        <ul className="estimate-lines">
          {estimate.perProvider.map((p) => (
            <li key={p.provider} data-testid="estimate-provider">
              <span>
                {labels[p.provider] ?? p.provider} · {t('generate.estimateJobs', { count: p.jobs })}
              </span>
              <span className="mono">
                {money(p.total)}
                {p.unpriced > 0 ? ` + ${t('generate.unpriced', { count: p.unpriced })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small" data-testid="estimate-budget">
        {cap === null
          ? t('generate.noBudget', { committed: money(estimate.committed) })
          : t('generate.budgetLine', {
              committed: money(estimate.committed),
              cap: money(cap),
              left: money(Math.max(0, cap - estimate.committed)),
            })}
      </p>
      {estimate.overBudget && (
        <div className="error" role="alert" data-testid="over-budget">
          <strong>{t('generate.overBudget')}</strong>
          <span className="error-detail">
            {estimate.unpriced > 0
              ? t('generate.overBudgetUnpriced', { count: estimate.unpriced })
              : t('generate.overBudgetDetail', {
                  total: money(estimate.total),
                  committed: money(estimate.committed),
                  cap: money(cap ?? 0),
                })}
          </span>
        </div>
      )}
      {estimate.jobs === 0 && (
        <p className="muted small" data-testid="estimate-nothing">
          {t('generate.nothing')}
        </p>
      )}
    </div>
  );
}
