/**
 * The Elements panel and the inspector's Elements field, rendered to markup, and their actions
 * (one contract call = one undo step each; files uploaded before the document changes).
 */
import { selection as windowSelection } from '../../../../renderer/src/store/uiEditor';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import { initI18n } from '../../../../renderer/src/i18n';
import { ElementsPanel } from '../../../../renderer/src/panels/elements/ElementsPanel';
import { ShotInspector } from '../../../../renderer/src/panels/ShotInspector';
import type { ProviderInfo } from '../../../../renderer/src/store/jobs';
import { createAppStore, type AppStore } from '../../../../renderer/src/store/store';
import type { Element, ProjectSnapshot, Shot } from '../../../../shared/model/entities';
import { newElement } from '../../../../shared/model/factories';
import { pictureAsset } from '../../../helpers/mediaInfo';
import { fakeApi, makeProvider, makeShot, makeSnapshot, makeTake, renderInApp } from '../fixtures';

const element = (id: string, over: Partial<Element>): Element =>
  newElement({
    id,
    kind: 'character',
    name: id,
    tag: `@${id}`,
    ...over,
  });
const ming = element('ming', { name: '小明', tag: '@小明', refAssetIds: ['aa01', 'aa02'] });
const cafe = element('cafe', { kind: 'location', name: 'Harbour Café', tag: '@Harbour_Cafe', refAssetIds: ['bb01'] });
const cup = element('cup', { kind: 'prop', name: 'Cup', tag: '@Cup' });
const assets = ['aa01', 'aa02', 'bb01'].map(pictureAsset);

const provider = (
  id: string,
  models: { id: string; label: string; capabilities?: Record<string, unknown> }[],
  referenceImagesMax: number,
): ProviderInfo =>
  makeProvider(id, id.toUpperCase(), {
    textToVideo: true,
    imageToVideo: true,
    lastFrame: false,
    referenceImagesMax,
    durations: { kind: 'set', values: [4, 8] },
    models,
  });
const veo = provider(
  'veo',
  [
    { id: 'veo-3.0', label: 'Veo 3.0', capabilities: { referenceImagesMax: 0 } },
    { id: 'veo-3.1', label: 'Veo 3.1' },
  ],
  3,
);
const vidu = provider('vidu', [{ id: 'q1', label: 'Vidu Q1' }], 7);

function storeWith(shots: Shot[], over: Partial<ProjectSnapshot> = {}): AppStore {
  const store = createAppStore();
  store.getState().setSnapshot(makeSnapshot(shots, { elements: [ming, cafe, cup], assets, ...over }));
  store.getState().setProviders([veo, vidu]);
  windowSelection.getState().select(
    shots[0] ? [shots[0].id] : [],
    'replace',
    shots.map((s) => s.id),
  );
  return store;
}

