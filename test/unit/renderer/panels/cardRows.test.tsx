/**
 * Long card lists keep only the rows near view in the DOM (UI-3): the cards cut into rows as
 * wide as fit, under their scene headings; a list of more than WHOLE cards is virtual (no card
 * before the pane is laid out, then only the rows in view: e2e workspace.spec.ts), a smaller
 * one renders every card; the derived cut is computed once per snapshot.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import { cardRows, columnsFor } from '../../../../renderer/src/panels/cardRows';
import type { SceneGroup } from '../../../../renderer/src/panels/gridModel';
import { StoryboardGrid } from '../../../../renderer/src/panels/StoryboardGrid';
import { WHOLE } from '../../../../renderer/src/panels/VirtualCardRows';
import { orderedCut } from '../../../../renderer/src/store/selectors';
import { createAppStore } from '../../../../renderer/src/store/store';
import { makeShot, makeSnapshot, renderInApp } from '../fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
});

const count = (html: string, needle: string) => html.split(needle).length - 1;

function gridMarkup(n: number): string {
  const store = createAppStore();
  store.getState().setSnapshot(makeSnapshot(Array.from({ length: n }, (_, i) => makeShot(`s${i}`))));
  return renderInApp(store, <StoryboardGrid />);
}

const group = (key: string, ids: string[], startIndex: number): SceneGroup => ({
  key,
  scene: null,
  shotIds: ids,
  startIndex,
});

describe('card rows', () => {
  it('fits as many cards of the narrowest width as the list holds, at least one', () => {
    expect(columnsFor(252, 120, 12)).toBe(2);
    expect(columnsFor(251, 120, 12)).toBe(1);
    expect(columnsFor(0, 120, 12)).toBe(1);
    expect(columnsFor(900, 210, 12)).toBe(4);
  });

  it('cuts each scene group into a heading and rows of `columns` cards, with their cut indices', () => {
    const rows = cardRows([group('a', ['s0', 's1', 's2', 's3', 's4'], 0), group('b', [], 5), group('c', ['s5'], 5)], 2);
    expect(rows.map((r) => (r.kind === 'cards' ? `${r.ids.join(',')}@${r.startIndex}` : r.kind))).toEqual([
      'heading',
      's0,s1@0',
      's2,s3@2',
      's4@4',
      'heading',
      'empty',
      'heading',
      's5@5',
    ]);
    expect(rows.filter((r) => r.kind === 'cards' && r.lastOfGroup).map((r) => r.key)).toEqual(['r:a:2', 'r:c:0']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});

describe('storyboard cards in the DOM', () => {
  it('renders every card of a list of up to WHOLE cards', () => {
    expect(count(gridMarkup(WHOLE), 'data-testid="shot-card"')).toBe(WHOLE);
  });

  it('renders a longer list as virtual rows: no card at all until its pane is laid out', () => {
    const html = gridMarkup(500);
    expect(html).toContain('data-virtual="true"');
    expect(count(html, 'data-testid="shot-card"')).toBe(0);
  });
});

describe('the cut of a snapshot', () => {
  it('is computed once per snapshot object and again for a new one', () => {
    const doc = makeSnapshot([makeShot('a'), makeShot('b')]);
    expect(orderedCut(doc)).toBe(orderedCut(doc));
    const next = { ...doc, shots: [...doc.shots].reverse().map((s, i) => ({ ...s, position: i })) };
    expect(orderedCut(next).map((c) => c.shot.id)).toEqual(['b', 'a']);
  });
});
