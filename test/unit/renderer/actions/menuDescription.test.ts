/**
 * The native menu described from the action registry (renderer/src/actions/menuDescription.ts):
 * every menu command comes from the registry with its label in the UI language and its
 * shortcut as the accelerator; the description is what the contract accepts; every id in it
 * runs through runMenuAction; in Electron it is sent on start and again on a language change.
 */
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MenuDescriptionSchema, type MenuDescription } from '../../../../shared/api/menu';
import { actions, runMenuAction } from '../../../../renderer/src/actions';
import type { Action } from '../../../../renderer/src/actions/registry';
import { menuDescription } from '../../../../renderer/src/actions/menuDescription';
import type { ApiClient } from '../../../../renderer/src/api/client';
import { initI18n } from '../../../../renderer/src/i18n';
import { bindApi } from '../../../../renderer/src/store/bindApi';
import { createAppStore } from '../../../../renderer/src/store/store';
import { fakeApi, makeShot, makeSnapshot } from '../fixtures';

const all = Object.values(actions) as Action[];
const items = (d: MenuDescription) => d.menus.flatMap((m) => m.items);
const find = (d: MenuDescription, id: string) => items(d).find((i) => i.kind === 'action' && i.id === id);

describe('native menu description', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  it('lists every global action under its group, with its label and first shortcut', () => {
    const d = menuDescription(all, (k) => i18next.t(k));
    expect(MenuDescriptionSchema.parse(d)).toEqual(d);
    expect(d.menus.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Playback', 'Help']);
    for (const a of all.filter((x) => x.global && x.id !== 'overlay.close')) expect(find(d, a.id), a.id).toBeDefined();
    expect(find(d, 'history.redo')).toEqual({
      kind: 'action',
      id: 'history.redo',
      label: 'Redo',
      accelerator: 'CmdOrCtrl+Shift+Z',
    });
    expect(find(d, 'view.grid')).toMatchObject({ accelerator: 'CmdOrCtrl+1' });
    expect(find(d, 'export.open')).toMatchObject({ kind: 'action' });
    expect(items(d)).toContainEqual({ kind: 'role', role: 'copy', label: 'Copy' });
  });

  it('in Chinese every label is Chinese (or a product name), from the same registry', async () => {
    await i18next.changeLanguage('zh-CN');
    const d = menuDescription(all, (k) => i18next.t(k));
    expect(d.menus.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '播放', '帮助']);
    expect(d.windowLabel).toBe('窗口');
    for (const it of items(d))
      if (it.kind !== 'separator') expect(it.label, it.kind === 'action' ? it.id : it.role).toMatch(/[\u4e00-\u9fff]/);
    await i18next.changeLanguage('en');
  });

  it('every command in the menu runs through runMenuAction', async () => {
    const d = menuDescription(all, (k) => i18next.t(k));
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([makeShot('a')]));
    const { api } = fakeApi({ 'project.close': async () => ({ ok: true as const }) });
    const ids = items(d).flatMap((i) => (i.kind === 'action' ? [i.id] : []));
    expect(ids).toContain('project.close');
    // Refused ids answer false without running; the menu's ids are all accepted (they may still be disabled now).
    expect(await runMenuAction({ api, store }, 'no.such')).toBe(false);
    expect(await runMenuAction({ api, store }, 'project.close')).toBe(true);
  });

  it('in Electron the menu is sent on start and again when the language changes', async () => {
    const base = fakeApi({ 'menu.set': async () => ({ applied: true }) });
    const api: ApiClient = { ...base.api, kind: 'electron', onMenu: () => () => undefined };
    const off = bindApi({ api, store: createAppStore() });
    const sent = () => base.calls.filter((c) => c.method === 'menu.set').map((c) => c.input as MenuDescription);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.menus[0]!.label).toBe('File');
    await i18next.changeLanguage('zh-CN');
    expect(sent()).toHaveLength(2);
    expect(sent()[1]!.menus[0]!.label).toBe('文件');
    off();
    await i18next.changeLanguage('en');
    expect(sent()).toHaveLength(2);
  });
});
