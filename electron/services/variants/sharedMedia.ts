/**
 * The folders whose media a variant matrix hard-linked (project/paths.ts trustSharedMedia),
 * remembered in the user's config folder so the app opens those projects later too. The list
 * lives outside every project: a project file can never declare itself trusted.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { trustSharedMedia } from '../project/paths.js';

const FILE = 'shared-media.json';

function read(configDir: string): string[] {
  try {
    const list = JSON.parse(readFileSync(join(configDir, FILE), 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Trusts the remembered folders in this process. */
export function loadSharedMedia(configDir: string): void {
  for (const dir of read(configDir)) trustSharedMedia(dir);
}

/** Trusts `dirs` now and remembers them. */
export function rememberSharedMedia(configDir: string, dirs: readonly string[]): void {
  const all = [...new Set([...read(configDir), ...dirs.map((d) => resolve(d))])];
  for (const dir of all) trustSharedMedia(dir);
  mkdirSync(configDir, { recursive: true });
  const tmp = join(configDir, `.${FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`, 'utf8');
  renameSync(tmp, join(configDir, FILE));
}