function render(store: AppStore, node: ReactElement): string {
  return renderInApp(store, node, [windowSelection]);
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('Elements panel', () => {
  it('teaches what elements are for when there are none', () => {
    const html = render(storeWith([makeShot('a')], { elements: [] }), <ElementsPanel />);
    expect(html).toContain('data-testid="elements-empty"');
    expect(text(html)).toContain('pick it in a shot or write its @tag in the prompt');
    expect(html).not.toContain('data-testid="element-item"');
  });

  it('groups elements by kind in a fixed order, with a thumbnail of the first picture', () => {
    const html = render(storeWith([makeShot('a', { elementIds: ['ming'] })]), <ElementsPanel />);
    const groups = [...html.matchAll(/role="group" aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(groups).toEqual(['Characters', 'Locations', 'Props']);
    expect(html).toContain(`src="/media/${encodeURIComponent('/films/lake/media/aa/aa01.png')}"`);
    expect(text(html)).toContain('@小明 · 2 pictures · in 1 shot');
    expect(text(html)).toContain('@Cup · 0 pictures · in 0 shots');
    expect(html).not.toContain('data-testid="elements-empty"');
  });
});

describe('inspector Elements field', () => {
  const field = (html: string) =>
    /data-testid="shot-elements".*?data-testid="reference-note"[^<]*<\/small>/s.exec(html)?.[0] ?? '';

  it('shows picked chips, the prompt’s @tags, and how many pictures the model takes', () => {
    const shot = makeShot('a', { elementIds: ['cafe'], prompt: '@小明 drinks', provider: 'vidu', model: 'q1' });
    const html = field(render(storeWith([shot]), <ShotInspector />));
    expect([...html.matchAll(/data-element-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['cafe']);
    expect(text(html)).toContain('From the prompt: @小明');
    expect(text(html)).toContain('Vidu Q1 takes up to 7 reference pictures; this shot has 3.');
    // Only elements not picked yet are offered.
    expect(html).toMatch(/data-testid="element-attach".*<option value="ming">@小明 · 小明<\/option>/s);
    expect(html).not.toMatch(/<option value="cafe">/);
  });

  it('says clearly when the chosen model takes no reference images', () => {
    const shot = makeShot('a', { elementIds: ['ming'], provider: 'veo', model: 'veo-3.0' });
    expect(text(field(render(storeWith([shot]), <ShotInspector />)))).toContain(
      'Veo 3.0 takes no reference images; use a first frame.',
    );
    const other = makeShot('a', { elementIds: ['ming', 'cafe'], provider: 'veo', model: 'veo-3.1', prompt: '' });
    expect(text(field(render(storeWith([other]), <ShotInspector />)))).toContain(
      'Veo 3.1 takes up to 3 reference pictures; this shot has 3.',
    );
  });

  it('shows what a shot extends, with a button to stop', () => {
    const shots = [makeShot('a', { selectedTakeId: 't2' }), makeShot('b', { extendsTakeId: 't2' })];
    const store = storeWith(shots, { takes: [makeTake('t1', 'a'), makeTake('t2', 'a')] });
    windowSelection.getState().select(['b'], 'replace', ['a', 'b']);
    const html = render(store, <ShotInspector />);
    expect(text(html)).toContain('Extends take 2 of shot 1');
    expect(html).toContain('data-testid="stop-extending"');
    windowSelection.getState().select(['a'], 'replace', ['a', 'b']);
    expect(render(store, <ShotInspector />)).not.toContain('data-testid="extends-line"');
  });
});

describe('element actions', () => {
  it('attach/detach is one shots.setElements call, and off when nothing would change', async () => {
    const store = storeWith([makeShot('a', { elementIds: ['ming'] })]);
    expect(canRun(actions['shot.setElements'], store.getState(), { shotId: 'a', elementIds: ['ming'] })).toBe(false);
    const after = makeSnapshot([makeShot('a', { elementIds: ['ming', 'cup'] })], { elements: [ming, cafe, cup] });
    const { api, calls } = fakeApi({ 'shots.setElements': () => after });
    expect(
      await runAction({ api, store }, actions['shot.setElements'], { shotId: 'a', elementIds: ['ming', 'cup'] }),
    ).toBe(true);
    expect(calls).toEqual([{ method: 'shots.setElements', input: { shotId: 'a', elementIds: ['ming', 'cup'] } }]);
    expect(store.getState().snapshot?.shots[0]?.elementIds).toEqual(['ming', 'cup']);
  });

  it('create uploads the pictures first and makes one elements.create call; a refusal changes nothing', async () => {
    const store = storeWith([makeShot('a')]);
    const uploaded: string[] = [];
    const files = [
      new File(['x'], 'front.png', { type: 'image/png' }),
      new File(['y'], '侧面.png', { type: 'image/png' }),
    ];
    const { api, calls } = fakeApi(
      { 'elements.create': () => ({ element: cup, snapshot: makeSnapshot([], { elements: [cup] }) }) },
      async (f) => {
        uploaded.push(f.name);
        return `/staged/${f.name}`;
      },
    );
    expect(await runAction({ api, store }, actions['element.create'], { name: '  Cup ', kind: 'prop', files })).toBe(
      true,
    );
    expect(uploaded).toEqual(['front.png', '侧面.png']);
    expect(calls).toEqual([
      {
        method: 'elements.create',
        input: { name: 'Cup', kind: 'prop', picturePaths: ['/staged/front.png', '/staged/侧面.png'] },
      },
    ]);
    expect(canRun(actions['element.create'], store.getState(), { name: '  ', kind: 'prop', files: [] })).toBe(false);

    const before = store.getState().snapshot;
    const refused = fakeApi({
      'elements.create': () => {
        throw Object.assign(new Error('"bad.png" is not a picture'), { code: 'MEDIA_CORRUPT' });
      },
    });
    expect(
      await runAction({ api: refused.api, store }, actions['element.create'], { name: 'Bad', kind: 'prop', files: [] }),
    ).toBe(false);
    expect(store.getState().errors.elements?.message).toBe('"bad.png" is not a picture');
    expect(store.getState().snapshot).toBe(before);
  });

  it('stop extending is one shots.update with extendsTakeId null', async () => {
    const store = storeWith([makeShot('a', { extendsTakeId: 't1' })]);
    const { api, calls } = fakeApi({ 'shots.update': () => makeSnapshot([makeShot('a')]) });
    await runAction({ api, store }, actions['shot.update'], { shotId: 'a', patch: { extendsTakeId: null } });
    expect(calls).toEqual([{ method: 'shots.update', input: { shotId: 'a', patch: { extendsTakeId: null } } }]);
  });
});
