/**
 * The native menu's template from the renderer's description (shared/api/menu.ts). Pure: no
 * Electron at run time (the type import is erased), so it is unit tested in plain Node.
 *
 * - Action items send their id back to the renderer's action registry (`onAction`), the one
 *   path every command takes. Their accelerator is shown but not registered
 *   (`registerAccelerator: false`, https://www.electronjs.org/docs/latest/api/menu-item): the
 *   renderer's own key handler runs every registry shortcut, so registering it here too would
 *   run the action twice, and a single-key shortcut (S, I, O) would be taken from text fields.
 * - An action shortcut that a role item owns (Cmd/Ctrl+C, V, X, A, Q, W, zoom) is not shown on
 *   the action: the role keeps its native meaning in text fields.
 * - Platform: macOS gets the app menu (about, hide, quit) and "Close Window" in File; Windows and
 *   Linux get Quit in File. Reload and the dev tools only when `devTools`.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuDescription, MenuItemDescription, MenuRole } from '../../shared/api/menu.js';

export interface TemplateOptions {
  isMac: boolean;
  appName: string;
  devTools: boolean;
  onAction(id: string): void;
}

/** Accelerators Electron gives these roles (menu-item.md "Roles"), normalised as our builder writes them. */
const ROLE_ACCELERATORS: Partial<Record<MenuRole, readonly string[]>> = {
  cut: ['CmdOrCtrl+X'],
  copy: ['CmdOrCtrl+C'],
  paste: ['CmdOrCtrl+V'],
  selectAll: ['CmdOrCtrl+A'],
  quit: ['CmdOrCtrl+Q'],
  close: ['CmdOrCtrl+W'],
  resetZoom: ['CmdOrCtrl+0'],
  zoomIn: ['CmdOrCtrl+Plus', 'CmdOrCtrl+='],
  zoomOut: ['CmdOrCtrl+-'],
  reload: ['CmdOrCtrl+R'],
};

const norm = (accelerator: string): string => accelerator.toLowerCase();

export function menuTemplate(desc: MenuDescription, opts: TemplateOptions): MenuItemConstructorOptions[] {
  const role = (r: MenuRole): MenuItemConstructorOptions => ({ role: r, label: desc.roleLabels[r] });
  // Every role the finished menu holds, so an action never shows a role's keys.
  const roleKeys = new Set<string>();
  const usedRoles: MenuRole[] = ['quit', 'close', ...(opts.devTools ? (['reload'] as const) : [])];
  for (const m of desc.menus) for (const it of m.items) if (it.kind === 'role') usedRoles.push(it.role);
  for (const r of usedRoles) for (const a of ROLE_ACCELERATORS[r] ?? []) roleKeys.add(norm(a));

  const item = (it: MenuItemDescription): MenuItemConstructorOptions | null => {
    switch (it.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        // Quit lives in the macOS app menu; File closes the window there instead.
        return it.role === 'quit' && opts.isMac ? role('close') : { role: it.role, label: it.label };
      case 'action': {
        const accelerator = it.accelerator && !roleKeys.has(norm(it.accelerator)) ? it.accelerator : null;
        return {
          label: it.label,
          ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
          click: () => opts.onAction(it.id),
        };
      }
    }
  };

  const menus: MenuItemConstructorOptions[] = desc.menus.map((m) => {
    const items = m.items.map(item).filter((x): x is MenuItemConstructorOptions => x !== null);
    if (m.group === 'view' && opts.devTools)
      items.unshift(role('reload'), role('toggleDevTools'), { type: 'separator' });
    return {
      label: m.label,
      ...(m.group === 'help' ? { role: 'help' as const } : {}),
      submenu: dropLoneSeparators(items),
    };
  });
  const help = menus.findIndex((_, i) => desc.menus[i]?.group === 'help');
  const window: MenuItemConstructorOptions = { label: desc.windowLabel, role: 'windowMenu' };
  // The Window menu sits before Help, as platform guidelines place it.
  menus.splice(help === -1 ? menus.length : help, 0, window);
  if (!opts.isMac) return menus;
  const appMenu: MenuItemConstructorOptions = {
    label: opts.appName,
    submenu: [
      role('about'),
      { type: 'separator' },
      role('hide'),
      role('hideOthers'),
      role('unhide'),
      { type: 'separator' },
      role('quit'),
    ],
  };
  return [appMenu, ...menus];
}

/** No separator first, last or twice in a row (a group may be empty on some platforms). */
function dropLoneSeparators(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  for (const it of items) {
    const sep = it.type === 'separator';
    if (sep && (out.length === 0 || out.at(-1)?.type === 'separator')) continue;
    out.push(it);
  }
  while (out.at(-1)?.type === 'separator') out.pop();
  return out;
}
