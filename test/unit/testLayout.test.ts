/**
 * Tests mirror source folders (CONTRIBUTING.md "Layout rule"): every folder under test/unit and
 * test/integration names a source folder, so the tests of a module are found by its path.
 * `test/<kind>/<area>/…` stands for `shared/<area>/…`, `electron/services/<area>/…` or
 * `electron/<area>/…` (or a folder at the repo root, e.g. scripts/); `test/unit/renderer/<folder>/…`
 * for `renderer/src/<folder>/…`. A test of a file at the repo root (a config) sits at the root of test/unit.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Folders that hold what the tests read or run, not tests, each with why. */
const NOT_TESTS: Record<string, string> = {
  __snapshots__: "Vitest's stored snapshots, beside the test that owns them",
  captured: 'probe and packet listings captured from real files, read by test/unit/export',
  child: 'scripts the kill -9 tests bundle and run as their own process',
};

function folders(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory() && !(n in NOT_TESTS))
    .flatMap((n) => [join(dir, n), ...folders(join(dir, n))]);
}

/** The source folders a test folder (relative to test/unit or test/integration) may mirror. */
function sourceCounterparts(area: string): string[] {
  if (area === 'renderer' || area.startsWith('renderer/')) return [join('renderer/src', area.slice('renderer'.length))];
  return [join('shared', area), join('electron/services', area), join('electron', area), area];
}

describe('test folders mirror source folders', () => {
  it('maps an area to shared/, electron/services/, electron/, the repo root and renderer/src/', () => {
    expect(sourceCounterparts('generation/providers')).toContain('electron/services/generation/providers');
    expect(sourceCounterparts('renderer/timeline')).toEqual(['renderer/src/timeline']);
    expect(sourceCounterparts('cli')).toContain('electron/cli');
    expect(sourceCounterparts('scripts')).toContain('scripts');
  });

  it.each(['unit', 'integration'])('every folder under test/%s has a source folder', (kind) => {
    const base = join(ROOT, 'test', kind);
    const orphans = folders(base)
      .map((dir) => relative(base, dir))
      .filter((area) => !sourceCounterparts(area).some((src) => existsSync(join(ROOT, src))));
    expect(orphans).toEqual([]);
  });
});
