/** A 0–5 star rating as a radio group; choosing the current value again clears it. */
import { useTranslation } from 'react-i18next';

export function Stars({ value, onChange }: { value: number; onChange(rating: number): void }) {
  const { t } = useTranslation();
  return (
    <span className="stars" role="radiogroup" aria-label={t('editor.takes.rate')}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={t('editor.takes.stars', { count: n })}
          className={n <= value ? 'star on' : 'star'}
          onClick={() => onChange(value === n ? 0 : n)}
        >
          ★
        </button>
      ))}
    </span>
  );
}
