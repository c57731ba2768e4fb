/**
 * The host's side of file serving: decoding its URL paths and writing a file to a node:http
 * response. What may be served, the Range answer and the content type are decided in
 * services/media/serving/ (shared with Electron's media:// and app://), never here.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor } from '../services/media/serving/contentTypes.js';
import { byteResponse } from '../services/media/serving/range.js';

/** Decodes a percent-encoded path; null on malformed escapes or NUL bytes. */
export function decodePath(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

/**
 * 200 with the whole file, 206 with the requested bytes, or 416, for a file
 * resolveServable() already admitted (`file` is its real path, `size` its size).
 */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  size: number,
  extraHeaders: Readonly<Record<string, string>>,
): void {
  const plan = byteResponse(req.headers.range, size, req.method ?? 'GET');
  res.writeHead(plan.status, { 'Content-Type': contentTypeFor(file), ...extraHeaders, ...plan.headers });
  if (plan.body === null) {
    res.end();
    return;
  }
  createReadStream(file, plan.body)
    .on('error', () => res.destroy())
    .pipe(res);
}
