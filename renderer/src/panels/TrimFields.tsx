/** Trim of the selected take in seconds (in and out), committed on blur: one undo step each. */
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { floorFrames, framesToSeconds } from '../../../shared/model/time';
import { cutOf } from '../store/selectors';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { CommitField } from './CommitField';

export function TrimFields({ shot, snapshot }: { shot: Shot; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const cut = cutOf(snapshot, shot.id);
  if (!cut?.trim || !cut.asset) return <div />;
  const fps = snapshot.project.fps;
  const { inFrames, outFrames } = cut.trim;
  const mediaFrames = floorFrames(cut.asset.info.durationSec, fps);
  const sec = (f: number) => String(Number(framesToSeconds(f, fps).toFixed(3)));
  const toFrames = (s: string) => Math.round((Number(s) * fps.num) / fps.den);
  const set = (inF: number, outF: number | null) =>
    void runAction(ctx, actions['shot.setTrim'], { shotId: shot.id, inFrames: inF, outFrames: outF });
  return (
    <fieldset className="field trim-fields">
      <legend>{t('editor.inspector.trim')}</legend>
      <div className="trim-row">
        <CommitField
          type="number"
          min={0}
          step={0.1}
          value={sec(inFrames)}
          testId="trim-in"
          aria-label={t('editor.inspector.trimIn')}
          invalid={(s) => !(toFrames(s) >= 0 && toFrames(s) < outFrames)}
          onCommit={(s) => set(toFrames(s), shot.trimOutFrames)}
        />
        <span aria-hidden="true">–</span>
        <CommitField
          type="number"
          min={0}
          step={0.1}
          value={sec(outFrames)}
          testId="trim-out"
          aria-label={t('editor.inspector.trimOut')}
          invalid={(s) => !(toFrames(s) > inFrames && toFrames(s) <= mediaFrames)}
          onCommit={(s) => set(inFrames, toFrames(s) >= mediaFrames ? null : toFrames(s))}
        />
      </div>
    </fieldset>
  );
}
