import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';
import { fakeServices, hostFor, raw } from './helpers.js';

describe('browser host: /media', async () => {
  const base = tempDir();
  const root = join(base, 'project 项目');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'media'), { recursive: true });
  mkdirSync(outside);
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
  const clip = join(root, 'media', 'clip 100% "take".mp4');
  writeFileSync(clip, bytes);
  // Media-typed names, so these cases reach the path checks (other types are refused first).
  writeFileSync(join(outside, 'secret.mp4'), 'secret');
  symlinkSync(join(outside, 'secret.mp4'), join(root, 'media', 'link.mp4'));
  writeFileSync(join(root, 'media', 'page.html'), '<script>alert(1)</script>');
  writeFileSync(join(root, 'media', 'pic.svg'), '<svg onload="alert(1)"/>');
  mkdirSync(join(root, 'media', 'folder.mp4'));
  symlinkSync(outside, join(root, 'media', 'dirlink'));

  const host = await hostFor(fakeServices({}, [root]));
  const url = (abs: string, token: string | null = host.token) =>
    `/media/${encodeURIComponent(abs)}${token === null ? '' : `?token=${token}`}`;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    raw(host.port, path, { method, headers: { Host: `127.0.0.1:${host.port}`, ...headers } });

  it('serves a file inside an open project, Unicode, quotes and % in the name', async () => {
    const res = await get(url(clip));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(bytes)).toBe(true);
  });

  it('requires the token', async () => {
    expect((await get(url(clip, null))).status).toBe(401);
    expect((await get(url(clip, 'nope'))).status).toBe(401);
  });

  it('refuses another site and a foreign Host', async () => {
    expect((await get(url(clip), { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(url(clip), { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await get(url(clip), { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await get(url(clip), { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await get(url(clip), { Host: 'rebind.example' })).status).toBe(403);
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const res = await get(url(clip), { Range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 100-199/1000');
    expect(res.headers['content-length']).toBe('100');
    expect(res.body.equals(bytes.subarray(100, 200))).toBe(true);

    const open = await get(url(clip), { Range: 'bytes=990-' });
    expect(open.status).toBe(206);
    expect(open.body.equals(bytes.subarray(990))).toBe(true);

    const suffix = await get(url(clip), { Range: 'bytes=-10' });
    expect(suffix.headers['content-range']).toBe('bytes 990-999/1000');
    expect(suffix.body.equals(bytes.subarray(990))).toBe(true);
  });

  it('answers an unsatisfiable or malformed range with 416', async () => {
    const past = await get(url(clip), { Range: 'bytes=1000-' });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */1000');
    expect((await get(url(clip), { Range: 'bytes=50-10' })).status).toBe(416);
    expect((await get(url(clip), { Range: 'bytes=abc' })).status).toBe(416);
  });

  it('answers HEAD with the headers only', async () => {
    const res = await get(url(clip), {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('1000');
    expect(res.body.length).toBe(0);
  });

  it('refuses traversal: .., encoded dots, relative paths, symlinks out of the root', async () => {
    const dotdot = join(root, 'media') + '/../../outside/secret.mp4';
    expect((await get(url(dotdot))).status).toBe(403);
    const encodedDots = `/media/${encodeURIComponent(root)}%2F%2e%2e%2Foutside%2Fsecret.mp4?token=${host.token}`;
    expect((await get(encodedDots)).status).toBe(403);
    expect((await get(url('media/clip.mp4'))).status).toBe(403);
    expect((await get(url(join(outside, 'secret.mp4')))).status).toBe(403);
    expect((await get(url(join(root, 'media', 'link.mp4')))).status).toBe(403);
    expect((await get(url(join(root, 'media', 'dirlink', 'secret.mp4')))).status).toBe(403);
    expect((await get(url('/etc/passwd'))).status).toBe(403);
    expect((await get(url('/etc/../etc/hosts.mp4'))).status).toBe(403);
    expect((await get(`/media/%E0%A4%A?token=${host.token}`)).status).toBe(400);
  });

  it('answers 404 for a missing file or a folder inside the root', async () => {
    expect((await get(url(join(root, 'media', 'missing.mp4')))).status).toBe(404);
    expect((await get(url(join(root, 'media', 'folder.mp4')))).status).toBe(404);
  });

  it('serves media only: html, svg and other types inside the project are refused', async () => {
    expect((await get(url(join(root, 'media', 'page.html')))).status).toBe(403);
    expect((await get(url(join(root, 'media', 'pic.svg')))).status).toBe(403);
    expect((await get(url(join(root, 'project.db')))).status).toBe(403);
  });

  it('refuses writes', async () => {
    expect((await get(url(clip), {}, 'PUT')).status).toBe(405);
  });
});
