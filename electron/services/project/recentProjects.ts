/**
 * The recent projects list: `recent-projects.json` in the app's config folder, newest first.
 * The file is data from outside (another tool, a synced or hand-edited config may write it), so
 * every entry is checked when read (design.md section 8, "a project file may come from anyone"):
 * an absolute, normalized path (no `..`, no relative or doubled separators), no control
 * characters, bounded lengths; anything else is dropped, never "fixed". Listed paths are only
 * shown and handed back to project.open, which does every check of an open. A write goes to a
 * temp file then renames, and a failure to write never fails an open.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import type { RecentProject } from '../../../shared/api/folders.js';

export const RECENT_FILE = 'recent-projects.json';
export const RECENT_MAX = 10;
const NAME_MAX = 200;
const PATH_MAX = 4096;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- the same, to replace each one in a shown name
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

interface Stored {
  dir: string;
  name: string;
}

/** A stored path usable as shown: absolute, already normalized, no control characters. */
export function cleanRecentDir(dir: unknown): string | null {
  if (typeof dir !== 'string' || dir.length === 0 || dir.length > PATH_MAX || CONTROL.test(dir)) return null;
  if (!isAbsolute(dir)) return null;
  const trimmed = dir.length > 1 ? dir.replace(/[\\/]+$/, '') : dir;
  if (normalize(trimmed) !== trimmed) return null; // `..`, `.`, doubled separators
  return trimmed;
}

/** The entries of the stored JSON that pass cleanRecentDir, deduplicated, at most RECENT_MAX. */
export function parseRecent(json: unknown): Stored[] {
  const list = Array.isArray(json) ? json : [];
  const out: Stored[] = [];
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const dir = cleanRecentDir((raw as { dir?: unknown }).dir);
    if (dir === null || out.some((e) => e.dir === dir)) continue;
    const rawName = (raw as { name?: unknown }).name;
    const name = typeof rawName === 'string' ? rawName.replace(CONTROLS, ' ').slice(0, NAME_MAX) : '';
    out.push({ dir, name });
    if (out.length === RECENT_MAX) break;
  }
  return out;
}

function hasProjectFile(dir: string): boolean {
  try {
    return lstatSync(join(dir, 'project.db')).isFile();
  } catch {
    return false;
  }
}

export class RecentProjects {
  constructor(private readonly configDir: string) {}

  private get file(): string {
    return join(this.configDir, RECENT_FILE);
  }

  private read(): Stored[] {
    try {
      return parseRecent(JSON.parse(readFileSync(this.file, 'utf8')) as unknown);
    } catch {
      return [];
    }
  }

  list(): RecentProject[] {
    return this.read().map((e) => ({ ...e, available: hasProjectFile(e.dir) }));
  }

  /** Puts the project first; best effort (a read-only config folder only loses the list). */
  remember(dir: string, name: string): void {
    const clean = cleanRecentDir(dir);
    if (clean === null) return;
    const next = [{ dir: clean, name }, ...this.read().filter((e) => e.dir !== clean)].slice(0, RECENT_MAX);
    try {
      mkdirSync(this.configDir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch {
      // The list is a convenience: never fail an open because it can't be saved.
    }
  }
}
