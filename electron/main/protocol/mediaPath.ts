/**
 * media:// URLs <-> absolute paths, and the one rule that decides what may be served:
 * the file's real path (symlinks resolved) lies inside an allowed root (design.md §8,
 * SEC-6). Same approach as Signal's protocol filter (realpath, then prefix) and Electron's
 * protocol.handle example (path.relative must not climb out).
 *
 * URL form: media://local/<each path segment percent-encoded>, e.g.
 *   /home/ana/My Film/media/ab/abcd.mp4 -> media://local/home/ana/My%20Film/media/ab/abcd.mp4
 *   C:\Users\ana\film\x.mp4             -> media://local/C%3A/Users/ana/film/x.mp4
 * UNC paths (\\server\share) are not representable yet: such a project's media is refused.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_SCHEME } from '../security/origin.js';

export const MEDIA_HOST = 'local';

export function mediaUrlFor(absPath: string, pathApi: path.PlatformPath = path): string {
  const parts = absPath.split(pathApi.sep).filter((p) => p.length > 0);
  return `${MEDIA_SCHEME}://${MEDIA_HOST}/${parts.map(encodeURIComponent).join('/')}`;
}

/**
 * The absolute path a media:// URL names, or null when the URL is not one of ours or is
 * malformed. The URL parser already folded `.`/`..` segments (also `%2e%2e`); a segment
 * that still decodes to a separator, a dot segment or NUL is refused outright, so an
 * encoded `..%2f` cannot climb out after decoding.
 */
export function pathFromMediaUrl(url: string, pathApi: path.PlatformPath = path): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${MEDIA_SCHEME}:` || u.host !== MEDIA_HOST || u.username !== '' || u.password !== '') return null;
  const segments: string[] = [];
  for (const raw of u.pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || seg.includes('/') || seg.includes('\0')) return null;
    if (pathApi.sep === '\\' && seg.includes('\\')) return null;
    segments.push(seg);
  }
  if (segments.length === 0) return null;
  const joined = pathApi.sep === '\\' ? segments.join('\\') : `/${segments.join('/')}`;
  // Windows: "C:" first (a drive); a UNC or relative form is not absolute and is refused.
  if (!pathApi.isAbsolute(joined) || (pathApi.sep === '\\' && !/^[A-Za-z]:\\/.test(joined))) return null;
  return pathApi.normalize(joined);
}

/** `child` is `root` or below it, on a path-separator boundary (`/proj` never admits `/proj-evil`). */
export function isInside(child: string, root: string, pathApi: path.PlatformPath = path): boolean {
  const fold = (p: string) => (pathApi.sep === '\\' ? p.toLowerCase() : p);
  const rel = pathApi.relative(fold(pathApi.resolve(root)), fold(pathApi.resolve(child)));
  if (rel === '') return true;
  // Absolute: another drive on Windows. A name that merely starts with ".." stays inside.
  if (pathApi.isAbsolute(rel)) return false;
  return rel !== '..' && !rel.startsWith(`..${pathApi.sep}`);
}

export type Resolution = { ok: true; path: string; size: number } | { ok: false; status: 403 | 404 };

/**
 * Decides whether `candidate` may be served. Order matters: a path lexically outside every
 * root is 403 before the file system is touched (no "does /etc/x exist" oracle); inside, a
 * missing file is 404; a symlink whose target leaves the roots is 403; directories are 404.
 */
export async function resolveServable(candidate: string, roots: readonly string[]): Promise<Resolution> {
  if (!roots.some((r) => isInside(candidate, r))) return { ok: false, status: 403 };
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return { ok: false, status: 404 };
  }
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => null)));
  if (!realRoots.some((r) => r !== null && isInside(real, r))) return { ok: false, status: 403 };
  const info = await stat(real).catch(() => null);
  if (info === null || !info.isFile()) return { ok: false, status: 404 };
  return { ok: true, path: real, size: info.size };
}
