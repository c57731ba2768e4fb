/**
 * The main window and the guards every web page of the app runs under (design.md §8):
 * secure webPreferences (security/secureWindow.ts), navigation and window.open denied,
 * permissions denied, no request leaves our own schemes, a strict CSP on every response.
 */
import { BrowserWindow, shell, type App, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security/csp.js';
import {
  APP_ENTRY_URL,
  externalLinkTarget,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionAllowed,
} from './security/origin.js';
import { newSecureWindow } from './security/secureWindow.js';

export interface MainWindowOptions {
  preload: string;
  devTools: boolean;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = newSecureWindow(BrowserWindow, opts);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Session-wide policy; call once after 'ready' for the session the window uses. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // No remote content and no file:// reads from the renderer: only app:, media:, data:, blob:.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  // The app:// handler sets the CSP itself; this covers any response that passes webRequest.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** A link the user clicked: opened in the system browser only if it is plain http(s). */
function openExternally(url: string): void {
  const target = externalLinkTarget(url);
  if (target === null) {
    console.warn(`[window] refused to open ${url.slice(0, 200)}`);
    return;
  }
  void shell.openExternal(target);
}

function guardWebContents(contents: WebContents): void {
  // No <webview> anywhere (webviewTag is off; this also stops one injected later).
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Every webContents the app ever creates (windows, devtools, future ones) gets the guards. */
export function guardAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
