// Which paths may be served (isInside, resolveServable) is tested once for every server in
// test/unit/media/serving/roots.test.ts; this file covers the media:// URL form only.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaUrlFor, pathFromMediaUrl } from '../../../electron/main/protocol/mediaPath.js';

describe('media URL <-> path', () => {
  it('round-trips Unicode, spaces, quotes, % and # in names', () => {
    const file = '/home/ana/My Film 镜头/media/it\'s 100% "#1".mp4';
    const url = mediaUrlFor(file);
    expect(url.startsWith('media://local/home/ana/My%20Film%20')).toBe(true);
    expect(url).not.toContain('#');
    expect(pathFromMediaUrl(url)).toBe(file);
  });

  it('round-trips Windows drive paths', () => {
    const file = 'C:\\Users\\ana\\Film\\x.mp4';
    const url = mediaUrlFor(file, path.win32);
    expect(url).toBe('media://local/C%3A/Users/ana/Film/x.mp4');
    expect(pathFromMediaUrl(url, path.win32)).toBe(file);
  });

  it('folds .. and %2e%2e the way the URL parser does, so they cannot be hidden', () => {
    expect(pathFromMediaUrl('media://local/proj/media/../../etc/passwd')).toBe('/etc/passwd');
    expect(pathFromMediaUrl('media://local/proj/media/%2e%2e/%2E%2E/etc/passwd')).toBe('/etc/passwd');
  });

  it.each([
    ['encoded slash', 'media://local/proj/..%2f..%2fetc/passwd'],
    ['encoded backslash on Windows', 'media://local/C%3A/proj/..%5C..%5Cwindows/win.ini'],
    ['NUL byte', 'media://local/proj/a.mp4%00.png'],
    ['bad escape', 'media://local/proj/%E0%A4%A'],
    ['other host', 'media://evil/proj/a.mp4'],
    ['other scheme', 'file:///proj/a.mp4'],
    ['credentials', 'media://u:p@local/proj/a.mp4'],
    ['no path', 'media://local/'],
    ['not a URL', 'media:'],
  ])('refuses %s', (_name, url) => {
    const api = url.includes('C%3A') ? path.win32 : path.posix;
    expect(pathFromMediaUrl(url, api)).toBeNull();
  });

  it('refuses UNC and relative forms on Windows', () => {
    expect(pathFromMediaUrl('media://local/server/share/a.mp4', path.win32)).toBeNull();
  });
});
