/**
 * Which output folder each template's last `storyboard variants` run wrote, remembered in the
 * user's config folder (like shared-media.json) so the app can open "the last run" of the
 * template it has open. Outside every project: a project never names a folder for itself.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FILE = 'variant-runs.json';
const MAX_RUNS = 200;

function read(configDir: string): Record<string, string> {
  try {
    const data = JSON.parse(readFileSync(join(configDir, FILE), 'utf8')) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    return Object.fromEntries(
      Object.entries(data as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** Records `outDir` as `templateDir`'s last run (most recent last; at most MAX_RUNS templates kept). */
export function rememberVariantsRun(configDir: string, templateDir: string, outDir: string): void {
  const runs = read(configDir);
  const key = resolve(templateDir);
  delete runs[key];
  runs[key] = resolve(outDir);
  const kept = Object.entries(runs).slice(-MAX_RUNS);
  mkdirSync(configDir, { recursive: true });
  const tmp = join(configDir, `.${FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`, 'utf8');
  renameSync(tmp, join(configDir, FILE));
}

/** The output folder of `templateDir`'s last run, or null. */
export function lastVariantsRun(configDir: string, templateDir: string): string | null {
  return read(configDir)[resolve(templateDir)] ?? null;
}
