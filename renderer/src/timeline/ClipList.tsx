/** A visually hidden mirror of the shot clips the canvas draws: number, title, whether its number and filmstrip show. */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { clipReport } from './clipReport';

export function ClipList() {
  const { t } = useTranslation();
  const shown = useStore(clipReport);
  const rows = Object.entries(shown).sort((a, b) => a[1].number - b[1].number);
  return (
    <ul className="visually-hidden" aria-label={t('timeline.lanes.shots')} data-testid="timeline-clips">
      {rows.map(([id, c]) => (
        <li
          key={id}
          data-testid="timeline-clip"
          data-id={id}
          data-number={c.number}
          data-numbered={c.numbered}
          data-film={c.film}
          data-outdated={c.outdated}
        >
          {t('workspace.shotNumber', { number: c.number })} <span data-testid="timeline-clip-title">{c.title}</span>
          {c.outdated ? ` ${t('outdated.badge')}` : ''}
        </li>
      ))}
    </ul>
  );
}
