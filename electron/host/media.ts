/**
 * GET/HEAD /media/<encodeURIComponent(absolute path)>?token=…  Serves files inside the open
 * projects only (services.mediaRoots(), checked after resolving symlinks: SEC-6) and answers
 * byte ranges with 206 so <video> can seek (SEC-7). Both rules live in
 * services/media/serving/, shared with Electron's media:// protocol.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isServableMedia } from '../services/media/serving/contentTypes.js';
import { resolveServableMedia } from '../services/media/serving/roots.js';
import { decodePath, sendFile } from './files.js';

export const MEDIA_PREFIX = '/media/';

export async function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  roots: readonly string[],
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const requested = decodePath(pathname.slice(MEDIA_PREFIX.length));
  if (requested === null) {
    res.writeHead(400).end();
    return;
  }
  if (!isServableMedia(requested)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: not a media file');
    return;
  }
  const found = await resolveServableMedia(requested, roots);
  if (!found.ok) {
    res.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(found.status === 403 ? 'Forbidden: not inside an open project' : 'Not found');
    return;
  }
  sendFile(req, res, found.path, found.size, { 'Cache-Control': 'no-cache' });
}
