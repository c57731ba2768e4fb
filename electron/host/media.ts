/**
 * GET/HEAD /media/<encodeURIComponent(absolute path)>?token=…  Serves files inside the open
 * projects only (services.mediaRoots(), checked after resolving symlinks: SEC-6) and answers
 * byte ranges with 206 so <video> can seek (SEC-7).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentType, decodePath, resolveInsideRoots } from './files.js';

export const MEDIA_PREFIX = '/media/';

export type ByteRange = { start: number; end: number };

/**
 * Parses a single `bytes=` range against a file size (RFC 9110 §14.1.2): `a-b`, `a-` and the
 * suffix form `-n`. Returns null when there is no Range to honour (absent, another unit, or
 * several ranges: the whole file is a valid answer to those), 'invalid' when it can't be met.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'invalid' {
  if (header === undefined) return null;
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return null;
  const spec = (m[1] ?? '').trim();
  if (spec.includes(',')) return null;
  const parts = /^(\d*)-(\d*)$/.exec(spec);
  if (!parts) return 'invalid';
  const [, a = '', b = ''] = parts;
  if (a === '' && b === '') return 'invalid';
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0 || size === 0) return 'invalid';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return 'invalid';
  return { start, end };
}

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
  const found = await resolveInsideRoots(requested, roots);
  if (!found.ok) {
    res.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(found.status === 403 ? 'Forbidden: not inside an open project' : 'Not found');
    return;
  }
  const info = await stat(found.path).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const size = info.size;
  const range = parseRange(req.headers.range, size);
  const common = { 'Content-Type': contentType(found.path), 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache' };
  if (range === 'invalid') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  res.writeHead(range ? 206 : 200, {
    ...common,
    'Content-Length': length,
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  createReadStream(found.path, { start, end }).on('error', () => res.destroy()).pipe(res);
}
