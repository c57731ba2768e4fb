/** A failure shown where it happened: a localized headline for its code plus the specific message. */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import type { Place } from '../store/state';

export function ErrorMessage({ place }: { place: Place }) {
  const { t } = useTranslation();
  const error = useAppState((s) => s.errors[place]);
  if (!error) return null;
  return (
    <div className="error" role="alert" data-testid={`error-${place}`}>
      <strong>{t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') })}</strong>
      <span className="error-detail">{error.message}</span>
    </div>
  );
}
