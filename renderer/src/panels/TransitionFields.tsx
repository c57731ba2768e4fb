/**
 * The transition into a shot: kind (wipes and slides with a direction) and length in frames
 * (the seconds shown beside it), one undo step per change. The length shown as played is the one the cut model clamps to
 * (timeline.ts: at most half of either neighbour), so the inspector, player, timeline and
 * export agree.
 */
import { useTranslation } from 'react-i18next';
import { MAX_TRANSITION_FRAMES } from '../../../shared/api/contract';
import type { ProjectSnapshot, Shot, Transition } from '../../../shared/model/entities';
import { framesToSeconds, secondsToFrames } from '../../../shared/model/time';
import {
  DIRECTIONS,
  kindFamily,
  kindOf,
  TRANSITION_FAMILIES,
  type Direction,
  type TransitionFamily,
} from '../../../shared/model/transitionKinds';
import { cutOf } from '../store/selectors';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { Field } from '../components/Field';
import { CommitField } from './CommitField';

/** Half a second: the length a new transition starts with. */
const DEFAULT_SEC = 0.5;

// The menu's families and directions come from the vocabulary (shared/model/transitionKinds.ts).
export { kindFamily, kindOf };

const badFrames = (s: string) => !/^\d{1,4}$/.test(s.trim()) || Number(s) > MAX_TRANSITION_FRAMES;

export function TransitionFields({ shot, snapshot }: { shot: Shot; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const fps = snapshot.project.fps;
  const cut = cutOf(snapshot, shot.id);
  const { kind, frames } = shot.transitionIn;
  const { family, direction } = kindFamily(kind);
  const set = (next: Transition) =>
    void runAction(ctx, actions['shot.update'], { shotId: shot.id, patch: { transitionIn: next } });
  const played = cut?.overlap ?? 0;
  const seconds = Number(framesToSeconds(played, fps).toFixed(3));
  return (
    <div className="row" data-testid="detail-transition">
      <Field label={t('editor.inspector.transition')}>
        <select
          value={family}
          aria-label={t('editor.inspector.transitionKind')}
          data-testid="transition-kind"
          onChange={(e) => {
            const next = kindOf(e.target.value as TransitionFamily, direction);
            const length =
              next === 'cut'
                ? 0
                : frames > 0
                  ? frames
                  : Math.min(MAX_TRANSITION_FRAMES, secondsToFrames(DEFAULT_SEC, fps));
            set({ kind: next, frames: length });
          }}
        >
          {TRANSITION_FAMILIES.map((k) => (
            <option key={k} value={k}>
              {t(`editor.inspector.transitions.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {direction && (
        <Field label={t('editor.inspector.transitionDirection')}>
          <select
            value={direction}
            aria-label={t('editor.inspector.transitionDirection')}
            data-testid="transition-direction"
            onChange={(e) => set({ kind: kindOf(family, e.target.value as Direction), frames })}
          >
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`editor.inspector.directions.${d}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {kind !== 'cut' && (
        <Field
          label={t('editor.inspector.transitionFrames')}
          hint={
            played < frames
              ? t('editor.inspector.transitionClamped', { frames: played })
              : t('editor.inspector.transitionSec', { frames: played, seconds })
          }
        >
          <CommitField
            type="number"
            min={0}
            step={1}
            value={String(frames)}
            invalid={badFrames}
            testId="transition-frames"
            onCommit={(s) => set({ kind, frames: Number(s.trim()) })}
          />
        </Field>
      )}
    </div>
  );
}
