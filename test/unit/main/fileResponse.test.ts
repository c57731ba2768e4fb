import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleAppRequest, handleMediaRequest } from '../../../electron/main/protocol/fileResponse.js';
import { mediaUrlFor } from '../../../electron/main/protocol/mediaPath.js';
import { tempDir } from '../../helpers/tmp.js';

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return { url, method, headers: new Headers(headers) };
}

async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('media:// requests (SEC-6/7)', () => {
  const base = tempDir();
  const root = path.join(base, 'My Film');
  mkdirSync(path.join(root, 'media'), { recursive: true });
  mkdirSync(path.join(base, 'My Film-evil'));
  // 0..255 repeated: every byte's value tells its offset, so a wrong slice is visible.
  const content = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
  const clip = path.join(root, 'media', 'shot 1 镜头 100%.mp4');
  writeFileSync(clip, content);
  writeFileSync(path.join(base, 'My Film-evil', 'x.mp4'), 'evil');
  writeFileSync(path.join(base, 'outside.mp4'), 'secret');
  symlinkSync(path.join(base, 'outside.mp4'), path.join(root, 'media', 'escape.mp4'));
  const roots = [root];

  it('serves the whole file with 200, its type and Accept-Ranges', async () => {
    const res = await handleMediaRequest(get(mediaUrlFor(clip)), roots);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe('4096');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await bytes(res)).equals(content)).toBe(true);
  });

  it('answers bytes=100-199 with 206 and exactly those bytes', async () => {
    const res = await handleMediaRequest(get(mediaUrlFor(clip), { Range: 'bytes=100-199' }), roots);
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/4096');
    expect(res.headers.get('content-length')).toBe('100');
    expect((await bytes(res)).equals(content.subarray(100, 200))).toBe(true);
  });

  it('answers open and suffix ranges (what a seeking <video> sends)', async () => {
    const open = await handleMediaRequest(get(mediaUrlFor(clip), { Range: 'bytes=4000-' }), roots);
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 4000-4095/4096');
    expect((await bytes(open)).equals(content.subarray(4000))).toBe(true);
    const suffix = await handleMediaRequest(get(mediaUrlFor(clip), { Range: 'bytes=-500' }), roots);
    expect(suffix.headers.get('content-range')).toBe('bytes 3596-4095/4096');
    expect((await bytes(suffix)).equals(content.subarray(3596))).toBe(true);
  });

  it('answers 416 with bytes */size beyond EOF or for a malformed range', async () => {
    const res = await handleMediaRequest(get(mediaUrlFor(clip), { Range: 'bytes=5000-' }), roots);
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */4096');
    expect((await bytes(res)).length).toBe(0);
    expect((await handleMediaRequest(get(mediaUrlFor(clip), { Range: 'bytes=50-10' }), roots)).status).toBe(416);
  });

  it('answers HEAD without a body', async () => {
    const res = await handleMediaRequest(get(mediaUrlFor(clip), { Range: 'bytes=0-9' }, 'HEAD'), roots);
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe('10');
    expect((await bytes(res)).length).toBe(0);
  });

  it.each([
    ['a traversal', () => `${mediaUrlFor(root)}/../outside.mp4`],
    ['an encoded traversal', () => `${mediaUrlFor(root)}/media/%2e%2e/%2e%2e/outside.mp4`],
    ['an encoded slash', () => `${mediaUrlFor(root)}/media/..%2F..%2Foutside.mp4`],
    ['a symlink out of the root', () => mediaUrlFor(path.join(root, 'media', 'escape.mp4'))],
    ['a sibling with the root as prefix', () => mediaUrlFor(path.join(base, 'My Film-evil', 'x.mp4'))],
    ['an absolute system path', () => 'media://local/etc/passwd'],
    ['another host', () => 'media://evil/etc/passwd'],
    ['an html file inside the project', () => mediaUrlFor(path.join(root, 'media', 'page.html'))],
    ['an svg file inside the project', () => mediaUrlFor(path.join(root, 'media', 'pic.svg'))],
  ])('refuses %s with 403', async (_name, url) => {
    const res = await handleMediaRequest(get(url()), roots);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('Forbidden');
  });

  it('is 404 for a missing file inside the project, 405 for writes', async () => {
    expect((await handleMediaRequest(get(mediaUrlFor(path.join(root, 'media', 'gone.mp4'))), roots)).status).toBe(404);
    expect((await handleMediaRequest(get(mediaUrlFor(clip), {}, 'POST'), roots)).status).toBe(405);
  });

  it('lets only our page read the media cross-origin', async () => {
    const res = await handleMediaRequest(get(mediaUrlFor(clip)), roots);
    expect(res.headers.get('access-control-allow-origin')).toBe('app://storyboard');
  });
});

describe('app:// requests', () => {
  const dir = path.join(tempDir(), 'renderer');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(dir, '..', 'secret.txt'), 'secret');
  const csp = "default-src 'none'";

  it('serves the entry page and assets with the CSP on every response', async () => {
    const page = await handleAppRequest(get('app://storyboard/'), dir, csp);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(await page.text()).toContain('<title>x</title>');
    const js = await handleAppRequest(get('app://storyboard/assets/index-abc.js'), dir, csp);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(csp);
  });

  it('never leaves the renderer folder and answers only our host', async () => {
    expect((await handleAppRequest(get('app://storyboard/..%2Fsecret.txt'), dir, csp)).status).toBe(403);
    expect((await handleAppRequest(get('app://storyboard/%2e%2e/secret.txt'), dir, csp)).status).toBe(404);
    expect((await handleAppRequest(get('app://other/index.html'), dir, csp)).status).toBe(403);
    expect((await handleAppRequest(get('app://storyboard/missing.js'), dir, csp)).status).toBe(404);
  });
});
