/**
 * `storyboard import <dir> --script <file>` through the BUILT CLI: a public Fountain sample and
 * the Chinese sample land as one undo step each (counts printed, stored in the project); a
 * malformed script exits 1 with its line-numbered errors and changes nothing; --dry-run writes
 * nothing.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { writeFileSync } from 'node:fs';

const root = tempDir();
const env = { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') };
const cli = (args: string[]) => runCli(args, env);
const fixture = (f: string): string => join(__dirname, '..', '..', 'fixtures', 'script', f);

async function ok(args: string[]): Promise<string> {
  const r = await cli(args);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function counts(dir: string): number[] {
  const store = ProjectStore.open(dir);
  try {
    const s = store.snapshot();
    return [s.scenes.length, s.shots.length, s.elements.length, s.dialogueLines?.length ?? 0];
  } finally {
    store.close();
  }
}

beforeAll(() => ensureBuilt());

describe('storyboard import', () => {
  it('imports Fountain and Chinese scripts, prints the counts; --dry-run writes nothing', async () => {
    const dir = join(root, 'import «剧本»');
    await ok(['new', dir, '--name', 'import']);
    expect(await ok(['import', dir, '--script', fixture('Simple.fountain'), '--dry-run'])).toBe(
      'would import fountain: 3 scenes, 9 shots, 1 new characters, 0 merged, 1 dialogue lines\n',
    );
    expect(counts(dir)).toEqual([0, 0, 0, 0]);
    expect(await ok(['import', dir, '--script', fixture('Simple.fountain')])).toBe(
      'imported fountain: 3 scenes, 9 shots, 1 new characters, 0 merged, 1 dialogue lines\n',
    );
    const json = JSON.parse(await ok(['import', dir, '--script', fixture('chinese-sample.txt'), '--json'])) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ applied: true, scenes: 3, shots: 4, newCharacters: 3, lines: 5, errors: 0 });
    expect(counts(dir)).toEqual([6, 13, 4, 6]);
  });

  it('a malformed script exits 1 with line-numbered errors and changes nothing', async () => {
    const dir = join(root, 'malformed');
    await ok(['new', dir, '--name', 'malformed']);
    const bad = join(root, 'bad.fountain');
    writeFileSync(bad, 'INT. HOUSE - DAY\n\nBOB\n(quietly\nHi.\n\n[[never closed\n\nANN\nBye.\n');
    const r = await cli(['import', dir, '--script', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('warning: bad.fountain: Line 4: a parenthetical "(" is not closed');
    expect(r.stderr).toContain('error: bad.fountain: Line 7: a note "[[" is never closed');
    expect(r.stderr).toContain('import refused: 1 error(s) in bad.fountain; nothing was changed.');
    expect(counts(dir)).toEqual([0, 0, 0, 0]);
    const missing = await cli(['import', dir, '--script', join(root, 'nope.fountain')]);
    expect([missing.status, missing.stderr.trim()]).toEqual([
      1,
      `storyboard: import: cannot read "${join(root, 'nope.fountain')}": no such file`,
    ]);
    expect((await cli(['import', dir])).status).toBe(2);
  });
});
