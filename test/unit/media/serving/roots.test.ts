/**
 * SEC-6 for every server (Electron media:// and app://, the browser host): cases merged from
 * the former test/unit/electron/mediaPath.test.ts and test/unit/host/pure.test.ts, plus the
 * host's traversal cases that only its integration test covered.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveServable } from '../../../../electron/services/media/serving/roots.js';
import { tempDir } from '../../../helpers/tmp.js';

describe('isInside', () => {
  it('needs a separator boundary: /proj does not contain /proj-evil', () => {
    expect(isInside('/proj', '/proj/media/a.mp4')).toBe(true);
    expect(isInside('/proj-evil', '/proj/a.mp4')).toBe(false);
    expect(isInside('/proj', '/proj-evil/a.mp4')).toBe(false);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
  });

  it('counts the root itself as inside, and never its parent', () => {
    expect(isInside('/proj', '/proj')).toBe(true);
    expect(isInside('/proj', '/proj/')).toBe(true);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/proj', '/')).toBe(false);
  });

  it('folds .. before comparing, but keeps a name that only starts with two dots', () => {
    expect(isInside('/proj', '/proj/../etc/passwd')).toBe(false);
    expect(isInside('/proj', '/proj/media/../../proj-evil/x')).toBe(false);
    expect(isInside('/proj', '/proj/media/../a.mp4')).toBe(true);
    expect(isInside('/proj', '/etc/passwd')).toBe(false);
    expect(isInside('/proj', '/proj/..hidden/a.mp4')).toBe(true);
    expect(isInside('/proj', '/proj/...')).toBe(true);
  });

  it('compares case-insensitively and per drive on Windows', () => {
    expect(isInside('C:\\proj', 'c:\\Proj\\media\\a.mp4', path.win32)).toBe(true);
    expect(isInside('C:\\proj', 'D:\\proj\\a.mp4', path.win32)).toBe(false);
    expect(isInside('C:\\proj', 'C:\\proj-evil\\a.mp4', path.win32)).toBe(false);
    expect(isInside('C:\\proj', 'C:\\proj\\..\\Windows\\win.ini', path.win32)).toBe(false);
    expect(isInside('C:\\proj', 'C:\\proj\\..hidden\\a.mp4', path.win32)).toBe(true);
  });

  it('keeps POSIX names case-sensitive', () => {
    expect(isInside('/Proj', '/proj/a.mp4', path.posix)).toBe(false);
  });
});

describe('resolveServable (SEC-6)', () => {
  const base = tempDir();
  const root = path.join(base, 'proj');
  const outside = path.join(base, 'proj-evil');
  const clip = path.join(root, 'media', 'clip 镜头.mp4');
  mkdirSync(path.join(root, 'media'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(clip, Buffer.alloc(64, 1));
  writeFileSync(path.join(outside, 'secret.mp4'), 'secret');
  writeFileSync(path.join(base, 'clip 镜头.mp4'), 'not the project clip');
  symlinkSync(path.join(outside, 'secret.mp4'), path.join(root, 'media', 'link-out.mp4'));
  symlinkSync(clip, path.join(root, 'media', 'link-in.mp4'));
  symlinkSync(outside, path.join(root, 'media', 'dirlink'));
  // The project opened through a symlinked folder (like /tmp -> /private/tmp on macOS).
  const rootLink = path.join(base, 'proj-link');
  symlinkSync(root, rootLink);

  it('serves a file inside the root with its real path and size', async () => {
    expect(await resolveServable(clip, [root])).toEqual({ ok: true, path: clip, size: 64 });
  });

  it('follows a symlink that stays inside, refuses one that leaves', async () => {
    expect(await resolveServable(path.join(root, 'media', 'link-in.mp4'), [root])).toEqual({
      ok: true,
      path: clip,
      size: 64,
    });
    expect(await resolveServable(path.join(root, 'media', 'link-out.mp4'), [root])).toEqual({ ok: false, status: 403 });
  });

  it('refuses a file under a symlinked folder that leaves the root', async () => {
    expect(await resolveServable(path.join(root, 'media', 'dirlink', 'secret.mp4'), [root])).toEqual({
      ok: false,
      status: 403,
    });
  });

  it('opens the dot-folded path it checked, not the one a symlink followed by .. would name', async () => {
    // The OS would resolve dirlink/.. to the link target's parent (base), where a decoy
    // with the same name waits; we fold `..` first, so the project's own clip is served.
    const viaLink = `${path.join(root, 'media', 'dirlink')}/../clip 镜头.mp4`;
    expect(await resolveServable(viaLink, [root])).toEqual({ ok: true, path: clip, size: 64 });
  });

  it('refuses .. that climbs out of the root', async () => {
    expect(await resolveServable(`${root}/media/../../proj-evil/secret.mp4`, [root])).toEqual({
      ok: false,
      status: 403,
    });
    expect(await resolveServable(`${root}/../../../../etc/passwd`, [root])).toEqual({ ok: false, status: 403 });
  });

  it('refuses a sibling whose name starts with the root name', async () => {
    expect(await resolveServable(path.join(outside, 'secret.mp4'), [root])).toEqual({ ok: false, status: 403 });
  });

  it('refuses relative paths and NUL bytes', async () => {
    expect(await resolveServable('media/clip 镜头.mp4', [root])).toEqual({ ok: false, status: 403 });
    expect(await resolveServable(`${clip}\0.png`, [root])).toEqual({ ok: false, status: 403 });
  });

  it('is 403 outside the roots even when the file does not exist (no existence oracle)', async () => {
    expect(await resolveServable('/definitely/not/here.mp4', [root])).toEqual({ ok: false, status: 403 });
    expect(await resolveServable('/etc/passwd', [root])).toEqual({ ok: false, status: 403 });
  });

  it('is 404 for a missing file, a folder, or the root itself', async () => {
    expect(await resolveServable(path.join(root, 'media', 'gone.mp4'), [root])).toEqual({ ok: false, status: 404 });
    expect(await resolveServable(path.join(root, 'media'), [root])).toEqual({ ok: false, status: 404 });
    expect(await resolveServable(root, [root])).toEqual({ ok: false, status: 404 });
  });

  it('serves nothing when no project is open', async () => {
    expect(await resolveServable(clip, [])).toEqual({ ok: false, status: 403 });
  });

  it('accepts a root given through a symlink, spelled either way', async () => {
    expect(await resolveServable(path.join(rootLink, 'media', 'clip 镜头.mp4'), [rootLink])).toEqual({
      ok: true,
      path: clip,
      size: 64,
    });
    expect(await resolveServable(clip, [rootLink])).toEqual({ ok: true, path: clip, size: 64 });
    expect(await resolveServable(path.join(rootLink, 'media', 'link-out.mp4'), [rootLink])).toEqual({
      ok: false,
      status: 403,
    });
  });

  it('checks every root, and a missing root admits nothing', async () => {
    expect(await resolveServable(path.join(outside, 'secret.mp4'), [root, outside])).toEqual({
      ok: true,
      path: path.join(outside, 'secret.mp4'),
      size: 6,
    });
    const gone = path.join(base, 'gone');
    expect(await resolveServable(path.join(gone, 'a.mp4'), [gone])).toEqual({ ok: false, status: 404 });
  });
});
