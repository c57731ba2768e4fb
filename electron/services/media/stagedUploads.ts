/**
 * Staged uploads of the browser host (`storyboard serve`: POST /upload writes a file here, the
 * next contract call imports it and deletes it). An upload nobody imports — the page was closed,
 * the import call never came — used to stay until the server stopped, up to 4 GiB each. Each
 * staged folder is now removed once nothing has written to it for UPLOAD_TTL_MS: a sweep runs
 * at every new upload and once a minute. An upload still streaming keeps its file's mtime fresh,
 * so it is never swept from under the writer.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** 10 minutes: far longer than any import takes to follow its upload. */
export const UPLOAD_TTL_MS = 10 * 60_000;

/** Newest mtime of the folder and its files (a staged folder holds one file). */
function lastWrite(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const name of readdirSync(dir)) newest = Math.max(newest, statSync(join(dir, name)).mtimeMs);
  return newest;
}

/** Removes staged folders idle for longer than `ttlMs`; returns how many. Never throws. */
export function sweepStagedUploads(uploadsDir: string, ttlMs: number, now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(uploadsDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const dir = join(uploadsDir, name);
    try {
      if (now - lastWrite(dir) <= ttlMs) continue;
      rmSync(dir, { recursive: true, force: true });
      removed++;
    } catch {
      // gone meanwhile (imported and discarded): nothing to do
    }
  }
  return removed;
}
