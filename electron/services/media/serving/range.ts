/**
 * HTTP Range (RFC 9110 §14) for every file we serve: media://, app:// and the browser host.
 * Chromium seeks a <video> with Range requests; a 200 without Accept-Ranges makes
 * `video.seekable` empty and seeking snaps back to 0
 * (https://github.com/electron/electron/issues/38749), so we answer 206 ourselves (SEC-7).
 */

export type RangeAnswer =
  /** No Range to honour: send the whole file with 200. */
  | { kind: 'full' }
  /** Send bytes start..end inclusive with 206. */
  | { kind: 'partial'; start: number; end: number }
  /** Refused with 416 and `Content-Range: bytes *\/size`: outside the file, or malformed. */
  | { kind: 'unsatisfiable' };

const BYTES = /^\s*bytes\s*=\s*(.*?)\s*$/i;
const SINGLE = /^(\d*)-(\d*)$/;

/**
 * One range only. What we may ignore gets the whole file (RFC 9110 §14.2): no header, another
 * unit, or several ranges (a player never asks for several). A `bytes=` value we can't meet is
 * 416: past the end, an empty suffix, or malformed (`5-1`, `abc`, `-`). §14.2 allows either
 * ignoring or rejecting an invalid range; rejecting makes a broken client visible instead of
 * streaming it a multi-gigabyte file it did not ask for (nginx does the same).
 * Forms: `bytes=a-b` (end clamped to the file), `bytes=a-`, `bytes=-n` (the last n bytes).
 */
export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  if (header == null) return { kind: 'full' };
  const spec = BYTES.exec(header)?.[1];
  if (spec === undefined || spec.includes(',')) return { kind: 'full' };
  const m = SINGLE.exec(spec);
  const first = m?.[1] ?? '';
  const last = m?.[2] ?? '';
  if (!m || (first === '' && last === '')) return { kind: 'unsatisfiable' };
  // Digits only (the regex saw to it); a value past 2^53 is still huge, so it clamps or 416s.
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start || start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}

export interface ByteResponse {
  status: 200 | 206 | 416;
  /** Accept-Ranges, Content-Length and, for 206/416, Content-Range. */
  headers: Record<string, string>;
  /** The bytes to stream (inclusive), or null when there is no body: HEAD, 416, an empty file. */
  body: { start: number; end: number } | null;
}

/**
 * Status, range headers and the byte span for a GET/HEAD of a `size`-byte file. Each server
 * (Fetch Response in Electron, node:http in the browser host) only adds its own headers and
 * streams `body`, so both answer the same request the same way.
 */
export function byteResponse(rangeHeader: string | null | undefined, size: number, method: string): ByteResponse {
  const range = parseRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    return {
      status: 416,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '0', 'Content-Range': unsatisfiedRange(size) },
      body: null,
    };
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  const length = size === 0 ? 0 : end - start + 1;
  const headers: Record<string, string> = { 'Accept-Ranges': 'bytes', 'Content-Length': String(length) };
  if (range.kind === 'partial') headers['Content-Range'] = contentRange(start, end, size);
  return {
    status: range.kind === 'partial' ? 206 : 200,
    headers,
    body: method === 'HEAD' || length === 0 ? null : { start, end },
  };
}
