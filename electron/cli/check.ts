/**
 * `storyboard check <dir> [--json] [--shot <id>]... [--selected] [--threshold <kind>=<0..1>]...`: the consistency check
 * (README "Consistency check"). Scores each take against the pictures of its shot's
 * characters, places and props, offline, and saves the report beside the project. --json
 * prints an array of { shotId, takeId, elementId, score, drift } (plus kind, method, frames and
 * measured); otherwise one line per take and element and the shots to redo. Drift thresholds
 * are the app's (Settings, per element kind); --threshold overrides a kind's for this run.
 */
import { driftingShotIds, parseThresholdFlag, type ThresholdOverride } from '../../shared/continuity/score.js';
import { call, withProject } from './client.js';

export async function cmdCheck(dir: string, v: Record<string, unknown>): Promise<number> {
  const shotIds = Array.isArray(v.shot) ? (v.shot as string[]) : undefined;
  const thresholds: ThresholdOverride = Object.fromEntries(
    (Array.isArray(v.threshold) ? (v.threshold as string[]) : []).map(parseThresholdFlag),
  );
  return withProject(dir, async (services) => {
    const report = await call(services, 'continuity.check', {
      ...(shotIds && { shotIds }),
      selectedOnly: v.selected === true,
      ...(Object.keys(thresholds).length && { thresholds }),
    });
    const shown = shotIds ? report.results.filter((r) => shotIds.includes(r.shotId)) : report.results;
    if (v.json) {
      const out = shown.map((r) => ({
        shotId: r.shotId,
        takeId: r.takeId,
        elementId: r.elementId,
        score: r.score,
        drift: r.drift,
        kind: r.kind,
        method: r.method,
        frames: r.frames,
        measured: r.measured,
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const snap = await call(services, 'project.current', {});
    const name = (id: string): string => snap?.elements.find((e) => e.id === id)?.name ?? id;
    for (const r of shown) {
      const flag = r.drift ? 'DRIFT' : 'ok';
      process.stdout.write(
        `${r.shotId.slice(0, 8)}  take ${r.takeId.slice(0, 8)}  ${name(r.elementId).padEnd(16)} ${r.score.toFixed(2)}  ${flag.padEnd(5)}  (${r.method}, ${r.measured}/${r.frames} frames)\n`,
      );
    }
    for (const s of report.skipped)
      process.stdout.write(`${s.shotId.slice(0, 8)}  take ${s.takeId.slice(0, 8)}  not checked: ${s.reason}\n`);
    if (!shown.length && !report.skipped.length) {
      process.stdout.write('Nothing to check: no take of a shot with a character, place or prop that has pictures.\n');
      return 0;
    }
    const redo = snap ? driftingShotIds(report, snap.shots) : [];
    process.stdout.write(redo.length ? `Shots to redo: ${redo.join(' ')}\n` : 'No selected take drifts.\n');
    return 0;
  });
}
