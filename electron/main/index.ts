/**
 * Electron main: lifecycle only. One instance; on ready create the services, bind them to
 * IPC and our protocols, build the window; on quit close the services (which aborts any
 * running ffmpeg and closes the project database cleanly).
 *
 * better-sqlite3 and two ABIs. Vitest and the CLI run in Node and load the binding in
 * node_modules built for Node. Electron needs the same module built for its own ABI:
 *  - packaged app: electron-builder rebuilds native deps for Electron (`npmRebuild: true`)
 *    and unpacks the .node file from the asar; the default binding is the right one.
 *  - development: `npm start` (scripts/electronStart.mjs) rebuilds the module for Electron
 *    with electron-builder install-app-deps, copies the result to
 *    out/native/electron/better_sqlite3.node and puts Node's build back with `npm rebuild
 *    better-sqlite3`. When that copy holds THIS Electron's module version (read from the file,
 *    never assumed from its presence) we pass it as `nativeBinding`, so tests (Node ABI) and
 *    the app (Electron ABI) work from the same checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import { createAppServices, type AppServices } from '../services/app.js';
import { moduleVersionOf } from '../../scripts/electronStart.mjs';
import { registerIpc } from './ipc.js';
import { deleteSecret, getSecret, secretsUnavailableReason, setSecret } from './secrets.js';
import { applyMenu, installDefaultMenu } from './menu.js';
import { handleSchemes, registerSchemes } from './protocol.js';
import { createMainWindow, guardAllWebContents, hardenSession } from './window.js';

// Every renderer sandboxed, including any created by a dependency (before 'ready').
app.enableSandbox();
registerSchemes();
guardAllWebContents(app);

function electronBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(app.getAppPath(), 'out', 'native', 'electron', 'better_sqlite3.node');
  if (!existsSync(candidate)) return undefined;
  const version = moduleVersionOf(readFileSync(candidate));
  if (version !== Number(process.versions.modules)) {
    throw new Error(
      `${candidate} is built for module version ${version ?? 'unknown'}, this Electron needs ${process.versions.modules}: run \`npm start\` to rebuild it.`,
    );
  }
  return candidate;
}

function ffmpegResourcesDir(): string | undefined {
  // electron-builder.yml ships resources/ffmpeg/<os>-<arch>/ to <resources>/ffmpeg/.
  return app.isPackaged ? path.join(process.resourcesPath, 'ffmpeg') : undefined;
}

let services: AppServices | null = null;
let mainWindow: BrowserWindow | null = null;
let unregisterIpc: (() => void) | null = null;
let closed = false;

function openWindow(): void {
  mainWindow = createMainWindow({
    preload: path.join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
    devTools: !app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const menuOptions = { appName: app.getName(), devTools: !app.isPackaged };
  // Packaged builds ship resources/comfyui and resources/fonts as extra resources; services
  // find them through this variable (in development they walk up to the repo's resources/).
  if (app.isPackaged) process.env.STORYBOARD_RESOURCES_DIR ??= process.resourcesPath;
  services = createAppServices({
    host: 'electron',
    suggestedDir: app.getPath('documents'),
    nativeBinding: electronBinding(),
    ffmpegResourcesDir: ffmpegResourcesDir(),
    configDir: app.getPath('userData'),
    // API keys live in the OS keychain through safeStorage (secrets.ts), never in projects.
    secrets: { get: getSecret, set: setSecret, delete: deleteSecret, unavailableReason: secretsUnavailableReason },
    revealPath: (absPath) => shell.showItemInFolder(absPath),
    // The renderer describes the menu (its registry, its language): main only builds it.
    setMenu: (menu) => applyMenu(() => mainWindow, menu, menuOptions),
  });
  const current = services;
  hardenSession(session.defaultSession);
  handleSchemes({
    rendererDir: path.join(app.getAppPath(), 'out', 'renderer'),
    mediaRoots: () => current.mediaRoots(),
  });
  unregisterIpc = registerIpc(current, () => mainWindow);
  installDefaultMenu(menuOptions);
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second launch only focuses the first (one process owns the open project's lock).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (closed || !services) return;
    // Hold the quit until exports are cancelled and the database is closed.
    event.preventDefault();
    unregisterIpc?.();
    const s = services;
    services = null;
    s.close()
      .catch((err: unknown) => console.error('[main] closing services failed', err))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  start().catch((err: unknown) => {
    console.error('[main] startup failed', err);
    app.exit(1);
  });
}
