import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { newSecureWindow } from '../../../electron/main/security/secureWindow.js';

/** Stands in for Electron's BrowserWindow and keeps the options it was built with. */
class FakeWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('main window options (SEC-2)', () => {
  const win = newSecureWindow(FakeWindow, { preload: '/app/out/preload/index.cjs', devTools: false });
  const prefs = win.options.webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('uses the given preload and devtools setting, and shows only when ready', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.devTools).toBe(false);
    expect(newSecureWindow(FakeWindow, { preload: '/p.cjs', devTools: true }).options.webPreferences?.devTools).toBe(
      true,
    );
    expect(win.options.show).toBe(false);
  });
});
