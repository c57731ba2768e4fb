/**
 * `storyboard check` through the BUILT CLI, as a user runs it: a project with a character and
 * two shots (her own take, and another person's take), then `check --json` prints an array of
 * { shotId, takeId, elementId, score 0..1, drift } where only the other person's take drifts,
 * and the plain output names the shot to redo. The report is saved beside the project.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { makeReference, makeTake } from '../../helpers/continuityFixtures.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const env = { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') };

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

beforeAll(() => ensureBuilt());

describe('storyboard check', () => {
  it('prints per take and element a score and a drift flag; only the other person drifts', async () => {
    const dir = join(root, 'check project');
    const media = join(root, 'media');
    await ok(['new', dir, '--name', 'check', '--resolution', '720p']);
    const [elementId] = (
      await ok([
        'element',
        'add',
        dir,
        '--name',
        'Eileen',
        '--kind',
        'character',
        '--image',
        makeReference('collins', media),
      ])
    ).split(' ');
    const same = await ok(['add-shot', dir, '--video', makeTake('collins', media), '--element', elementId!]);
    const other = await ok(['add-shot', dir, '--video', makeTake('hopper', media), '--element', elementId!]);

    const out = JSON.parse(await ok(['check', dir, '--json'])) as Record<string, unknown>[];
    expect(out).toHaveLength(2);
    for (const row of out) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['shotId', 'takeId', 'elementId', 'score', 'drift']));
      expect(row.elementId).toBe(elementId);
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(1);
      expect(typeof row.takeId).toBe('string');
    }
    const byShot = new Map(out.map((r) => [r.shotId, r]));
    expect(byShot.get(same)).toMatchObject({ drift: false, method: 'face' });
    expect(byShot.get(other)).toMatchObject({ drift: true, method: 'face' });
    expect(byShot.get(same)!.score as number).toBeGreaterThan(byShot.get(other)!.score as number);
    expect(existsSync(join(dir, 'continuity.json'))).toBe(true);

    const plain = await ok(['check', dir, '--shot', other]);
    expect(plain).toContain('DRIFT');
    expect(plain).toContain(`Shots to redo: ${other}`);
  });
});
