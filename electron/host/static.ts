/**
 * Serves the built renderer (out/renderer). The bundle is not secret (it is the app's public
 * code), so its assets load without the token; the page itself is only served with the token,
 * because without it the app could not reach the API anyway: a visitor gets a short page
 * saying where the right URL is printed instead of a broken editor.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { resolveServable } from '../services/media/serving/roots.js';
import { decodePath, sendFile } from './files.js';
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
  const root = resolve(ctx.rendererDir);
  if (decoded === '/' || decoded === '/index.html') {
    if (!tokenMatches(ctx.token, query.get('token'))) {
      res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : LANDING);
      return;
    }
    const index = await resolveServable(join(root, 'index.html'), [root]);
    if (!index.ok) {
      res
        .writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`The UI is not built (${join(root, 'index.html')} is missing): run npm run build.`);
      return;
    }
    sendFile(req, res, index.path, index.size, { 'Cache-Control': 'no-store' });
    return;
  }
  const found = await resolveServable(join(root, decoded), [root]);
  // Outside the bundle (by `..`, encoded dots or a symlink) looks exactly like missing.
  if (!found.ok) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // Vite puts a content hash in every asset name, so they can be cached for good.
  const cache = decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  sendFile(req, res, found.path, found.size, { 'Cache-Control': cache });
}
