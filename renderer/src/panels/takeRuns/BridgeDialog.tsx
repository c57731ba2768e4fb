/**
 * "Insert bridge shot after": the two neighbours it joins, the model (those that can end on a
 * frame first; another is refused by the services with the list of those that can, translated),
 * the length, and the estimate before anything is added or sent. "Insert and generate" is one
 * undo step plus one generation job (bridgeActions.ts).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { shotCaptions } from '../../../../shared/model/shotCaption';
import { cutList } from '../../../../shared/model/timeline';
import { framesToSeconds } from '../../../../shared/model/time';
import { actions, runAction } from '../../actions';
import { useAppContext, useAppState } from '../../app/context';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Sheet } from '../../components/Sheet';
import { takeRunsUi } from '../../store/takeRunsUi';
import { TakeRunFooter } from './TakeRunFooter';
import { useAskOnce } from './useAskOnce';
import { ModelChoice, useModelPick, useProviderLabels, type Fits } from './ModelChoice';
import { formatDecimal } from '../format';

export const endsOnFrame: Fits = (caps) => caps.lastFrame && caps.imageToVideo;

export function BridgeDialog({ afterShotId }: { afterShotId: string }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const snapshot = useAppState((s) => s.snapshot);
  const estimate = useStore(takeRunsUi, (s) => s.bridge);
  const cut = useMemo(() => (snapshot ? cutList(snapshot) : []), [snapshot]);
  const i = cut.findIndex((c) => c.shot.id === afterShotId);
  const a = cut[i];
  const b = cut[i + 1];
  const [seconds, setSeconds] = useState('4');
  const labels = useProviderLabels();
  const [pick, setPick] = useModelPick(endsOnFrame, a?.shot);
  // Strings, so a new snapshot with the same pick asks for no new estimate.
  const provider = pick?.provider;
  const model = pick?.model;
  const durationSec = Number(seconds);
  const validLength = durationSec > 0 && durationSec <= 600;
  const choice = useMemo(
    () => ({
      afterShotId,
      ...(provider ? { provider, ...(model ? { model } : {}) } : {}),
      ...(validLength ? { durationSec } : {}),
    }),
    [afterShotId, provider, model, validLength, durationSec],
  );
  useAskOnce('bridge.estimate', provider ? choice : null);
  if (!snapshot || !a || !b) return null;
  const fps = snapshot.project.fps;
  const captions = shotCaptions(snapshot);
  const label = (n: number, c: typeof a) =>
    t('bridges.neighbour', { number: n, title: captions.get(c.shot.id)?.caption ?? '' });
  return (
    <Sheet
      title={t('bridges.title', { number: i + 1 })}
      testId="bridge-dialog"
      className="take-run-sheet"
      onClose={() => void runAction(ctx, actions['takeRun.close'], undefined)}
    >
      <p className="muted small">{t('bridges.explain')}</p>
      <ol className="take-run-join small" data-testid="bridge-neighbours">
        <li>
          {label(i + 1, a)} · {t('bridges.fromFrame', { at: formatDecimal(framesToSeconds(a.frames, fps), 2) })}
        </li>
        <li>{t('bridges.newShot')}</li>
        <li>{label(i + 2, b)}</li>
      </ol>
      <div className="row">
        <Field label={t('takeRuns.model')} hint={t('bridges.modelHint')}>
          <ModelChoice value={pick} onChange={setPick} fits={endsOnFrame} testId="bridge-model" />
        </Field>
        <Field label={t('takeRuns.seconds')}>
          <input
            type="number"
            min={0.5}
            max={600}
            step={0.5}
            value={seconds}
            aria-invalid={!validLength}
            data-testid="bridge-seconds"
            onChange={(e) => setSeconds(e.target.value)}
          />
        </Field>
      </div>
      <TakeRunFooter place="bridge" estimate={estimate?.estimate} labels={labels}>
        <ActionButton
          action="bridge.insert"
          payload={choice}
          variant="primary"
          testId="bridge-insert"
          busyLabel={t('generate.starting')}
        />
      </TakeRunFooter>
    </Sheet>
  );
}
