/**
 * The shot's framing in the project's aspect: fit (whole picture, black bars) or fill (the
 * frame covered, the rest cropped), and a reset of the crop position. Dragging the picture in
 * the viewer sets the position. One undo step per change; self-contained (takes the shot and
 * the snapshot), so it can live in any inspector layout.
 */
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { FRAMING_MODES, isDefaultFraming, type FramingMode } from '../../../shared/model/framing';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { Field } from '../components/Field';
import { shotFraming } from '../player/framingBox';

export function FramingFields({ shot, snapshot }: { shot: Shot; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const aspect = snapshot.project.aspect;
  const framing = shotFraming(shot, aspect);
  const centred = framing.x === 0.5 && framing.y === 0.5;
  const setMode = (mode: FramingMode) =>
    void runAction(ctx, actions['shot.setFraming'], { shotId: shot.id, framing: { ...framing, mode } });
  const recentre = () =>
    void runAction(ctx, actions['shot.setFraming'], { shotId: shot.id, framing: { ...framing, x: 0.5, y: 0.5 } });
  return (
    <div className="row framing-fields" data-testid="detail-framing">
      <Field label={t('framing.title', { aspect })} hint={t('framing.hint')}>
        <select
          value={framing.mode}
          aria-label={t('framing.title', { aspect })}
          data-testid="framing-mode"
          onChange={(e) => setMode(e.target.value as FramingMode)}
        >
          {FRAMING_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`framing.modes.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="button"
        className="btn btn-ghost"
        data-testid="framing-recentre"
        disabled={centred}
        onClick={recentre}
        title={
          isDefaultFraming(framing)
            ? undefined
            : t('framing.position', { x: Math.round(framing.x * 100), y: Math.round(framing.y * 100) })
        }
      >
        {t('framing.recentre')}
      </button>
    </div>
  );
}
