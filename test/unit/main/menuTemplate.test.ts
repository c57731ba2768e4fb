/**
 * The native menu's template from the renderer's description (electron/main/menuTemplate.ts),
 * in plain Node: Electron cannot start here, and the builder needs none of it at run time.
 */
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../electron/main/menuTemplate';
import { MENU_ROLES, MenuDescriptionSchema, toAccelerator, type MenuDescription } from '../../../shared/api/menu';

const roleLabels = Object.fromEntries(MENU_ROLES.map((r) => [r, `«${r}»`])) as MenuDescription['roleLabels'];

const desc: MenuDescription = {
  menus: [
    {
      group: 'file',
      label: '文件',
      items: [
        { kind: 'action', id: 'project.close', label: '关闭项目', accelerator: null },
        { kind: 'separator' },
        { kind: 'action', id: 'export.open', label: '导出…', accelerator: 'CmdOrCtrl+E' },
        { kind: 'separator' },
        { kind: 'role', role: 'quit', label: '退出' },
      ],
    },
    {
      group: 'edit',
      label: '编辑',
      items: [
        { kind: 'action', id: 'history.undo', label: '撤销', accelerator: 'CmdOrCtrl+Z' },
        { kind: 'action', id: 'edit.copy', label: '复制镜头', accelerator: 'CmdOrCtrl+C' },
        { kind: 'action', id: 'edit.split', label: '分割', accelerator: 'S' },
        { kind: 'separator' },
        { kind: 'role', role: 'copy', label: '复制' },
      ],
    },
    {
      group: 'help',
      label: '帮助',
      items: [{ kind: 'action', id: 'help.shortcuts', label: '快捷键', accelerator: '?' }],
    },
  ],
  windowLabel: '窗口',
  roleLabels,
};

const sub = (m: MenuItemConstructorOptions): MenuItemConstructorOptions[] => m.submenu as MenuItemConstructorOptions[];

describe('native menu template', () => {
  it('is built from the description: translated labels, ids sent back, accelerators shown but never registered', () => {
    const sent: string[] = [];
    const t = menuTemplate(desc, {
      isMac: false,
      appName: 'Storyboard',
      devTools: false,
      onAction: (id) => sent.push(id),
    });
    expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '窗口', '帮助']);
    expect(t[2]).toMatchObject({ role: 'windowMenu' });
    const file = sub(t[0]!);
    expect(file.map((i) => i.label ?? i.type)).toEqual(['关闭项目', 'separator', '导出…', 'separator', '退出']);
    expect(file[2]).toMatchObject({ accelerator: 'CmdOrCtrl+E', registerAccelerator: false });
    expect(file[4]).toMatchObject({ role: 'quit', label: '退出' });
    (file[2]!.click as () => void)();
    (sub(t[3]!)[0]!.click as () => void)();
    expect(sent).toEqual(['export.open', 'help.shortcuts']);
  });

  it('an action never shows the keys of a role (text fields keep Ctrl+C), single keys stay display-only', () => {
    const edit = sub(menuTemplate(desc, { isMac: false, appName: 'x', devTools: false, onAction: () => {} })[1]!);
    const byLabel = new Map(edit.map((i) => [i.label, i]));
    expect(byLabel.get('复制镜头')).not.toHaveProperty('accelerator');
    expect(byLabel.get('撤销')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(byLabel.get('分割')).toMatchObject({ accelerator: 'S', registerAccelerator: false });
    expect(byLabel.get('复制')).toMatchObject({ role: 'copy' });
  });

  it('macOS: the app menu first (translated roles), Close Window instead of Quit in File; dev tools only when asked', () => {
    const t = menuTemplate(desc, { isMac: true, appName: 'Storyboard', devTools: true, onAction: () => {} });
    expect(t[0]!.label).toBe('Storyboard');
    expect(
      sub(t[0]!)
        .filter((i) => i.role)
        .map((i) => i.label),
    ).toEqual(['«about»', '«hide»', '«hideOthers»', '«unhide»', '«quit»']);
    expect(sub(t[1]!).at(-1)).toMatchObject({ role: 'close', label: '«close»' });
    const withView: MenuDescription = { ...desc, menus: [...desc.menus, { group: 'view', label: '视图', items: [] }] };
    const view = menuTemplate(withView, { isMac: false, appName: 'x', devTools: true, onAction: () => {} }).find(
      (m) => m.label === '视图',
    )!;
    expect(sub(view).map((i) => i.role)).toEqual(['reload', 'toggleDevTools']);
  });

  it('the description is checked on entry and registry shortcuts become Electron accelerators', () => {
    expect(MenuDescriptionSchema.safeParse(desc).success).toBe(true);
    expect(MenuDescriptionSchema.safeParse({ ...desc, roleLabels: {} }).success).toBe(false);
    expect(toAccelerator('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
    expect(toAccelerator('Mod+\\')).toBe('CmdOrCtrl+\\');
    expect(toAccelerator('ArrowLeft')).toBe('Left');
    expect(toAccelerator('Shift+ArrowRight')).toBe('Shift+Right');
    expect(toAccelerator('Space')).toBe('Space');
    expect(toAccelerator('Alt+x')).toBe('Alt+X');
    expect(toAccelerator('Mod++')).toBe('CmdOrCtrl+Plus');
    expect(toAccelerator('Delete')).toBe('Delete');
    expect(toAccelerator('Mod+MediaWhatever')).toBeNull();
  });
});
