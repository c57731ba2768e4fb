/**
 * Several deliverables in one export run (Export dialog): start, cancel, and show a delivered
 * file in the file manager. The run answers at once and reports through 'delivery.progress'
 * events (store/deliveryRun.ts).
 */
import type { MethodOutput, Quality } from '../../../shared/api/contract';
import { deliveryRun, isDelivering, setDeliveryRun } from '../store/deliveryRun';
import { isExporting } from '../store/selectors';
import type { ActionMap } from './registry';

export interface DeliveryStartPayload {
  presets: string[];
  out: string;
  quality: Quality;
}
export interface DeliveryRevealPayload {
  path: string;
  /** Told where the file is when the host cannot open a file manager (the browser host). */
  onDone?: (r: { revealed: boolean; folder: string }) => void;
}

export type DeliveryPresets = MethodOutput<'delivery.presets'>;
export interface DeliveryPresetsPayload {
  onDone: (presets: DeliveryPresets) => void;
}

export const deliveryActions: Pick<
  ActionMap,
  'delivery.presets' | 'delivery.start' | 'delivery.cancel' | 'delivery.reveal'
> = {
  'delivery.presets': {
    id: 'delivery.presets',
    labelKey: 'delivery.run.presets',
    place: 'delivery',
    tracks: 'none',
    async perform({ api }, p) {
      const presets = await api.call('delivery.presets', {});
      p.onDone(presets);
    },
  },
  'delivery.start': {
    id: 'delivery.start',
    labelKey: 'delivery.run.start',
    place: 'delivery',
    tracks: 'none',
    predicate: (s, p) =>
      (s.snapshot?.shots.length ?? 0) > 0 &&
      p.presets.length > 0 &&
      p.out.trim() !== '' &&
      !isExporting(s) &&
      !isDelivering(deliveryRun.getState().run),
    async perform({ api }, p) {
      const out = p.out.trim();
      setDeliveryRun({ runId: null, state: 'starting', out, deliverables: [], error: null, report: null });
      try {
        const { runId } = await api.call('delivery.start', { presets: p.presets, out, quality: p.quality });
        const run = deliveryRun.getState().run;
        if (run && run.runId === null)
          setDeliveryRun({ ...run, runId, state: run.state === 'starting' ? 'running' : run.state });
      } catch (err) {
        setDeliveryRun(null);
        throw err;
      }
    },
  },
  'delivery.cancel': {
    id: 'delivery.cancel',
    labelKey: 'delivery.run.cancel',
    place: 'delivery',
    tracks: 'none',
    predicate: () => {
      const run = deliveryRun.getState().run;
      return run?.state === 'running' && run.runId !== null;
    },
    async perform({ api }) {
      const run = deliveryRun.getState().run;
      if (!run?.runId) return;
      setDeliveryRun({ ...run, state: 'canceling' });
      try {
        await api.call('delivery.cancel', { runId: run.runId });
      } catch (err) {
        // It may have finished meanwhile; only undo our 'canceling' if nothing newer arrived.
        const now = deliveryRun.getState().run;
        if (now?.state === 'canceling') setDeliveryRun({ ...now, state: 'running' });
        throw err;
      }
    },
  },
  'delivery.reveal': {
    id: 'delivery.reveal',
    labelKey: 'delivery.run.reveal',
    place: 'delivery',
    tracks: 'none',
    async perform({ api }, p) {
      const r = await api.call('delivery.reveal', { path: p.path });
      p.onDone?.(r);
    },
  },
};
