/**
 * HTTP Range for the media protocol (RFC 9110 §14). Chromium seeks a <video> with Range
 * requests; a 200 without Accept-Ranges makes `video.seekable` empty and seeking snaps back
 * to 0 (https://github.com/electron/electron/issues/38749), so we answer 206 ourselves.
 */

export type RangeAnswer =
  /** No (usable) Range header: send the whole file with 200. */
  | { kind: 'full' }
  /** Send bytes start..end inclusive with 206. */
  | { kind: 'partial'; start: number; end: number }
  /** Syntactically fine but outside the file: 416 with `Content-Range: bytes *\/size`. */
  | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/i;


/**
 * One range only: a player never asks for several, and a server may ignore a Range header
 * it does not serve (RFC 9110 §14.2), so multi-range, other units and malformed values get
 * the full file. Forms: `bytes=a-b` (end clamped to the file), `bytes=a-`, `bytes=-n`
 * (the last n bytes).
 */
export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  if (header == null) return { kind: 'full' };
  const m = SINGLE.exec(header.trim());
  if (!m) return { kind: 'full' };
  const first = m[1] ?? '';
  const last = m[2] ?? '';
  if (first === '' && last === '') return { kind: 'full' };
  // Digits only (the regex saw to it); a value past 2^53 is still huge, so it clamps or 416s.
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.POSITIVE_INFINITY : Number(last);
  // "last < first" is an invalid range-spec, not an unsatisfiable one: ignore it.
  if (end < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}
