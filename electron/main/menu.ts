/**
 * The native menu: built from what the renderer describes (ids, translated labels, shortcuts
 * from its action registry; shared/api/menu.ts) on start and on every language change. Thin:
 * the template is menuTemplate.ts (pure, unit tested); chosen items go back to the renderer's
 * action registry as MENU_ACTION_EVENT. Until the renderer has described it, the menu holds
 * only the native roles (so text fields keep cut/copy/paste from the first moment).
 */
import { Menu, type BrowserWindow } from 'electron';
import type { MenuDescription } from '../../shared/api/menu.js';
import { MENU_ACTION_EVENT } from './ipc/channels.js';
import { sendEvent } from './ipc.js';
import { menuTemplate } from './menuTemplate.js';

interface MenuOptions {
  appName: string;
  devTools: boolean;
}

/** Before the renderer's first description: native roles under Electron's own labels. */
export function installDefaultMenu(opts: MenuOptions): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      ...(opts.devTools ? [{ role: 'viewMenu' as const }] : []),
      { role: 'windowMenu' },
    ]),
  );
}

/** Builds the application menu from the renderer's description. */
export function applyMenu(getWindow: () => BrowserWindow | null, menu: MenuDescription, opts: MenuOptions): void {
  const template = menuTemplate(menu, {
    isMac: process.platform === 'darwin',
    appName: opts.appName,
    devTools: opts.devTools,
    onAction: (id) => sendEvent(getWindow(), MENU_ACTION_EVENT, { id }),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
