/**
 * The @ picker's pieces rendered to markup: the listbox (faces, names, tags, kinds, the active
 * option, the empty states in both languages), the highlight layer behind a prompt (known tags,
 * unknown tags, the anchor of the open mention), and the prompt fields that carry them (the
 * shot inspector's prompt and the add-shot prompt are comboboxes over a highlight).
 */
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import { AddShotForm } from '../../../../renderer/src/panels/AddShotForm';
import { MentionList, optionId } from '../../../../renderer/src/panels/promptTags/MentionList';
import { TagHighlight } from '../../../../renderer/src/panels/promptTags/TagHighlight';
import { moveActive } from '../../../../renderer/src/panels/promptTags/useMentionPicker';
import { ShotInspector } from '../../../../renderer/src/panels/ShotInspector';
import { createAppStore, type AppStore } from '../../../../renderer/src/store/store';
import { selection as windowSelection } from '../../../../renderer/src/store/uiEditor';
import type { Asset, Element, Shot } from '../../../../shared/model/entities';
import { newElement } from '../../../../shared/model/factories';
import { promptSegments } from '../../../../shared/model/promptTags';
import { makeShot, makeSnapshot, renderInApp } from '../fixtures';

const face: Asset = {
  id: 'aa01',
  path: 'media/aa/aa01.png',
  originalName: 'face.png',
  bytes: 10,
  origin: 'imported',
  createdAt: '',
  info: null,
} as unknown as Asset;
const ming = newElement({ id: 'ming', kind: 'character', name: '小明', tag: '@小明', refAssetIds: ['aa01'] });
const cafe = newElement({ id: 'cafe', kind: 'location', name: 'Harbour Café', tag: '@Harbour_Cafe' });

function storeWith(shots: Shot[], elements: Element[] = [ming, cafe]): AppStore {
  const store = createAppStore();
  store.getState().setSnapshot(makeSnapshot(shots, { elements, assets: [face] }));
  windowSelection.getState().select(
    shots[0] ? [shots[0].id] : [],
    'replace',
    shots.map((s) => s.id),
  );
  return store;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const noop = () => undefined;
/** The opening <textarea …> tag with this test id. */
const textarea = (html: string, testId: string) =>
  html.match(/<textarea[^>]*>/g)?.find((tag) => tag.includes(`data-testid="${testId}"`)) ?? '';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await i18next.changeLanguage('en');
});

describe('MentionList', () => {
  const list = (options: Element[], total: number, query = '', active = 0) => {
    const store = storeWith([]);
    const snapshot = store.getState().snapshot!;
    return renderInApp(
      store,
      <MentionList
        id="pick"
        options={options}
        total={total}
        query={query}
        active={active}
        snapshot={snapshot}
        onPick={noop}
        onHover={noop}
      />,
    );
  };

  it('lists each element with its face, name, tag and kind; the active one is selected', () => {
    const html = list([ming, cafe], 2, '', 1);
    expect(html).toContain('role="listbox"');
    expect(html.match(/role="option"/g)).toHaveLength(2);
    expect(html).toContain(`id="${optionId('pick', 1)}" role="option" aria-selected="true"`);
    expect(html).toContain(`id="${optionId('pick', 0)}" role="option" aria-selected="false"`);
    expect(html).toContain(`src="/media/${encodeURIComponent('/films/lake/media/aa/aa01.png')}"`);
    expect(text(html)).toContain('小明 @小明 Character');
    expect(text(html)).toContain('Harbour Café @Harbour_Cafe Location');
  });

  it('says where to make an element when the project has none, and when nothing matches', async () => {
    expect(text(list([], 0))).toContain('No elements — create one in the Library');
    expect(text(list([], 2, 'zz'))).toContain('No element matches @zz.');
    expect(list([], 0)).not.toContain('role="listbox"');
    await i18next.changeLanguage('zh-CN');
    expect(text(list([], 0))).toContain('还没有元素——请在素材库（元素标签页）中新建。');
    expect(text(list([ming], 1))).toContain('小明 @小明 角色');
  });
});

describe('TagHighlight', () => {
  it('marks known and unknown tags and anchors the open mention at its @', () => {
    const prompt = '清晨，@小明走进厨房，@Bob 和 @';
    const segs = promptSegments(prompt, [ming, cafe]);
    const html = renderInApp(storeWith([]), <TagHighlight segments={segs} anchor={prompt.lastIndexOf('@')} />);
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain(
      '<mark class="tag-mark" data-tag="@小明" data-kind="tag" data-element-id="ming">@小明</mark>',
    );
    expect(html).toContain('<mark class="tag-mark tag-unknown" data-tag="@Bob" data-kind="unknown">@Bob</mark>');
    expect(html).toContain('和 <span class="tag-anchor" data-tag-anchor="">@</span>');
    // The text drawn is the prompt, character for character (then one zero-width space).
    expect(text(html.replace(/<[^>]+>/g, ''))).toBe(`${prompt}\u200b`.replace(/\s+/g, ' '));
  });
});

describe('prompt fields', () => {
  it("the inspector's prompt is a combobox over a highlight of its tags", () => {
    const shot = makeShot('s1', { prompt: '@Harbour_Cafe at dawn, @小明 waits' });
    const html = renderInApp(storeWith([shot]), <ShotInspector />, [windowSelection]);
    expect(textarea(html, 'detail-prompt')).toContain('role="combobox"');
    expect(textarea(html, 'detail-prompt')).toContain('aria-expanded="false"');
    expect(html).toContain('data-kind="tag" data-element-id="cafe">@Harbour_Cafe</mark>');
    expect(html).toContain('data-kind="tag" data-element-id="ming">@小明</mark>');
    expect(html).not.toContain('data-testid="unknown-tags"');
  });

  it('names unknown tags under the field, linked as its description', () => {
    const shot = makeShot('s1', { prompt: '@Zoe meets @小明 and @zoe' });
    const html = renderInApp(storeWith([shot]), <ShotInspector />, [windowSelection]);
    const warn = /<small id="([^"]+)" class="hint warn" data-testid="unknown-tags">([^<]*)<\/small>/.exec(html);
    expect(warn?.[2]).toBe('No element has the tag @Zoe: it is sent as written, with no reference pictures.');
    expect(textarea(html, 'detail-prompt')).toContain(`aria-describedby="${warn?.[1]}"`);
  });

  it('the add-shot prompt is a combobox too', () => {
    const html = renderInApp(storeWith([]), <AddShotForm />);
    expect(textarea(html, 'shot-prompt-input')).toContain('role="combobox"');
    expect(html).toContain('data-testid="tag-highlight"');
  });
});

describe('moveActive', () => {
  it('wraps round the options', () => {
    expect(moveActive(0, 1, 3)).toBe(1);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(0);
  });
});
