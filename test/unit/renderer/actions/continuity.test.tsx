/**
 * The consistency check's actions: "Check consistency" stores the report and opens it;
 * "Regenerate only the drifting shots" is offered only when a selected take drifts, selects
 * exactly those shots and opens the Generate dialog on them (its estimate comes first; nothing
 * is started from here).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContinuityReport } from '../../../../shared/continuity/score';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import { continuityUi, setContinuityUi } from '../../../../renderer/src/store/continuityUi';
import { jobsUi, resetJobsUi } from '../../../../renderer/src/store/jobsUi';
import { createAppStore } from '../../../../renderer/src/store/store';
import { selection } from '../../../../renderer/src/store/uiEditor';
import { fakeApi, makeLedger, makeShot, makeSnapshot, makeTake } from '../fixtures';

const row = (shotId: string, takeId: string, score: number, drift: boolean) => ({
  shotId,
  takeId,
  elementId: 'el',
  kind: 'character' as const,
  score,
  drift,
  method: 'face' as const,
  frames: 3,
  measured: 3,
});

const report: ContinuityReport = {
  checkedAt: '2026-01-01T00:00:00Z',
  thresholds: { character: 0.5, location: 0.5, prop: 0.5 },
  // a: its selected take drifts; b: fine; c: only a take that is not selected drifts.
  results: [row('a', 'ta', 0.3, true), row('b', 'tb', 0.8, false), row('c', 'tc-old', 0.2, true)],
  skipped: [],
};

function setup() {
  const store = createAppStore();
  const takes = [makeTake('ta', 'a'), makeTake('tb', 'b'), makeTake('tc', 'c'), makeTake('tc-old', 'c')];
  store
    .getState()
    .setSnapshot(
      makeSnapshot(
        [
          makeShot('a', { selectedTakeId: 'ta', position: 0 }),
          makeShot('b', { selectedTakeId: 'tb', position: 1 }),
          makeShot('c', { selectedTakeId: 'tc', position: 2 }),
        ],
        { takes },
      ),
    );
  const { api, calls } = fakeApi({
    'continuity.check': () => report,
    'continuity.report': () => report,
    'providers.list': () => [],
    'jobs.list': () => [],
    'jobs.ledger': () => makeLedger(),
  });
  return { ctx: { api, store }, calls, store };
}

beforeEach(() => {
  setContinuityUi({ report: null, reportOpen: false });
  resetJobsUi();
});

describe('continuity actions', () => {
  it('check stores the report and opens the report view', async () => {
    const { ctx, calls } = setup();
    expect(await runAction(ctx, actions['continuity.check'], undefined)).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(['continuity.check']);
    expect(continuityUi.getState()).toMatchObject({ report, reportOpen: true });
  });

  it('regenerates only the shots whose selected take drifts, through the Generate dialog', async () => {
    const { ctx, calls, store } = setup();
    expect(canRun(actions['continuity.regenerateDrifting'], store.getState(), undefined)).toBe(false);
    setContinuityUi({ report, reportOpen: true });
    expect(canRun(actions['continuity.regenerateDrifting'], store.getState(), undefined)).toBe(true);
    expect(await runAction(ctx, actions['continuity.regenerateDrifting'], undefined)).toBe(true);
    expect([...selection.getState().ids]).toEqual(['a']);
    expect(jobsUi.getState()).toMatchObject({ generateOpen: true, generateScope: 'regenerate' });
    expect(continuityUi.getState().reportOpen).toBe(false);
    expect(calls.some((c) => c.method === 'generate.start')).toBe(false);
  });
});
