/**
 * Long card lists render only what is near view (UI-3): a 500-shot storyboard renders EAGER real
 * cards and placeholders for the rest; a placeholder becomes its card when the observer says it
 * is near the visible area; the derived cut is computed once per snapshot.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import { createRevealer, EAGER } from '../../../../renderer/src/panels/reveal';
import { StoryboardGrid } from '../../../../renderer/src/panels/StoryboardGrid';
import { orderedCut } from '../../../../renderer/src/store/selectors';
import { createAppStore } from '../../../../renderer/src/store/store';
import { makeShot, makeSnapshot, renderInApp } from '../fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const count = (html: string, needle: string) => html.split(needle).length - 1;

function gridMarkup(n: number): string {
  const store = createAppStore();
  store.getState().setSnapshot(makeSnapshot(Array.from({ length: n }, (_, i) => makeShot(`s${i}`))));
  return renderInApp(store, <StoryboardGrid />);
}

describe('storyboard cards near view', () => {
  it('renders the first EAGER cards of a 500-shot project and placeholders for the rest', () => {
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    const html = gridMarkup(500);
    expect(count(html, 'data-testid="shot-card"')).toBe(EAGER);
    expect(count(html, 'card-pending')).toBe(500 - EAGER);
    // Every shot keeps its place (and its id) in the list.
    expect(count(html, 'data-shot-id=')).toBe(500);
  });

  it('renders every card of a small project, and every card where nothing can observe', () => {
    vi.stubGlobal('IntersectionObserver', class {});
    expect(count(gridMarkup(EAGER), 'data-testid="shot-card"')).toBe(EAGER);
    vi.unstubAllGlobals();
    vi.stubGlobal('IntersectionObserver', undefined);
    expect(count(gridMarkup(60), 'data-testid="shot-card"')).toBe(60);
  });

  it('reveals a watched card once, when it intersects, and stops watching it', () => {
    let report: (e: { target: Element; isIntersecting: boolean }[]) => void = () => undefined;
    const observed = new Set<Element>();
    let roots = 0;
    const revealer = createRevealer(
      (cb) => {
        report = cb;
        roots++;
        return { observe: (el) => observed.add(el), unobserve: (el) => observed.delete(el), disconnect: () => {} };
      },
      () => null,
    );
    const a = {} as Element;
    const b = {} as Element;
    const seen: string[] = [];
    revealer.watch(a, () => seen.push('a'));
    const unwatchB = revealer.watch(b, () => seen.push('b'));
    expect(roots).toBe(1);
    report([{ target: a, isIntersecting: false }]);
    expect(seen).toEqual([]);
    report([{ target: a, isIntersecting: true }]);
    report([{ target: a, isIntersecting: true }]);
    expect(seen).toEqual(['a']);
    expect(observed.has(a)).toBe(false);
    unwatchB();
    expect(observed.has(b)).toBe(false);
    report([{ target: b, isIntersecting: true }]);
    expect(seen).toEqual(['a']);
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
