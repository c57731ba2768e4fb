/**
 * Fetch-API responses for our custom schemes, built from the file system with Range
 * support. Electron-free (plain Node streams + the global Response), so the whole request
 * path is unit tested; protocol.ts only hands Electron's Request to these functions. What may
 * be served, the Range answer and the content type come from services/media/serving/, shared
 * with the browser host (electron/host), so a fix there covers both.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { contentTypeFor, isServableMedia } from '../../services/media/serving/contentTypes.js';
import { byteResponse } from '../../services/media/serving/range.js';
import { resolveServable, resolveServableMedia } from '../../services/media/serving/roots.js';
import { pathFromMediaUrl } from './mediaPath.js';
import { APP_ORIGIN, isAppUrl } from '../security/origin.js';

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
 * 200 with the whole file, 206 with the requested bytes, or 416 (services/media/serving/range.ts
 * decides, for the browser host too). `nosniff` keeps a file served as video/mp4 from ever
 * being read as HTML or script.
 */
export function fileResponse(
  file: string,
  size: number,
  req: FileRequest,
  extraHeaders: Readonly<Record<string, string>> = {},
): Response {
  const plan = byteResponse(req.headers.get('range'), size, req.method);
  const headers: Record<string, string> = {
    'Content-Type': contentTypeFor(file),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ...extraHeaders,
    ...plan.headers,
  };
  if (plan.body === null) return new Response(null, { status: plan.status, headers });
  // toWeb() cancels (and closes) the file stream when the player abandons the request.
  const body = Readable.toWeb(createReadStream(file, plan.body)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: plan.status, headers });
}

/**
 * media://local/<path>: only files inside `roots` (the open project folders and the app's
 * own media folders), 403 outside, 404 missing, Range honoured (SEC-6/7).
 */
export async function handleMediaRequest(req: FileRequest, roots: readonly string[]): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405);
  const candidate = pathFromMediaUrl(req.url);
  if (candidate === null || !isServableMedia(candidate)) return refuse(403);
  const found = await resolveServableMedia(candidate, roots);
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
  const root = path.resolve(rendererDir);
  const candidate = path.join(root, ...rel.split('/').filter((s) => s.length > 0));
  const found = await resolveServable(candidate, [root]);
  if (!found.ok) return refuse(found.status);
  return fileResponse(found.path, found.size, req, { 'Content-Security-Policy': csp });
}
