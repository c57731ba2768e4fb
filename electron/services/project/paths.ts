/**
 * Paths stored in a project are relative to its folder with forward slashes, so a project can
 * be moved, zipped and opened on another OS. A project file is untrusted input (SEC-13): a
 * stored path that is absolute or climbs out with `..` is refused, never followed.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../../../shared/errors.js';

/** True for `media/ab/cd.mp4`; false for absolute, drive-lettered, backslashed or `..` paths. */
export function isSafeRelPath(rel: string): boolean {
  if (rel.length === 0 || rel.includes('\\') || rel.includes('\0')) return false;
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || isAbsolute(rel)) return false;
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Absolute path of a project-relative path; FORBIDDEN when it would leave the folder. */
export function resolveInProject(dir: string, rel: string): string {
  if (!isSafeRelPath(rel)) {
    throw new AppError('FORBIDDEN', `Path "${rel}" points outside the project folder "${dir}"; it was not used.`, { path: rel });
  }
  return join(dir, ...rel.split('/'));
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
