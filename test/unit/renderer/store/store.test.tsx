import { describe, expect, it } from 'vitest';
import { shotStatus, shotsToGenerate } from '../../../../renderer/src/store/selectors';
import { createAppStore } from '../../../../renderer/src/store/store';
import { createSelectionStore, primaryShot } from '../../../../renderer/src/store/selection';
import { makeJob, makeShot, makeSnapshot, makeTake } from '../fixtures';

describe('document slice', () => {
  it('keeps the selection while its shot exists and drops it when the shot goes', () => {
    const sel = createSelectionStore();
    const store = createAppStore({ selection: sel });
    store.getState().setSnapshot(makeSnapshot([makeShot('a'), makeShot('b')]));
    sel.getState().select(['b'], 'replace', ['a', 'b']);
    store.getState().setSnapshot(makeSnapshot([makeShot('b')]));
    expect(primaryShot(sel.getState())).toBe('b');
    store.getState().setSnapshot(makeSnapshot([makeShot('a')]));
    expect(primaryShot(sel.getState())).toBeNull();
  });

  it('clears the selection, its item and the clipboard when the project closes or another opens', () => {
    const sel = createSelectionStore();
    const store = createAppStore({ selection: sel });
    store.getState().setSnapshot(makeSnapshot([makeShot('a')]));
    sel.getState().select(['a'], 'replace', ['a']);
    sel.getState().setClipboard(['a']);
    const other = makeSnapshot([makeShot('a')]);
    other.project = { ...other.project, id: 'p2' };
    store.getState().setSnapshot(other);
    expect(sel.getState().ids).toEqual([]);
    expect(sel.getState().clipboard).toEqual([]);
    sel.getState().select(['a'], 'replace', ['a']);
    store.getState().setSnapshot(null);
    expect(sel.getState().ids).toEqual([]);
    expect(sel.getState().projectId).toBeNull();
  });

  it('drops an inspected item that is gone', () => {
    const sel = createSelectionStore();
    const store = createAppStore({ selection: sel });
    store.getState().setSnapshot(makeSnapshot([makeShot('a')], { takes: [makeTake('t', 'a')] }));
    sel.getState().focus({ kind: 'take', id: 't' });
    store.getState().setSnapshot(makeSnapshot([makeShot('a')], { takes: [] }));
    expect(sel.getState().item).toBeNull();
  });

  it('forgets jobs, export and errors of another project, but not of the same one', () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([makeShot('a')]));
    store.getState().applyJobProgress({ jobId: 'j', shotId: 'a', state: 'running', progress: 0.5, error: null });
    store.getState().setError('shot', { code: 'NOT_FOUND', message: 'gone' });
    store
      .getState()
      .setSnapshot(makeSnapshot([makeShot('a')], { history: { canUndo: true, canRedo: false, revision: 2 } }));
    expect(store.getState().jobs.a?.progress).toBe(0.5);
    expect(store.getState().errors.shot).toBeDefined();
    const other = makeSnapshot([makeShot('a')]);
    other.project = { ...other.project, id: 'p2' };
    store.getState().setSnapshot(other);
    expect(store.getState().jobs).toEqual({});
    expect(store.getState().errors).toEqual({});
  });

  it('keeps an error of the start screen when start-up answers "no project" late', () => {
    const store = createAppStore();
    store.getState().setError('start.open', { code: 'PROJECT_FOREIGN', message: 'trigger "t"' });
    store.getState().setSnapshot(null);
    expect(store.getState().errors['start.open']?.code).toBe('PROJECT_FOREIGN');
  });

  it('keeps UI state out of the document', () => {
    const store = createAppStore();
    const doc = makeSnapshot([makeShot('a')]);
    store.getState().setSnapshot(doc);
    store.getState().setLanguage('zh-CN');
    expect(store.getState().snapshot).toBe(doc);
  });
});

describe('shot status', () => {
  it('is "none" without take or job, "take" with a selected take', () => {
    const doc = makeSnapshot([makeShot('a'), makeShot('b', { selectedTakeId: 't' })], { takes: [makeTake('t', 'b')] });
    expect(shotStatus(doc.shots[0]!, doc, undefined)).toEqual({ kind: 'none' });
    expect(shotStatus(doc.shots[1]!, doc, undefined)).toEqual({ kind: 'take' });
  });

  it('shows a failed job with its reason until there is a take', () => {
    const doc = makeSnapshot([makeShot('a')], {
      jobs: [makeJob('j', 'a', { state: 'failed', error: 'Moderation: blocked word "x"' })],
    });
    expect(shotStatus(doc.shots[0]!, doc, undefined)).toEqual({
      kind: 'failed',
      error: 'Moderation: blocked word "x"',
      errorInfo: null,
      providerId: 'animatic',
    });
  });

  it('prefers live progress over the stored job, and generating over an old take', () => {
    const doc = makeSnapshot([makeShot('a', { selectedTakeId: 't' })], {
      takes: [makeTake('t', 'a')],
      jobs: [makeJob('j', 'a', { state: 'queued' })],
    });
    expect(shotStatus(doc.shots[0]!, doc, undefined)).toMatchObject({ kind: 'generating', progress: 0 });
    const live = { jobId: 'j', shotId: 'a', state: 'running' as const, progress: 0.6, error: null };
    expect(shotStatus(doc.shots[0]!, doc, live)).toEqual({ kind: 'generating', progress: 0.6, state: 'running' });
    expect(shotStatus(doc.shots[0]!, doc, { ...live, state: 'succeeded', progress: 1 })).toEqual({ kind: 'take' });
  });

  it('uses the newest stored job', () => {
    const doc = makeSnapshot([makeShot('a')], {
      jobs: [
        makeJob('new', 'a', { state: 'failed', error: 'second', createdAt: '2025-02-01' }),
        makeJob('old', 'a', { state: 'failed', error: 'first', createdAt: '2025-01-01' }),
      ],
    });
    expect(shotStatus(doc.shots[0]!, doc, undefined)).toEqual({
      kind: 'failed',
      error: 'second',
      errorInfo: null,
      providerId: 'animatic',
    });
  });

  it('generates shots without takes, including failed ones, but not running ones', () => {
    const doc = makeSnapshot([makeShot('a'), makeShot('b', { selectedTakeId: 't' }), makeShot('c'), makeShot('d')], {
      takes: [makeTake('t', 'b')],
      jobs: [makeJob('j1', 'c', { state: 'running' }), makeJob('j2', 'd', { state: 'failed' })],
    });
    expect(shotsToGenerate({ snapshot: doc, jobs: {} }).map((s) => s.id)).toEqual(['a', 'd']);
  });
});
