/** The running cost of the project's generation (ledger: spent, under way, estimated) against its budget cap. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { budgetStatus, formatMoney } from '../store/jobs';

/** Compact, for the top bar. */
export function BudgetChip() {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const ledger = useAppState((s) => s.ledger);
  const b = budgetStatus(ledger);
  if (!b) return null;
  const over = b.used !== null && b.used >= 1;
  return (
    <span className={`budget-chip${over ? ' over' : ''}`} data-testid="budget-chip" title={t('budget.chipTitle')}>
      {b.cap === null
        ? t('budget.spentNoCap', { spent: formatMoney(b.committed, b.currency, lang) })
        : t('budget.spentOfCap', {
            spent: formatMoney(b.committed, b.currency, lang),
            cap: formatMoney(b.cap, b.currency, lang),
          })}
      {b.unpriced > 0 ? ` + ${t('generate.unpriced', { count: b.unpriced })}` : ''}
    </span>
  );
}

/** In the jobs panel: totals, a meter, and the cap editor. */
export function BudgetBar() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const lang = useAppState((s) => s.language);
  const ledger = useAppState((s) => s.ledger);
  const busy = useAppState((s) => s.busy.budget === true);
  const [draft, setDraft] = useState<string | null>(null);
  const b = budgetStatus(ledger);
  if (!b) return null;
  const money = (n: number) => formatMoney(n, b.currency, lang);
  const value = draft ?? (b.cap === null ? '' : String(b.cap));
  const parsed = value.trim() === '' ? null : Number(value.replace(',', '.'));
  const valid = parsed === null || (Number.isFinite(parsed) && parsed >= 0 && parsed <= 1e9);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    void runAction(ctx, actions['budget.set'], { budgetCap: parsed }).then((ok) => ok && setDraft(null));
  };
  const pct = b.used === null ? null : Math.min(1, b.used);
  return (
    <div className="budget" data-testid="budget">
      <dl className="budget-totals">
        <div>
          <dt>{t('budget.actual')}</dt>
          <dd data-testid="budget-actual">{money(b.actual)}</dd>
        </div>
        <div>
          <dt>{t('budget.estimated')}</dt>
          <dd data-testid="budget-estimated">{money(b.estimated)}</dd>
        </div>
        <div>
          <dt>{t('budget.cap')}</dt>
          <dd data-testid="budget-cap">{b.cap === null ? t('budget.none') : money(b.cap)}</dd>
        </div>
      </dl>
      {pct !== null && (
        <span
          className={`meter${b.used !== null && b.used >= 1 ? ' over' : ''}`}
          role="meter"
          aria-label={t('budget.used')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(pct * 100)}
          data-testid="budget-meter"
        >
          <span style={{ width: `${Math.round(pct * 100)}%` }} />
        </span>
      )}
      <form className="inline-form budget-form" onSubmit={submit}>
        <label className="budget-label" htmlFor="budget-input">
          {t('budget.capLabel', { currency: b.currency })}
        </label>
        <input
          id="budget-input"
          inputMode="decimal"
          value={value}
          placeholder={t('budget.placeholder')}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={!valid}
          data-testid="budget-input"
        />
        <button
          type="submit"
          className="btn btn-small"
          disabled={!valid || busy || draft === null}
          data-testid="budget-save"
        >
          {t('budget.set')}
        </button>
      </form>
      {!valid && <small className="field-error">{t('budget.invalid')}</small>}
      <ErrorMessage place="budget" />
    </div>
  );
}
