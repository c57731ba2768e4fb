/**
 * Fetch-API responses for our custom schemes, built from the file system with Range
 * support. Electron-free (plain Node streams + the global Response), so the whole request
 * path is unit tested; protocol.ts only hands Electron's Request to these functions.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { contentRange, parseRange, unsatisfiedRange } from './mediaRange.js';
import { pathFromMediaUrl, resolveServable } from './mediaPath.js';
import { APP_ORIGIN, isAppUrl } from '../security/origin.js';

const TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.flac': 'audio/flac',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function contentTypeFor(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface FileRequest {
  url: string;
  method: string;
  headers: { get(name: string): string | null };
}

function refuse(status: 403 | 404 | 405): Response {
  const text = { 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed' }[status];
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * 200 with the whole file, 206 with the requested bytes, or 416. `nosniff` keeps a file
 * served as video/mp4 from ever being read as HTML or script.
 */
export function fileResponse(
  file: string,
  size: number,
  req: FileRequest,
  extraHeaders: Readonly<Record<string, string>> = {},
): Response {
  const headers: Record<string, string> = {
    'Content-Type': contentTypeFor(file),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ...extraHeaders,
  };
  const range = parseRange(req.headers.get('range'), size);
  if (range.kind === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': unsatisfiedRange(size) } });
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  const length = size === 0 ? 0 : end - start + 1;
  headers['Content-Length'] = String(length);
  if (range.kind === 'partial') headers['Content-Range'] = contentRange(start, end, size);
  const status = range.kind === 'partial' ? 206 : 200;
  if (req.method === 'HEAD' || length === 0) return new Response(null, { status, headers });
  // toWeb() cancels (and closes) the file stream when the player abandons the request.
  const body = Readable.toWeb(createReadStream(file, { start, end })) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}

/**
 * media://local/<path>: only files inside `roots` (the open project folders and the app's
 * own media folders), 403 outside, 404 missing, Range honoured (SEC-6/7).
 */
export async function handleMediaRequest(req: FileRequest, roots: readonly string[]): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405);
  const candidate = pathFromMediaUrl(req.url);
  if (candidate === null) return refuse(403);
  const found = await resolveServable(candidate, roots);
  if (!found.ok) return refuse(found.status);
  // Lets our page draw frames to a canvas and read them back (filmstrips) without taint.
  return fileResponse(found.path, found.size, req, { 'Access-Control-Allow-Origin': APP_ORIGIN });
}

/**
 * app://storyboard/<file>: the built renderer (out/renderer) and nothing else. Every
 * response carries the CSP, so it holds even where webRequest hooks do not run.
 */
export async function handleAppRequest(req: FileRequest, rendererDir: string, csp: string): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405);
  if (!isAppUrl(req.url)) return refuse(403);
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(req.url).pathname);
  } catch {
    return refuse(403);
  }
  if (rel.includes('\0')) return refuse(403);
  if (rel === '/' || rel === '') rel = '/index.html';
  const candidate = path.join(rendererDir, ...rel.split('/').filter((s) => s.length > 0));
  const found = await resolveServable(candidate, [rendererDir]);
  if (!found.ok) return refuse(found.status);
  return fileResponse(found.path, found.size, req, { 'Content-Security-Policy': csp });
}
