/**
 * Contract handlers of the `continuity.*` namespace (shared/api/continuity.ts): the
 * consistency check runs on the open project's snapshot (read-only) and saves its report beside
 * the project; thresholds live in app settings.
 */
import { DEFAULT_DRIFT_THRESHOLDS, type DriftThresholds } from '../../../shared/continuity/score.js';
import { checkTakes } from '../continuity/check.js';
import { loadReport, saveReport } from '../continuity/reportFile.js';
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers, Session } from './session.js';

export function continuityHandlers(session: Session, services: FacadeServices): NamespaceHandlers<'continuity'> {
  const thresholds = (): DriftThresholds => services.settings.read().continuityThresholds ?? DEFAULT_DRIFT_THRESHOLDS;
  return {
    'continuity.check': async ({ shotIds, selectedOnly, thresholds: override }) => {
      const store = session.require();
      const report = await checkTakes(store.snapshot(), (rel) => store.absPath(rel), {
        ...(shotIds && { shotIds }),
        selectedOnly,
        thresholds: { ...thresholds(), ...override },
      });
      // A partial check (some shots) keeps the other shots' earlier results.
      const previous = shotIds ? await loadReport(store.dir, report.thresholds) : null;
      const merged = previous
        ? {
            ...report,
            results: [...previous.results.filter((r) => !shotIds!.includes(r.shotId)), ...report.results],
            skipped: [...previous.skipped.filter((r) => !shotIds!.includes(r.shotId)), ...report.skipped],
          }
        : report;
      await saveReport(store.dir, merged);
      return merged;
    },
    'continuity.report': async () => loadReport(session.require().dir, thresholds()),
    'continuity.thresholds': async () => thresholds(),
    'continuity.setThresholds': async (next) => {
      services.settings.setContinuityThresholds(next);
      return thresholds();
    },
  };
}
