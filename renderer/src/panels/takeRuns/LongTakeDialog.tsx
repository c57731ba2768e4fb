/**
 * "Extend from last frame…" and the long-take builder: continue a take on any model that starts
 * from a picture, link after link from the exact frame at each clip's trim out, until the chain
 * reaches the target length (60 s and more). The plan — links, their length, the estimate
 * against the budget — shows before anything is sent; while it runs, which link is being made
 * and its progress; each finished link is a take of its own shot (takeRunActions.ts).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { framesToSeconds } from '../../../../shared/model/time';
import { cutList } from '../../../../shared/model/timeline';
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

const startsFromPicture: Fits = (caps) => caps.imageToVideo;

export function LongTakeDialog({ takeId, long }: { takeId: string; long: boolean }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const snapshot = useAppState((s) => s.snapshot);
  const plan = useStore(takeRunsUi, (s) => s.chain);
  const run = useStore(takeRunsUi, (s) => s.run);
  const live = useAppState((s) => (run?.jobId ? s.jobProgress[run.jobId] : undefined));
  const labels = useProviderLabels();
  const take = snapshot?.takes.find((x) => x.id === takeId);
  const item = useMemo(
    () => (snapshot && take ? cutList(snapshot).find((c) => c.shot.id === take.shotId) : undefined),
    [snapshot, take],
  );
  const fps = snapshot?.project.fps;
  const fromSec = item && fps ? framesToSeconds(item.frames, fps) : 0;
  // One link ("Extend from last frame"): the take plus one shot's length, less the frame they
  // share; the long-take builder starts at a minute.
  const [target, setTarget] = useState(() => {
    if (long || !item || !fps) return String(Math.max(60, Math.ceil(fromSec)));
    const gain = framesToSeconds(item.shot.durationFrames - 1, fps);
    return String(Math.floor((fromSec + gain) * 100) / 100);
  });
  const [link, setLink] = useState('');
  const [pick, setPick] = useModelPick(startsFromPicture, item?.shot);
  // Strings, so a new snapshot with the same pick asks for no new estimate.
  const provider = pick?.provider;
  const model = pick?.model;
  const toSec = Number(target);
  const linkSec = link.trim() === '' ? undefined : Number(link);
  const valid = toSec > 0 && toSec <= 3600 && (linkSec === undefined || (linkSec > 0 && linkSec <= 600));
  const choice = useMemo(
    () => ({
      takeId,
      toSec: valid ? toSec : 1,
      ...(provider ? { provider, ...(model ? { model } : {}) } : {}),
      ...(valid && linkSec !== undefined ? { linkSec } : {}),
    }),
    [takeId, provider, model, valid, toSec, linkSec],
  );
  const running = run?.state === 'running' || run?.state === 'stopping';
  useAskOnce('chain.plan', provider && valid && !running ? choice : null);
  if (!snapshot || !take || !item) return null;
  return (
    <Sheet
      title={t(long ? 'chain.titleLong' : 'chain.title')}
      testId="long-take-dialog"
      className="take-run-sheet"
      onClose={() => void runAction(ctx, actions['takeRun.close'], undefined)}
    >
      <p className="muted small">{t('chain.explain', { seconds: formatDecimal(fromSec, 2) })}</p>
      <div className="row">
        <Field label={t('takeRuns.model')}>
          <ModelChoice value={pick} onChange={setPick} fits={startsFromPicture} testId="chain-model" />
        </Field>
      </div>
      <div className="row">
        <Field label={t('chain.target')} hint={t('chain.targetHint')}>
          <input
            type="number"
            min={1}
            max={3600}
            step={1}
            value={target}
            aria-invalid={!(toSec > 0 && toSec <= 3600)}
            data-testid="chain-target"
            onChange={(e) => setTarget(e.target.value)}
          />
        </Field>
        <Field label={t('chain.link')} hint={t('chain.linkHint')}>
          <input
            type="number"
            min={0.5}
            max={600}
            step={0.5}
            value={link}
            placeholder={plan ? plan.linkSec.toFixed(2) : ''}
            data-testid="chain-link"
            onChange={(e) => setLink(e.target.value)}
          />
        </Field>
      </div>
      {plan && (
        <p data-testid="chain-plan">
          {t('chain.plan', {
            count: plan.links,
            seconds: formatDecimal(plan.linkSec, 2),
            from: formatDecimal(plan.fromSec, 2),
            to: plan.toSec,
          })}
        </p>
      )}
      <TakeRunFooter
        place="longTake"
        estimate={plan?.estimate}
        labels={labels}
        progress={
          run && {
            testId: 'chain-progress',
            state: run.state,
            max: run.links,
            value: run.done + (live?.progress ?? 0),
            text: t(`chain.state.${run.state}`, { done: run.done, links: run.links, link: run.done + 1 }),
          }
        }
      >
        {running ? (
          <ActionButton action="chain.stop" payload={undefined} variant="secondary" testId="chain-stop" />
        ) : (
          <ActionButton
            action="chain.run"
            payload={choice}
            variant="primary"
            testId="chain-run"
            label={plan ? t('chain.runCount', { count: plan.links }) : undefined}
          />
        )}
      </TakeRunFooter>
    </Sheet>
  );
}
