import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  externalLinkTarget,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
} from '../../../electron/main/security/origin.js';

describe('isTrustedSender (SEC-4)', () => {
  it('accepts the main frame of our own page', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://storyboard/index.html#/shots/3?x=1', isMainFrame: true })).toBe(true);
  });

  it('refuses our own page when the frame is an iframe', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
  });

  it.each([
    ['about:blank'],
    ['data:text/html,<script>1</script>'],
    ['file:///work/out/renderer/index.html'],
    ['https://storyboard/index.html'],
    ['http://127.0.0.1:5173/'],
    ['app://storyboard.evil.example/index.html'],
    ['app://evil/index.html'],
    ['app://user:pw@storyboard/index.html'],
    ['media://local/tmp/x.mp4'],
    ['devtools://devtools/bundled/inspector.html'],
    [''],
    ['not a url'],
  ])('refuses a main frame at %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });

  it('refuses a destroyed frame (no URL) and a missing sender', () => {
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: null, isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('navigation and external links (SEC-9)', () => {
  it('allows navigation within our origin only', () => {
    expect(isAllowedNavigation('app://storyboard/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAppUrl('app://storyboard:8080/index.html')).toBe(false);
  });

  it('opens only plain http(s) links externally', () => {
    expect(externalLinkTarget('https://docs.example.com/a?b=1')).toBe('https://docs.example.com/a?b=1');
    expect(externalLinkTarget('http://example.com')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'ms-msdt:/id',
      'mailto:a@b.c',
      'https://user:pass@example.com/',
      'app://storyboard/',
      'not a url',
      '',
    ]) {
      expect(externalLinkTarget(bad), bad).toBeNull();
    }
  });
});

describe('permissions and requests (SEC-12)', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'midi'])(
    'denies %s even to our own page',
    (permission) => {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL)).toBe(false);
    },
  );

  it('lets the renderer load only app:, media:, data:, blob: and devtools:', () => {
    expect(isAllowedRequest('app://storyboard/assets/index.js')).toBe(true);
    expect(isAllowedRequest('media://local/tmp/a.mp4')).toBe(true);
    expect(isAllowedRequest('blob:app://storyboard/1234')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const bad of [
      'https://cdn.example.com/x.js',
      'http://127.0.0.1:9/',
      'ws://127.0.0.1/',
      'file:///etc/passwd',
      'ftp://x/',
    ]) {
      expect(isAllowedRequest(bad), bad).toBe(false);
    }
  });
});
