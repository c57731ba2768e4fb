/**
 * "Outdated": a take made from an older prompt, older first/last frames or older element
 * pictures than its shot has now (shared/generation/takeFreshness.ts). The hint names what
 * changed. Nothing for a current take, an imported clip or no take.
 */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import { outdatedOf } from '../store/selectors';
import './outdated.css';

export function OutdatedBadge({ takeId }: { takeId: string | null }) {
  const { t, i18n } = useTranslation();
  const reasons = useAppState((s) => (s.snapshot && takeId ? outdatedOf(s.snapshot).get(takeId) : undefined));
  if (!reasons) return null;
  // "prompt and first frame" / "提示词和首帧": the locale's own list words.
  const what = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    reasons.map((r) => t(`outdated.reasons.${r}`)),
  );
  return (
    <span
      className="status status-outdated"
      data-testid="outdated-badge"
      data-reasons={reasons.join(' ')}
      title={t('outdated.hint', { what })}
    >
      {t('outdated.badge')}
    </span>
  );
}
