/**
 * After an open was refused as foreign (schema objects the app never makes) or damaged: the
 * offer to open a repaired copy beside it, which keeps the user's rows and media; the original
 * is never modified. Shown under the open form, below the services' message (which has the headline).
 */
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../components/ActionButton';
import './recovery.css';
import { useRecoveryUi } from '../../store/recoveryUi';

export function RepairOffer() {
  const { t } = useTranslation();
  const offer = useRecoveryUi((s) => s.repairOffer);
  if (!offer) return null;
  const damaged = offer.code === 'PROJECT_DAMAGED';
  return (
    <div
      className="repair-offer"
      role="group"
      aria-label={t(damaged ? 'recovery.repair.damagedTitle' : 'recovery.repair.title')}
      data-testid="repair-offer"
    >
      <p className="muted small">{t(damaged ? 'recovery.repair.damagedExplain' : 'recovery.repair.explain')}</p>
      <div className="row">
        <ActionButton
          action="project.openRepaired"
          payload={{ dir: offer.dir }}
          variant="primary"
          testId="open-repaired"
          busyLabel={t('start.open.opening')}
        />
        <ActionButton action="repair.dismiss" payload={undefined} variant="ghost" testId="repair-dismiss" />
      </div>
    </div>
  );
}
