import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';
import { fakeServices, hostFor, raw } from './helpers.js';

describe('browser host: static renderer and uploads', async () => {
  const base = tempDir();
  const rendererDir = join(base, 'renderer');
  const stage = join(base, 'stage');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(stage);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>app</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets', 'link.js'));

  const services = fakeServices({}, [], stage);
  const host = await hostFor(services, rendererDir, 1000);
  const own = { Host: `127.0.0.1:${host.port}` };
  const get = (path: string, headers: Record<string, string> = {}) =>
    raw(host.port, path, { headers: { ...own, ...headers } });
  const post = (path: string, body: Buffer | string, headers: Record<string, string> = {}) =>
    raw(host.port, path, {
      method: 'POST',
      body,
      headers: { ...own, 'Content-Type': 'application/octet-stream', ...headers },
    });

  it('serves the app page only with the token, under a strict CSP', async () => {
    const landing = await get('/');
    expect(landing.status).toBe(401);
    expect(landing.body.toString()).toContain('storyboard serve');
    expect(landing.body.toString()).not.toContain('app.js');
    const page = await get(`/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('./assets/app.js');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves bundle assets with their content type', async () => {
    const js = await get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body.toString()).toBe('console.log(1)');
    // Same Range rules as /media (services/media/serving/range.ts).
    const part = await get('/assets/app.js', { Range: 'bytes=8-' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 8-13/14');
    expect(part.body.toString()).toBe('log(1)');
  });

  it('refuses traversal out of the bundle', async () => {
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/assets/../../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).status).toBe(404);
    expect((await get('/assets/link.js')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
    expect((await get('/%00')).status).toBe(400);
  });

  it('refuses a foreign Host even for static files', async () => {
    expect((await get('/assets/app.js', { Host: 'evil.example' })).status).toBe(403);
  });

  it('says the UI is not built instead of a bare 404', async () => {
    const bare = await hostFor(fakeServices({}), join(base, 'missing'));
    const res = await raw(bare.port, `/?token=${bare.token}`, { headers: { Host: `127.0.0.1:${bare.port}` } });
    expect(res.status).toBe(500);
    expect(res.body.toString()).toContain('npm run build');
  });

  it('answers plain HTTP on /api with 426', async () => {
    expect((await get('/api')).status).toBe(426);
  });

  it('streams an upload to the staging path and answers it', async () => {
    const body = Buffer.from('frame bytes 帧');
    const res = await post(`/upload?token=${host.token}&name=${encodeURIComponent('../../first frame 帧.png')}`, body);
    expect(res.status).toBe(200);
    const { path } = JSON.parse(res.body.toString()) as { path: string };
    expect(path).toBe(services.staged.at(-1));
    expect(path.endsWith('first frame 帧.png')).toBe(true);
    expect(readFileSync(path).equals(body)).toBe(true);
  });

  it('requires the token, our origin, a name and POST', async () => {
    const count = services.staged.length;
    expect((await post('/upload?name=a.png', 'x')).status).toBe(401);
    expect((await post(`/upload?token=${host.token}&name=a.png`, 'x', { Origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await post(`/upload?token=${host.token}`, 'x')).status).toBe(400);
    expect((await post(`/upload?token=${host.token}&name=..`, 'x')).status).toBe(400);
    expect((await get(`/upload?token=${host.token}&name=a.png`)).status).toBe(405);
    expect(services.staged.length).toBe(count);
  });

  it('refuses a declared oversize upload before writing anything', async () => {
    const before = readdirSync(stage).length;
    const res = await post(`/upload?token=${host.token}&name=big.mp4`, Buffer.alloc(1001));
    expect(res.status).toBe(413);
    expect(readdirSync(stage).length).toBe(before);
  });

  it('stops a chunked upload at the limit and leaves no partial file', async () => {
    const before = services.staged.length;
    const outcome = await new Promise<number | 'reset'>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: `/upload?token=${host.token}&name=chunked.mp4`,
          headers: own,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => resolve('reset'));
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(100));
      req.end();
    });
    expect(outcome === 413 || outcome === 'reset').toBe(true);
    expect(services.staged.length).toBe(before + 1);
    await expect.poll(() => existsSync(services.staged.at(-1) ?? '')).toBe(false);
  });
});
