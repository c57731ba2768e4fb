/**
 * `storyboard check` through the BUILT CLI, as a user runs it: a project with a character and
 * two shots (her own take, and another person's take), then `check --json` prints an array of
 * { shotId, takeId, elementId, score 0..1, drift } where only the other person's take drifts,
 * and the plain output names the shot to redo. The report is saved beside the project. The
 * drift thresholds are the app's settings (per element kind), and --threshold overrides one
 * kind's for a run; the picture's features are cached in the cache folder for the next run.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { castProject } from '../../helpers/continuityFixtures.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const env = { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config'), STORYBOARD_CACHE_DIR: join(root, 'cache') };

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

beforeAll(() => ensureBuilt());

describe('storyboard check', () => {
  it(
    'prints per take and element a score and a drift flag; only the other person drifts',
    { timeout: 360_000 },
    async () => {
      const dir = join(root, 'check project');
      const media = join(root, 'media');
      const { elementId, same, other } = await castProject(dir, media, ok);

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
      expect(readdirSync(join(root, 'cache', 'continuity')).filter((f) => f.endsWith('.json'))).toHaveLength(1);

      // The saved thresholds (Settings) decide: a lenient character threshold, nobody drifts...
      mkdirSync(join(root, 'config'), { recursive: true });
      writeFileSync(
        join(root, 'config', 'settings.json'),
        JSON.stringify({ version: 1, continuityThresholds: { character: 0.05, location: 0.5, prop: 0.5 } }),
      );
      const lenient = JSON.parse(await ok(['check', dir, '--json'])) as { drift: boolean }[];
      expect(lenient.map((r) => r.drift)).toEqual([false, false]);
      // ...and --threshold overrides a kind for this run: a strict one, both drift.
      const strict = JSON.parse(await ok(['check', dir, '--json', '--threshold', 'character=0.99'])) as {
        drift: boolean;
      }[];
      expect(strict.map((r) => r.drift)).toEqual([true, true]);
      const bad = await runCli(['check', dir, '--threshold', 'style=0.5'], env);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain('kind one of character, location, prop');
    },
  );
});
