/** Says so when the browser host can't be reached (the app keeps trying on its own). */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useAppState((s) => s.connection);
  if (connection !== 'closed') return null;
  return (
    <div className="banner" role="status" data-testid="connection-banner">
      {t('app.disconnected')}
    </div>
  );
}
