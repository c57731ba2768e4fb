/**
 * The Template section of the Elements panel, rendered to markup: the variables with their
 * sample values, and the translated list of what is unresolved (which variable in which shot)
 * in en and zh-CN; its actions are one contract call (one undo step) each.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actions, runAction } from '../../../../renderer/src/actions';
import { initI18n } from '../../../../renderer/src/i18n';
import { ElementsPanel } from '../../../../renderer/src/panels/elements/ElementsPanel';
import { createAppStore } from '../../../../renderer/src/store/store';
import type { ProjectSnapshot } from '../../../../shared/model/entities';
import { fakeApi, makeShot, makeSnapshot, renderInApp } from '../fixtures';

function snapshot(): ProjectSnapshot {
  const shots = [makeShot('a'), { ...makeShot('b'), prompt: '{{product}} only {{price}}' }];
  return {
    ...makeSnapshot(shots),
    templateVariables: [
      { name: 'product', kind: 'text', value: 'Lumo 2', assetId: null, firstFrameShotIds: [] },
      { name: 'price', kind: 'text', value: '', assetId: null, firstFrameShotIds: [] },
      { name: 'packshot', kind: 'picture', value: '', assetId: null, firstFrameShotIds: ['a'] },
    ],
  };
}

function render(snap: ProjectSnapshot): string {
  const store = createAppStore();
  store.getState().setSnapshot(snap);
  return renderInApp(store, <ElementsPanel />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Template section', () => {
  it('lists the variables and what is unresolved, in English', async () => {
    await initI18n('en');
    const text = render(snapshot());
    expect(text).toContain('Template variables');
    expect(text).toContain('Write {{product}}, {{tagline}} or {{price}} in prompts');
    expect(text).toContain('{{packshot}} picture');
    expect(text).toContain('First frame of 1 shot');
    expect(text).toContain('2 variables have no value: generation and export are blocked');
    expect(text).toContain('Shot 1, first frame: {{packshot}}');
    expect(text).toContain('Shot 2, prompt: {{price}}');
  });

  it('says the same in Chinese', async () => {
    await initI18n('zh-CN');
    const text = render(snapshot());
    expect(text).toContain('模板变量');
    expect(text).toContain('2 个变量没有值：补全之前无法生成和导出。');
    expect(text).toContain('镜头 2，提示词：{{price}}');
    expect(text).toContain('镜头 1，首帧：{{packshot}}');
  });

  it('sets one value with one contract call', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(snapshot());
    const { api, calls } = fakeApi({ 'template.setValues': async () => snapshot() });
    await runAction({ api, store }, actions['template.setValue'], { name: 'price', value: '$49' });
    expect(calls).toEqual([{ method: 'template.setValues', input: { text: { price: '$49' } } }]);
  });
});
