import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, mediaUrlFor, pathFromMediaUrl, resolveServable } from '../../../electron/main/protocol/mediaPath.js';
import { tempDir } from '../../helpers/tmp.js';

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

describe('isInside', () => {
  it('needs a separator boundary: /proj does not contain /proj-evil', () => {
    expect(isInside('/proj/media/a.mp4', '/proj')).toBe(true);
    expect(isInside('/proj', '/proj')).toBe(true);
    expect(isInside('/proj-evil/a.mp4', '/proj')).toBe(false);
    expect(isInside('/proj/../etc/passwd', '/proj')).toBe(false);
    expect(isInside('/etc/passwd', '/proj')).toBe(false);
    expect(isInside('/proj/..hidden/a.mp4', '/proj')).toBe(true);
  });

  it('compares case-insensitively and per drive on Windows', () => {
    expect(isInside('c:\\Proj\\media\\a.mp4', 'C:\\proj', path.win32)).toBe(true);
    expect(isInside('D:\\proj\\a.mp4', 'C:\\proj', path.win32)).toBe(false);
    expect(isInside('C:\\proj-evil\\a.mp4', 'C:\\proj', path.win32)).toBe(false);
  });
});

describe('resolveServable (SEC-6)', () => {
  const base = tempDir();
  const root = path.join(base, 'proj');
  const outside = path.join(base, 'proj-evil');
  mkdirSync(path.join(root, 'media'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'media', 'clip 镜头.mp4'), Buffer.alloc(64, 1));
  writeFileSync(path.join(outside, 'secret.mp4'), 'secret');
  symlinkSync(path.join(outside, 'secret.mp4'), path.join(root, 'media', 'link-out.mp4'));
  symlinkSync(path.join(root, 'media', 'clip 镜头.mp4'), path.join(root, 'media', 'link-in.mp4'));

  it('serves a file inside the root with its size', async () => {
    const r = await resolveServable(path.join(root, 'media', 'clip 镜头.mp4'), [root]);
    expect(r).toEqual({ ok: true, path: path.join(root, 'media', 'clip 镜头.mp4'), size: 64 });
  });

  it('follows a symlink that stays inside, refuses one that leaves', async () => {
    expect((await resolveServable(path.join(root, 'media', 'link-in.mp4'), [root])).ok).toBe(true);
    expect(await resolveServable(path.join(root, 'media', 'link-out.mp4'), [root])).toEqual({ ok: false, status: 403 });
  });

  it('refuses a sibling whose name starts with the root name', async () => {
    expect(await resolveServable(path.join(outside, 'secret.mp4'), [root])).toEqual({ ok: false, status: 403 });
  });

  it('is 403 outside the roots even when the file does not exist (no existence oracle)', async () => {
    expect(await resolveServable('/definitely/not/here.mp4', [root])).toEqual({ ok: false, status: 403 });
  });

  it('is 404 for a missing file or a folder inside the root', async () => {
    expect(await resolveServable(path.join(root, 'media', 'gone.mp4'), [root])).toEqual({ ok: false, status: 404 });
    expect(await resolveServable(path.join(root, 'media'), [root])).toEqual({ ok: false, status: 404 });
  });

  it('serves nothing when no project is open', async () => {
    expect(await resolveServable(path.join(root, 'media', 'clip 镜头.mp4'), [])).toEqual({ ok: false, status: 403 });
  });
});
