/**
 * Serves the built renderer (out/renderer). The bundle is not secret (it is the app's public
 * code), so its assets load without the token; the page itself is only served with the token,
 * because without it the app could not reach the API anyway: a visitor gets a short page
 * saying where the right URL is printed instead of a broken editor.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { contentType, decodePath, isInside, realOrNull } from './files.js';
import { tokenMatches } from './security.js';

const LANDING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Storyboard</title></head>
<body><h1>Storyboard</h1>
<p>Open the URL printed by <code>storyboard serve</code> (it includes an access token).</p>
<p lang="zh-CN">请打开 <code>storyboard serve</code> 输出的网址（其中包含访问令牌）。</p>
</body></html>`;

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams,
  ctx: { rendererDir: string; token: string },
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const decoded = decodePath(pathname);
  if (decoded === null) {
    res.writeHead(400).end();
    return;
  }
  if (decoded === '/' || decoded === '/index.html') {
    if (!tokenMatches(ctx.token, query.get('token'))) {
      res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : LANDING);
      return;
    }
    const index = join(ctx.rendererDir, 'index.html');
    if (!(await stat(index).catch(() => null))?.isFile()) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`The UI is not built (${index} is missing): run npm run build.`);
      return;
    }
    await sendFile(req, res, index, 'no-store');
    return;
  }
  const root = resolve(ctx.rendererDir);
  const target = resolve(join(root, decoded));
  const realRoot = await realOrNull(root);
  const real = isInside(root, target) ? await realOrNull(target) : null;
  // Outside the bundle (by `..`, encoded dots or a symlink) looks exactly like missing.
  if (real === null || realRoot === null || !isInside(realRoot, real)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // Vite puts a content hash in every asset name, so they can be cached for good.
  await sendFile(req, res, real, decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
}

async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, cache: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': contentType(path), 'Content-Length': info.size, 'Cache-Control': cache });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path).on('error', () => res.destroy()).pipe(res);
}
