/** A visually hidden mirror of the shot clips the canvas draws: number, title, whether its number and filmstrip show. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { clipReport, type ClipShown } from './clipReport';

/** One row, memoised: clips mounting as the view pans re-render their own rows only. */
const ClipRow = memo(function ClipRow({ id, number, title, numbered, film, outdated }: ClipShown & { id: string }) {
  const { t } = useTranslation();
  return (
    <li
      data-testid="timeline-clip"
      data-id={id}
      data-number={number}
      data-numbered={numbered}
      data-film={film}
      data-outdated={outdated}
    >
      {t('workspace.shotNumber', { number })} <span data-testid="timeline-clip-title">{title}</span>
      {outdated ? ` ${t('outdated.badge')}` : ''}
    </li>
  );
});

export function ClipList() {
  const { t } = useTranslation();
  const shown = useStore(clipReport);
  const rows = Object.entries(shown).sort((a, b) => a[1].number - b[1].number);
  return (
    <ul className="visually-hidden" aria-label={t('timeline.lanes.shots')} data-testid="timeline-clips">
      {rows.map(([id, c]) => (
        <ClipRow key={id} id={id} {...c} />
      ))}
    </ul>
  );
}
