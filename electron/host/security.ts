/**
 * The browser host's guards. The API, media and uploads are reachable only with the per-run
 * token, only through a Host header naming this server (blocks DNS rebinding) and never from
 * another web page's origin (blocks CSRF from any site open in the same browser).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** 24 random bytes, URL-safe: unguessable, and fits in a query string unescaped. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison so the token can't be discovered byte by byte from timings. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** A request target split without URL resolution (a raw `//evil.example/x` must stay a path). */
export function splitTarget(rawUrl: string | undefined): { pathname: string; query: URLSearchParams } {
  const raw = rawUrl ?? '/';
  const q = raw.indexOf('?');
  return {
    pathname: q < 0 ? raw : raw.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
  };
}

export interface Refusal {
  status: number;
  message: string;
}

/** Host must name this server: a rebinding attack arrives with the attacker's host name. */
export function checkHost(req: IncomingMessage, port: number): Refusal | null {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
    ? null
    : { status: 403, message: 'Forbidden host' };
}

/**
 * Browsers always send Origin on WebSocket handshakes and POSTs, and Sec-Fetch-Site on every
 * request; a value naming another site means another page is driving the request. A client
 * with neither header is not a browser (a script holding the token) and is allowed.
 * "same-site" is refused too: another port on 127.0.0.1 is the same site but not us.
 */
export function checkOrigin(req: IncomingMessage, port: number): Refusal | null {
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin)) return { status: 403, message: 'Forbidden origin' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { status: 403, message: 'Forbidden origin' };
  return null;
}

export function checkToken(query: URLSearchParams, token: string): Refusal | null {
  return tokenMatches(token, query.get('token')) ? null : { status: 401, message: 'Missing or wrong token' };
}

/** All guards of a protected route, first failure wins. */
export function guard(req: IncomingMessage, query: URLSearchParams, port: number, token: string): Refusal | null {
  return checkHost(req, port) ?? checkToken(query, token) ?? checkOrigin(req, port);
}

/**
 * Scripts and styles only from this server (no inline code: the bundle needs none), media
 * from this server or blobs, the socket only to this port, no plugins, no framing.
 */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function setSecurityHeaders(res: ServerResponse, port: number): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(port));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The token rides in URLs: never leak it to another site through Referer.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, {
    error: {
      code: refusal.status === 401 || refusal.status === 403 ? 'FORBIDDEN' : 'INVALID_INPUT',
      message: refusal.message,
    },
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
