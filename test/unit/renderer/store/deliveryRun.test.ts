import { beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryProgress } from '../../../../shared/api/delivery';
import {
  applyDeliveryProgress,
  deliveryRun,
  isDelivering,
  setDeliveryRun,
} from '../../../../renderer/src/store/deliveryRun';

const RUN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function progress(over: Partial<DeliveryProgress> = {}): DeliveryProgress {
  return {
    runId: RUN,
    state: 'running',
    deliverables: [
      { id: 'a', name: 'A', outPath: '/o/a.mp4', state: 'running', progress: 0.5 },
      { id: 'b', name: 'B', outPath: '/o/b.mov', state: 'succeeded', progress: 1 },
    ],
    error: null,
    report: null,
    ...over,
  };
}

describe('the delivery run of the window', () => {
  beforeEach(() =>
    setDeliveryRun({ runId: null, state: 'starting', out: '/o', deliverables: [], error: null, report: null }),
  );

  it('adopts the first event while starting, then ignores other runs', () => {
    applyDeliveryProgress(progress());
    expect(deliveryRun.getState().run).toMatchObject({ runId: RUN, state: 'running' });
    applyDeliveryProgress(progress({ runId: OTHER, state: 'failed', error: 'not ours' }));
    expect(deliveryRun.getState().run).toMatchObject({ runId: RUN, state: 'running', error: null });
  });

  it('stays canceling while running events still arrive, then takes the final state', () => {
    applyDeliveryProgress(progress());
    setDeliveryRun({ ...deliveryRun.getState().run!, state: 'canceling' });
    applyDeliveryProgress(progress());
    expect(deliveryRun.getState().run?.state).toBe('canceling');
    // The services' last word carries no rows: unfinished rows take the run's state.
    applyDeliveryProgress(progress({ state: 'canceled', deliverables: [] }));
    const run = deliveryRun.getState().run;
    expect(run?.state).toBe('canceled');
    expect(run?.deliverables.map((d) => d.state)).toEqual(['canceled', 'succeeded']);
    expect(isDelivering(run ?? null)).toBe(false);
  });

  it('ignores events once the run has ended', () => {
    applyDeliveryProgress(progress({ state: 'failed', error: 'disk full' }));
    applyDeliveryProgress(progress({ state: 'running' }));
    expect(deliveryRun.getState().run).toMatchObject({ state: 'failed', error: 'disk full' });
  });
});
