/**
 * A failure shown where it happened: a localized headline for its code plus the specific
 * message, translated when the service gave it a message key (shared/errors.ts), else as sent.
 */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import type { Place } from '../store/state';

export function ErrorMessage({ place }: { place: Place }) {
  const { t, i18n } = useTranslation();
  const error = useAppState((s) => s.errors[place]);
  if (!error) return null;
  const loc = error.localized && i18n.exists(error.localized.key) ? error.localized : null;
  const more =
    typeof loc?.params.more === 'number' && loc.params.more > 0
      ? ` ${t('serviceErrors.moreShots', { count: loc.params.more })}`
      : '';
  const detail = loc ? `${t(loc.key, { ...loc.params, defaultValue: error.message })}${more}` : error.message;
  return (
    <div className="error" role="alert" data-testid={`error-${place}`}>
      <strong>{t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') })}</strong>
      <span className="error-detail">{detail}</span>
    </div>
  );
}
