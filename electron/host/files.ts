/** File helpers shared by the static and media routes: containment checks and content types. */
import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

/** True when `target` is strictly inside `root` (both already resolved or realpath'd). */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Decodes a percent-encoded path segment; null on malformed escapes or NUL bytes. */
export function decodePath(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

/** realpath, or null when the file is missing or unreadable. */
export async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

/**
 * Resolves `requested` (absolute) and checks it against `roots` twice: lexically (so `..`
 * can't climb out) and after resolving symlinks (so a link inside a root can't point out).
 */
export async function resolveInsideRoots(
  requested: string,
  roots: readonly string[],
): Promise<{ ok: true; path: string } | { ok: false; status: 403 | 404 }> {
  if (!isAbsolute(requested)) return { ok: false, status: 403 };
  const lexical = resolve(requested);
  const realRoots = (await Promise.all(roots.map((r) => realOrNull(resolve(r))))).filter((r): r is string => r !== null);
  const lexicallyInside = roots.some((r) => isInside(resolve(r), lexical)) || realRoots.some((r) => isInside(r, lexical));
  if (!lexicallyInside) return { ok: false, status: 403 };
  const real = await realOrNull(lexical);
  if (real === null) return { ok: false, status: 404 };
  if (!realRoots.some((r) => isInside(r, real))) return { ok: false, status: 403 };
  return { ok: true, path: real };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.flac': 'audio/flac',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
