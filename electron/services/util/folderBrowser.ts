/**
 * The folder browser of hosts without a native dialog (`storyboard serve` in a browser): lists
 * the sub-folders of a folder inside the allowed roots (the user's home, the folder serve was
 * started in). The requested path comes from the page, so it is untrusted: it is resolved with
 * realpath (every link followed) and must then lie inside a root's realpath (design.md
 * section 8: resolve symlinks, then check the prefix). Entries are real directories only
 * (readdir's types do not follow links, so a link is never listed and never leads out), hidden
 * ones are left out, and at most FOLDER_LIST_MAX are returned.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { FolderListing } from '../../../shared/api/folders.js';
import { keyedError } from '../../../shared/errors.js';

export const FOLDER_LIST_MAX = 500;

function real(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

const inside = (root: string, p: string): boolean => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

function isProject(dir: string): boolean {
  try {
    return lstatSync(join(dir, 'project.db')).isFile();
  } catch {
    return false;
  }
}

/** The roots that exist, as real paths, without duplicates (the first is where browsing starts). */
export function folderRoots(candidates: readonly (string | null | undefined)[]): string[] {
  const roots: string[] = [];
  for (const c of candidates) {
    const r = c ? real(resolve(c)) : null;
    if (r && !roots.includes(r)) roots.push(r);
  }
  return roots;
}

export function listFolder(requested: string | undefined, roots: readonly string[]): FolderListing {
  if (roots.length === 0) throw keyedError('FORBIDDEN', 'svc.folders.noRoots', {}, 'No folder can be browsed here.');
  const path = requested === undefined ? roots[0]! : real(resolve(requested));
  if (path === null)
    throw keyedError(
      'NOT_FOUND',
      'svc.folders.missing',
      { path: requested ?? '' },
      `The folder ${requested} does not exist.`,
    );
  const root = roots.find((r) => inside(r, path));
  if (root === undefined)
    throw keyedError(
      'FORBIDDEN',
      'svc.folders.outside',
      { path },
      `${path} is outside the folders that can be browsed here (${roots.join(', ')}).`,
    );
  let dirents;
  try {
    dirents = readdirSync(path, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw keyedError(
      'FORBIDDEN',
      'svc.folders.unreadable',
      { path, code },
      `The folder ${path} can't be read (${code}).`,
    );
  }
  const dirs = dirents
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b));
  const entries = dirs.slice(0, FOLDER_LIST_MAX).map((name) => {
    const p = join(path, name);
    return { name, path: p, project: isProject(p) };
  });
  // Above a nested root is another root's business: at a root, there is no parent.
  const parent = roots.includes(path) ? null : dirname(path);
  return {
    path,
    parent: parent !== null && inside(root, parent) ? parent : null,
    roots: [...roots],
    entries,
    truncated: dirs.length > FOLDER_LIST_MAX,
    project: isProject(path),
  };
}
