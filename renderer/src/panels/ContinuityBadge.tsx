/**
 * A take's consistency verdict from the last check: its lowest score against the shot's
 * elements, and "drift" when any element is below its threshold. Nothing when unchecked.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { takeVerdicts } from '../../../shared/continuity/score';
import { continuityUi } from '../store/continuityUi';

export function ContinuityBadge({ takeId }: { takeId: string | null }) {
  const { t } = useTranslation();
  const report = useStore(continuityUi, (s) => s.report);
  if (!report || !takeId) return null;
  const verdict = takeVerdicts(report).get(takeId);
  if (!verdict) return null;
  const score = Math.round(verdict.score * 100);
  return (
    <span
      className={`status ${verdict.drift ? 'status-failed' : 'status-ok'}`}
      data-testid="continuity-badge"
      data-drift={verdict.drift}
      title={t('consistency.badgeHint', { score })}
    >
      {verdict.drift ? t('consistency.drift', { score }) : t('consistency.kept', { score })}
    </span>
  );
}
