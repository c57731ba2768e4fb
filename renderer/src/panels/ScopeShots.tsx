/** The shots a Generate batch will run on, by number and title, so nobody pays for the wrong one. */
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { shotCaptions } from '../../../shared/model/shotCaption';
import { orderedIds } from '../actions/selection';

const SHOWN = 8;

export function ScopeShots({ snapshot, shots }: { snapshot: ProjectSnapshot; shots: readonly Shot[] }) {
  const { t } = useTranslation();
  const order = orderedIds(snapshot);
  const captions = shotCaptions(snapshot);
  const sorted = [...shots].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const rest = sorted.length - SHOWN;
  return (
    <div className="gen-targets small" data-testid="gen-targets">
      <span className="muted">{t('workspace.generate.runsOn', { count: sorted.length })}</span>
      <ul className="chips">
        {sorted.slice(0, SHOWN).map((s) => (
          <li
            key={s.id}
            className="chip"
            data-testid="gen-target"
            data-shot-id={s.id}
            title={captions.get(s.id)?.prompt}
          >
            {t('workspace.shotNumber', { number: order.indexOf(s.id) + 1 })}{' '}
            {[...(captions.get(s.id)?.caption ?? '')].slice(0, 40).join('') || t('shot.untitled')}
          </li>
        ))}
        {rest > 0 && <li className="chip muted">{t('workspace.more', { count: rest })}</li>}
      </ul>
    </div>
  );
}
