/**
 * A failure shown where it happened: a localized headline for its code plus the specific
 * message, translated when the service gave it a message key (shared/errors.ts), else as sent.
 */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import type { Place } from '../store/state';
import { localizedText } from './serviceText';

export function ErrorMessage({ place }: { place: Place }) {
  const { t, i18n } = useTranslation();
  const error = useAppState((s) => s.errors[place]);
  if (!error) return null;
  const detail = localizedText(i18n, error.localized, error.message);
  return (
    <div className="error" role="alert" data-testid={`error-${place}`}>
      <strong>{t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') })}</strong>
      <span className="error-detail">{detail}</span>
    </div>
  );
}
