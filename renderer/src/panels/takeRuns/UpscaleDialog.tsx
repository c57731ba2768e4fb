/**
 * "Upscale…" on a take: its size now and after, the upscaler (the offline fallback first: free,
 * no key), the estimate, then the run as a durable job with its progress; the result is a NEW
 * take of the shot, the original kept (takeRunActions.ts).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { isInFlight } from '../../../../shared/model/entities';
import { actions, runAction } from '../../actions';
import { useAppContext, useAppState } from '../../app/context';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Sheet } from '../../components/Sheet';
import { takeRunsUi } from '../../store/takeRunsUi';
import { TakeRunFooter } from './TakeRunFooter';
import { useAskOnce } from './useAskOnce';

export function UpscaleDialog({ takeId }: { takeId: string }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const plan = useStore(takeRunsUi, (s) => s.upscalePlan);
  const estimate = useStore(takeRunsUi, (s) => s.upscale);
  const jobId = useStore(takeRunsUi, (s) => s.upscaleJobId);
  const job = useAppState((s) => (jobId ? s.snapshot?.jobs.find((j) => j.id === jobId) : undefined));
  const live = useAppState((s) => (jobId ? s.jobProgress[jobId] : undefined));
  const [provider, setProvider] = useState<string | null>(null);
  const chosen = provider ?? plan?.upscalers[0]?.id ?? null;
  const choice = useMemo(() => ({ takeId, ...(chosen ? { provider: chosen } : {}) }), [takeId, chosen]);
  useAskOnce('upscale.estimate', chosen && !jobId ? choice : null);
  const state = live?.state ?? job?.state;
  const names: Record<string, string> = { ffmpeg: t('upscale.offline') };
  return (
    <Sheet
      title={t('upscale.title')}
      testId="upscale-dialog"
      className="take-run-sheet"
      onClose={() => void runAction(ctx, actions['takeRun.close'], undefined)}
    >
      {plan && (
        <p data-testid="upscale-size">
          {t('upscale.size', {
            width: plan.width,
            height: plan.height,
            toWidth: plan.toWidth,
            toHeight: plan.toHeight,
          })}
        </p>
      )}
      <Field label={t('upscale.provider')}>
        <select
          value={chosen ?? ''}
          disabled={jobId !== null}
          data-testid="upscale-provider"
          onChange={(e) => setProvider(e.target.value)}
        >
          {(plan?.upscalers ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {names[u.id] ?? u.label}
            </option>
          ))}
        </select>
      </Field>
      <TakeRunFooter
        place="upscale"
        estimate={estimate}
        labels={names}
        progress={
          jobId
            ? {
                testId: 'upscale-progress',
                state: state ?? 'queued',
                max: 1,
                value: state === 'succeeded' ? 1 : (live?.progress ?? 0),
                text: t(
                  `upscale.state.${state === 'succeeded' ? 'succeeded' : state && !isInFlight(state) ? 'failed' : 'running'}`,
                ),
              }
            : null
        }
      >
        <ActionButton
          action="upscale.run"
          payload={choice}
          variant="primary"
          testId="upscale-run"
          busyLabel={t('upscale.running')}
        />
      </TakeRunFooter>
    </Sheet>
  );
}
