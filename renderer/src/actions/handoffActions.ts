/**
 * Hand-off: the cut as an editor's file or a PDF storyboard, the project collected into a zip,
 * and conform (trims and order back from an edited OTIO/FCPXML file, one undo step). The
 * services answer when the file is written; `onDone` hands the result to the dialog.
 */
import type { ConformReport, HandoffFormat } from '../../../shared/api/handoff';
import { applyCallWith } from './snapshotCall';
import type { ActionMap } from './registry';

export interface HandoffExportPayload {
  format: HandoffFormat;
  outPath: string;
  onDone?: (outPath: string) => void;
}
export interface HandoffCollectPayload {
  outPath: string;
  cutOnly: boolean;
  onDone?: (outPath: string) => void;
}
export interface HandoffConformPayload {
  path: string;
  onDone?: (report: ConformReport) => void;
}

const hasShots = (s: { snapshot: { shots: unknown[] } | null }): boolean => (s.snapshot?.shots.length ?? 0) > 0;

export const handoffActions: Pick<ActionMap, 'handoff.export' | 'handoff.collect' | 'handoff.conform'> = {
  'handoff.export': {
    id: 'handoff.export',
    labelKey: 'handoff.export.start',
    place: 'export',
    tracks: 'none',
    predicate: (s, p) => hasShots(s) && p.outPath.trim() !== '',
    async perform({ api }, p) {
      const r = await api.call('handoff.export', { format: p.format, outPath: p.outPath.trim() });
      p.onDone?.(r.outPath);
    },
  },
  'handoff.collect': {
    id: 'handoff.collect',
    labelKey: 'handoff.collect.start',
    place: 'export',
    tracks: 'none',
    predicate: (s, p) => hasShots(s) && p.outPath.trim() !== '',
    async perform({ api }, p) {
      const r = await api.call('handoff.collect', { outPath: p.outPath.trim(), cutOnly: p.cutOnly });
      p.onDone?.(r.outPath);
    },
  },
  'handoff.conform': {
    id: 'handoff.conform',
    labelKey: 'handoff.conform.start',
    place: 'export',
    tracks: 'none',
    predicate: (s, p) => hasShots(s) && p.path.trim() !== '',
    async perform(ctx, p) {
      const { report } = await applyCallWith(ctx, 'handoff.conform', { path: p.path.trim() });
      p.onDone?.(report);
    },
  },
};
