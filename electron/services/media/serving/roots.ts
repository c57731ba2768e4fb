/**
 * The one rule that decides which files may be served, shared by the Electron media:// and
 * app:// protocols and the browser host (`storyboard serve`): the file's real path (symlinks
 * resolved) lies inside an allowed root (design.md §8, SEC-6). Same approach as Signal's
 * protocol filter (realpath, then prefix) and Electron's protocol.handle example
 * (path.relative must not climb out):
 *   https://github.com/signalapp/Signal-Desktop/blob/main/app/protocol_filter.node.ts
 *   https://www.electronjs.org/docs/latest/api/protocol#protocolhandlescheme-handler
 * Plain Node: no `electron` import, so every caller and test can use it.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { isServableMedia } from './contentTypes.js';
import path from 'node:path';
import { isSharedMedia } from '../../project/paths.js';

/**
 * `target` is `root` itself or below it, on a path-separator boundary: `/proj` never admits
 * `/proj-evil`, while a name that merely starts with two dots (`/proj/..hidden`) stays inside.
 * Windows paths compare case-insensitively, and another drive is never inside.
 */
export function isInside(root: string, target: string, pathApi: path.PlatformPath = path): boolean {
  const fold = (p: string) => (pathApi.sep === '\\' ? p.toLowerCase() : p);
  const rel = pathApi.relative(fold(pathApi.resolve(root)), fold(pathApi.resolve(target)));
  if (rel === '') return true;
  // Absolute: another drive on Windows.
  if (pathApi.isAbsolute(rel)) return false;
  return rel !== '..' && !rel.startsWith(`..${pathApi.sep}`);
}

export type Servable = { ok: true; path: string; size: number } | { ok: false; status: 403 | 404 };

async function realOrNull(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch {
    return null;
  }
}

/**
 * Decides whether the absolute path `candidate` may be served, and what to open. Order matters:
 * - not absolute, a NUL byte, or lexically outside every root: 403 before the file system
 *   is asked about the candidate (no "does /etc/x exist" oracle);
 * - inside, but missing: 404;
 * - its real path (symlinks resolved) outside every root's real path: 403;
 * - a folder or other non-file: 404.
 * A root may be given through a symlink (macOS /tmp -> /private/tmp): a candidate spelled
 * with either the root or its real path passes the lexical check; the real check decides.
 * The realpath is taken of the dot-folded path, so the path checked is the path opened.
 */
export async function resolveServable(candidate: string, roots: readonly string[]): Promise<Servable> {
  if (roots.length === 0 || candidate.includes('\0') || !path.isAbsolute(candidate)) return { ok: false, status: 403 };
  const lexical = path.resolve(candidate);
  const realRoots = (await Promise.all(roots.map((r) => realOrNull(path.resolve(r))))).filter(
    (r): r is string => r !== null,
  );
  const lexicallyInside = roots.some((r) => isInside(r, lexical)) || realRoots.some((r) => isInside(r, lexical));
  if (!lexicallyInside) return { ok: false, status: 403 };
  const real = await realOrNull(lexical);
  if (real === null) return { ok: false, status: 404 };
  if (!realRoots.some((r) => isInside(r, real))) return { ok: false, status: 403 };
  const info = await stat(real).catch(() => null);
  if (info === null || !info.isFile()) return { ok: false, status: 404 };
  return { ok: true, path: real, size: info.size };
}

/**
 * The media routes' rule (media:// and the host's /media/): resolveServable, and then the file
 * must be reached without any link and be a media file BY ITS REAL NAME. A project folder is
 * untrusted (SEC-13): `page.png -> evil.html` would otherwise be judged by the link's name and
 * served as the target's type, a `.png` link to project.db would hand out the database, and a
 * hard link (indistinguishable from the original) could expose a file outside the folder. So:
 * the requested path itself is not a symbolic link, no folder between the root and it is one
 * (the path below the real root equals the path below the requested root), and the file has
 * one hard link only — files Storyboard writes always do.
 */
export async function resolveServableMedia(candidate: string, roots: readonly string[]): Promise<Servable> {
  const found = await resolveServable(candidate, roots);
  if (!found.ok) return found;
  const lexical = path.resolve(candidate);
  const link = await lstat(lexical).catch(() => null);
  if (link === null || link.isSymbolicLink() || (link.nlink > 1 && !isSharedMedia(lexical)))
    return { ok: false, status: 403 };
  const below = async (root: string): Promise<string | null> => {
    const real = await realOrNull(path.resolve(root));
    if (real === null || !isInside(real, found.path)) return null;
    return path.relative(real, found.path);
  };
  let same = false;
  for (const root of roots) {
    const rel = await below(root);
    if (rel !== null && isInside(root, lexical) && path.relative(path.resolve(root), lexical) === rel) same = true;
  }
  if (!same) return { ok: false, status: 403 };
  if (!isServableMedia(found.path)) return { ok: false, status: 403 };
  return found;
}
