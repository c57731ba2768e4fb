/**
 * Paths stored in a project are relative to its folder with forward slashes, so a project can
 * be moved, zipped and opened on another OS. A project file is untrusted input (SEC-13): a
 * stored path that is absolute or climbs out with `..` is refused, never followed, and so is
 * a path that reaches its file through a symbolic link or names a file with other hard links
 * (either can lead outside the folder while the name looks inside). resolveStoredPath is THE
 * one resolver every reader and writer of a stored path uses (assets, thumbnails, filmstrips,
 * waveforms, frames, exports, info): there is no second join that could skip a check.
 */
import { lstatSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors.js';

/**
 * Folders whose media Storyboard itself hard-linked: a variant matrix's template and its output
 * folder (variant projects share the template's media files instead of copying them). Only
 * there may a media file have several hard links. Registered by the variants command and, from
 * the user's config folder (variants/sharedMedia.ts), at start; never from a project file.
 */
const sharedMediaRoots = new Set<string>();

export function trustSharedMedia(dir: string): void {
  sharedMediaRoots.add(resolve(dir));
}

/** True when `path` is inside a folder registered with trustSharedMedia. */
export function isSharedMedia(path: string): boolean {
  const abs = resolve(path);
  for (const root of sharedMediaRoots) if (abs === root || abs.startsWith(root + sep)) return true;
  return false;
}

/** True for `media/ab/cd.mp4`; false for absolute, drive-lettered, backslashed or `..` paths. */
export function isSafeRelPath(rel: string): boolean {
  if (rel.length === 0 || rel.includes('\\') || rel.includes('\0')) return false;
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || isAbsolute(rel)) return false;
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function outside(dir: string, rel: string, why: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `Path "${rel}" ${why}, so it could lead outside the project folder "${dir}"; it was not used.`,
    {
      path: rel,
      reason: why,
      messageKey: 'hardening.error.pathOutside',
    },
  );
}

/**
 * THE resolver of stored paths: the absolute path of a project-relative path, or FORBIDDEN when
 * it is absolute or has `..`, when any part of it below the folder is a symbolic link, or when
 * the file it names has more than one hard link (a hard link to a file outside looks exactly
 * like a file inside; files the app writes always have one). Parts that don't exist yet are
 * fine (a thumbnail about to be written; a missing file is reported by whoever opens it).
 * Synchronous lstat per part: a handful of system calls, never a read of the file.
 */
export function resolveStoredPath(dir: string, rel: string): string {
  if (!isSafeRelPath(rel)) throw outside(dir, rel, 'is absolute or climbs out with ".."');
  const parts = rel.split('/');
  let at = dir;
  for (let i = 0; i < parts.length; i++) {
    at = join(at, parts[i] as string);
    let st;
    try {
      st = lstatSync(at);
    } catch {
      return join(dir, ...parts); // the rest does not exist: nothing to follow
    }
    if (st.isSymbolicLink()) throw outside(dir, rel, 'goes through a symbolic link');
    if (i === parts.length - 1 && st.isFile() && st.nlink > 1 && !isSharedMedia(dir))
      throw outside(dir, rel, 'names a file with another hard link');
  }
  return at;
}

/** Absolute path of a project-relative path; FORBIDDEN when it would leave the folder (resolveStoredPath). */
export function resolveInProject(dir: string, rel: string): string {
  return resolveStoredPath(dir, rel);
}

/** Project-relative, forward-slashed form of an absolute path inside `dir`. */
export function toProjectRelative(dir: string, abs: string): string {
  const rel = relative(dir, abs);
  const posix = rel.split(sep).join('/');
  if (!isSafeRelPath(posix)) {
    throw new AppError('INVALID_INPUT', `"${abs}" is not inside the project folder "${dir}".`, { path: abs });
  }
  return posix;
}
