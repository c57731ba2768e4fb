/**
 * The "Project style" section at the top of the Elements panel, rendered to markup, its list
 * helpers, and its actions (one project.setStyle call = one undo step; the whole picture list
 * is sent; files are uploaded before the document changes).
 */
import type { ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import { initI18n } from '../../../../renderer/src/i18n';
import { ElementsPanel } from '../../../../renderer/src/panels/elements/ElementsPanel';
import { withAdded, withMoved } from '../../../../renderer/src/panels/elements/StyleSection';
import { createAppStore, type AppStore } from '../../../../renderer/src/store/store';
import type { ProjectSnapshot } from '../../../../shared/model/entities';
import { pictureAsset } from '../../../helpers/mediaInfo';
import { fakeApi, makeShot, makeSnapshot, renderInApp } from '../fixtures';

const assets = ['aa01', 'aa02', 'bb01', 'cc01', 'dd01', 'ee01', 'ff01'].map(pictureAsset);

function snapshotWith(stylePrompt: string, styleRefAssetIds: string[]): ProjectSnapshot {
  const base = makeSnapshot([makeShot('a')], { assets });
  return { ...base, project: { ...base.project, stylePrompt, styleRefAssetIds } };
}

function storeWith(snap: ProjectSnapshot): AppStore {
  const store = createAppStore();
  store.getState().setSnapshot(snap);
  return store;
}

function render(store: AppStore, node: ReactElement): string {
  return renderInApp(store, node);
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
const section = (html: string) =>
  /data-testid="style-section".*?data-testid="(elements-empty|element-new)"/s.exec(html)?.[0] ?? '';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('Project style section', () => {
  it('comes first in the Elements panel with the explanation, the prompt and the pictures in order', () => {
    const html = render(storeWith(snapshotWith('ink wash, 水墨', ['bb01', 'aa01'])), <ElementsPanel />);
    expect(html.indexOf('data-testid="style-section"')).toBeLessThan(html.indexOf('data-testid="element-new"'));
    const s = section(html);
    expect(text(s)).toContain(
      "Added to every shot's prompt; the pictures go after each shot's element pictures, up to what the model takes.",
    );
    expect(s).toMatch(/<textarea[^>]*data-testid="style-prompt"[^>]*>ink wash, 水墨<\/textarea>/);
    expect([...s.matchAll(/data-asset-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['bb01', 'aa01']);
    expect(s).toContain(`src="/media/${encodeURIComponent('/films/lake/media/bb/bb01.png')}"`);
    // The first cannot move earlier, the last cannot move later.
    expect(s).not.toContain('aria-label="Move style picture 1 earlier"');
    expect(s).toContain('aria-label="Move style picture 1 later"');
    expect(s).toContain('aria-label="Move style picture 2 earlier"');
    expect(s).not.toContain('aria-label="Move style picture 2 later"');
    expect(text(s)).toContain('up to 4 more');
    // Reuse offers the project's other images only.
    expect([...s.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1])).toEqual([
      'aa02',
      'cc01',
      'dd01',
      'ee01',
      'ff01',
    ]);
  });

  it('says when it is full and offers no drop zone then', () => {
    const s = section(
      render(storeWith(snapshotWith('', ['aa01', 'aa02', 'bb01', 'cc01', 'dd01', 'ee01'])), <ElementsPanel />),
    );
    expect(text(s)).toContain('6 style pictures: the most a project keeps.');
    expect(s).not.toContain('data-testid="style-add-pictures"');
    expect(s).not.toContain('data-testid="style-reuse"');
  });

  it('builds the whole new list for add (up to the limit) and move', () => {
    const file = new File(['x'], 'a.png', { type: 'image/png' });
    expect(withAdded(['a', 'b'], [{ file }, { assetId: 'c' }])).toEqual([
      { assetId: 'a' },
      { assetId: 'b' },
      { file },
      { assetId: 'c' },
    ]);
    expect(withAdded(['a', 'b', 'c', 'd', 'e'], [{ assetId: 'f' }, { assetId: 'g' }])).toEqual(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((assetId) => ({ assetId })),
    );
    expect(withMoved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'].map((assetId) => ({ assetId })));
    expect(withMoved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'].map((assetId) => ({ assetId })));
    expect(withMoved(['a', 'b'], 0, -1)).toEqual(['a', 'b'].map((assetId) => ({ assetId })));
  });
});

describe('style actions', () => {
  it('the prompt is one project.setStyle call, and off when unchanged', async () => {
    const store = storeWith(snapshotWith('ink', []));
    expect(canRun(actions['style.setPrompt'], store.getState(), { stylePrompt: 'ink' })).toBe(false);
    const { api, calls } = fakeApi({ 'project.setStyle': () => snapshotWith('pencil', []) });
    expect(await runAction({ api, store }, actions['style.setPrompt'], { stylePrompt: 'pencil' })).toBe(true);
    expect(calls).toEqual([{ method: 'project.setStyle', input: { stylePrompt: 'pencil' } }]);
    expect(store.getState().snapshot?.project.stylePrompt).toBe('pencil');
  });

  it('pictures upload files first, then send the whole list in order; a refusal changes nothing', async () => {
    const store = storeWith(snapshotWith('', ['aa01']));
    const uploaded: string[] = [];
    const { api, calls } = fakeApi(
      { 'project.setStyle': () => snapshotWith('', ['aa01', 'zz01', 'bb01']) },
      async (f) => {
        uploaded.push(f.name);
        return `/staged/${f.name}`;
      },
    );
    const file = new File(['x'], '风格.png', { type: 'image/png' });
    expect(
      await runAction({ api, store }, actions['style.setPictures'], {
        pictures: [{ assetId: 'aa01' }, { file }, { assetId: 'bb01' }],
      }),
    ).toBe(true);
    expect(uploaded).toEqual(['风格.png']);
    expect(calls).toEqual([
      {
        method: 'project.setStyle',
        input: { pictures: [{ assetId: 'aa01' }, { path: '/staged/风格.png' }, { assetId: 'bb01' }] },
      },
    ]);
    expect(store.getState().snapshot?.project.styleRefAssetIds).toEqual(['aa01', 'zz01', 'bb01']);

    const before = store.getState().snapshot;
    const refused = fakeApi({
      'project.setStyle': () => {
        throw Object.assign(new Error('"bad.png" is not a picture'), { code: 'MEDIA_CORRUPT' });
      },
    });
    expect(await runAction({ api: refused.api, store }, actions['style.setPictures'], { pictures: [] })).toBe(false);
    expect(store.getState().errors.elements?.message).toBe('"bad.png" is not a picture');
    expect(store.getState().snapshot).toBe(before);
  });
});
