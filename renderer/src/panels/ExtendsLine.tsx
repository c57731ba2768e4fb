/** "Extends take N of shot M", with a button that makes the shot a new clip again (one undo step). */
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { orderedCut } from '../store/selectors';

export function ExtendsLine({ shot, snapshot }: { shot: Shot; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  if (!shot.extendsTakeId) return null;
  const take = snapshot.takes.find((x) => x.id === shot.extendsTakeId);
  const source = take ? snapshot.shots.find((s) => s.id === take.shotId) : undefined;
  const shotNumber = source ? orderedCut(snapshot).findIndex((c) => c.shot.id === source.id) + 1 : 0;
  const takeNumber = take
    ? snapshot.takes.filter((x) => x.shotId === take.shotId).findIndex((x) => x.id === take.id) + 1
    : 0;
  return (
    <p className="extends-line small" data-testid="extends-line">
      <span>
        {shotNumber > 0 && takeNumber > 0
          ? t('editor.inspector.extends', { take: takeNumber, shot: shotNumber })
          : t('editor.inspector.extendsGone')}
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        data-testid="stop-extending"
        onClick={() => void runAction(ctx, actions['shot.update'], { shotId: shot.id, patch: { extendsTakeId: null } })}
      >
        {t('editor.inspector.stopExtending')}
      </button>
    </p>
  );
}
