/**
 * The integration files known to run longest start first (test/integration/sequencer.ts), even
 * with no recorded durations (a clean clone), and every path in that list is a real file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { LONG_FILES, LongFilesFirst } from '../integration/sequencer';

const ROOT = join(import.meta.dirname, '..', '..');

/** A spec as the sequencer reads it: its file and its project. */
function spec(project: string, file: string): TestSpecification {
  const config = { sequence: { groupOrder: 0 }, isolate: true };
  return { moduleId: join(ROOT, file), project: { name: project, config } } as unknown as TestSpecification;
}

/** Vitest with no recorded durations or sizes, as on a clean clone. */
const clean = {
  config: { root: ROOT },
  cache: { getFileTestResults: () => undefined, getFileStats: () => undefined },
} as unknown as Vitest;

describe('integration file order', () => {
  it('lists only files that exist, each once', () => {
    expect(LONG_FILES.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
    expect(new Set(LONG_FILES).size).toBe(LONG_FILES.length);
  });

  it('starts the long files first, longest first, the others after them in their order', async () => {
    const [longest, second] = LONG_FILES;
    const files = [
      spec('integration', 'test/integration/a.test.ts'),
      spec('integration', second!),
      spec('integration', 'test/integration/b.test.ts'),
      spec('integration', longest!),
    ];
    const sorted = await new LongFilesFirst(clean).sort(files);
    expect(sorted.map((s) => s.moduleId)).toEqual(
      [longest!, second!, 'test/integration/a.test.ts', 'test/integration/b.test.ts'].map((f) => join(ROOT, f)),
    );
  });

  it('keeps projects apart: a long file never moves ahead of another project', async () => {
    const files = [spec('integration', 'test/integration/a.test.ts'), spec('unit', LONG_FILES[0]!)];
    const sorted = await new LongFilesFirst(clean).sort(files);
    expect(sorted.map((s) => s.project.name)).toEqual(['integration', 'unit']);
  });
});
