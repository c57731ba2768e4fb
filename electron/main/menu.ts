/**
 * The native menu. Items carry action ids to the renderer's action registry (the same ids
 * its shortcuts and command palette use); no logic here. Clipboard and window items use
 * Electron roles so text fields keep their native behaviour.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_ACTION_EVENT } from './ipc/channels.js';
import { sendEvent } from './ipc.js';

export const MENU_ACTION_IDS = [
  'project.new',
  'project.open',
  'export.open',
  'script.import',
  'history.undo',
  'history.redo',
  'help.shortcuts',
] as const;
export type MenuActionId = (typeof MENU_ACTION_IDS)[number];
/** Actions whose keys the renderer's action registry already handles (renderer/src/actions). */
const RENDERER_KEYS: ReadonlySet<MenuActionId> = new Set(['history.undo', 'history.redo']);

export function installMenu(getWindow: () => BrowserWindow | null, opts: { appName: string; devTools: boolean }): void {
  const isMac = process.platform === 'darwin';
  const action = (id: MenuActionId, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    // Undo/redo keys are the renderer's own shortcuts on Windows/Linux; registering them here
    // too would run the action twice. macOS menus always own their key equivalents.
    registerAccelerator: isMac || !RENDERER_KEYS.has(id),
    click: () => sendEvent(getWindow(), MENU_ACTION_EVENT, { id }),
  });

  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: opts.appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } as MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        action('project.new', 'New Project…', 'CmdOrCtrl+N'),
        action('project.open', 'Open Project…', 'CmdOrCtrl+O'),
        { type: 'separator' },
        action('script.import', 'Import Script…'),
        { type: 'separator' },
        action('export.open', 'Export…', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        action('history.undo', 'Undo', 'CmdOrCtrl+Z'),
        action('history.redo', 'Redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(opts.devTools
          ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [action('help.shortcuts', 'Keyboard Shortcuts', 'CmdOrCtrl+/')] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
