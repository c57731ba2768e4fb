/**
 * The window's multi-deliverable export run (UI state, never history): what the user started,
 * then each 'delivery.progress' event as the services send it. One run at a time per window.
 * Events may beat delivery.start's answer: while the run is starting, the first event's runId
 * is adopted; events of any other run are ignored.
 */
import { createStore } from 'zustand/vanilla';
import type { DeliveryProgress, DeliveryReport } from '../../../shared/api/delivery';
import type { LocalizedMessage } from '../../../shared/errors';

export type DeliveryRunState = 'starting' | 'running' | 'canceling' | 'succeeded' | 'failed' | 'canceled';

export interface DeliveryRunView {
  runId: string | null;
  state: DeliveryRunState;
  out: string;
  deliverables: DeliveryProgress['deliverables'];
  error: string | null;
  /** The error's i18n key and parameters when the service gave one. */
  localized?: LocalizedMessage | null;
  report: DeliveryReport | null;
}

export interface DeliveryRunStore {
  run: DeliveryRunView | null;
}

export const deliveryRun = createStore<DeliveryRunStore>()(() => ({ run: null }));

export function isDelivering(run: DeliveryRunView | null): boolean {
  return run?.state === 'starting' || run?.state === 'running' || run?.state === 'canceling';
}

export function setDeliveryRun(run: DeliveryRunView | null): void {
  deliveryRun.setState({ run });
}

export function applyDeliveryProgress(p: DeliveryProgress): void {
  const run = deliveryRun.getState().run;
  if (!run || (run.runId !== null && run.runId !== p.runId)) return;
  if (!isDelivering(run)) return;
  const state = p.state === 'running' && run.state === 'canceling' ? 'canceling' : p.state;
  setDeliveryRun({
    ...run,
    runId: p.runId,
    state,
    // The services' last word on a failed or canceled run carries no rows: the rows not
    // finished take the run's state.
    deliverables:
      p.deliverables.length > 0
        ? p.deliverables
        : run.deliverables.map((d) =>
            d.state === 'succeeded' ? d : { ...d, state: p.state === 'running' ? d.state : p.state },
          ),
    error: p.error,
    localized: p.localized ?? null,
    report: p.report,
  });
}
