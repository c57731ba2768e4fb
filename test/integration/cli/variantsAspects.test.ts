/**
 * Native generation per aspect in `storyboard variants`, through the BUILT CLI: a 16:9 template
 * with a title card on the offline animatic (any aspect) and a hero shot on Vidu Q3 Turbo (the
 * fake Vidu API; Vidu makes 16:9, 9:16 and 1:1 only) × 2 rows × 9:16 and 4:5. Each row makes
 * the card at 16:9 (the clip), 9:16 and 4:5, and the hero at 16:9 and 9:16; the hero's 4:5 is
 * reframed from its 9:16 take (the nearest aspect made) and the plan, progress and summary say
 * so. Checked: the takes' frame sizes and the exported files' sizes with ffprobe, the aspect
 * Vidu was asked for, which take each exported shot used (the provenance sidecar), and that the
 * estimate counts every native generation (twice one row's clips when the hero is made twice).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { startFakeVidu, type FakeVidu } from '../../fakes/vidu.js';
import { ensureBuilt, runCli, variantsArgs, type CliRun } from '../../helpers/cli.js';
import { frameSize } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const tpl = join(root, 'template');
const data = join(root, 'rows.csv');
const out = join(root, 'out');
const ROWS = ['lumo', 'nova'];
let fake: FakeVidu;
let card = '';
let hero = '';

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, {
    ...process.env,
    STORYBOARD_CONFIG_DIR: join(root, 'config'),
    STORYBOARD_CACHE_DIR: join(root, 'cache'),
    STORYBOARD_VIDU_BASE_URL: fake.baseUrl,
    STORYBOARD_VIDU_API_KEY: 'test-key',
  });
}

async function ok(args: string[]): Promise<CliRun> {
  const r = await cli(args);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

function snapshotOf(dir: string): { snap: ProjectSnapshot; abs: (rel: string) => string } {
  const store = ProjectStore.open(dir);
  try {
    const snap = store.snapshot();
    return { snap, abs: (rel) => store.absPath(rel) };
  } finally {
    store.close();
  }
}

const estimateOf = (r: CliRun): number => Number(/Estimate: ([\d.]+) USD/.exec(r.stderr)?.[1]);

beforeAll(async () => {
  ensureBuilt();
  fake = await startFakeVidu({ runMs: 50 });
  await ok(['new', tpl, '--name', 'Ad', '--aspect', '16:9', '--resolution', '720p', '--fps', '8']);
  card = (await ok(['add-shot', tpl, '--prompt', '{{product}} — made for you', '--duration', '1'])).stdout.trim();
  hero = (await ok(['add-shot', tpl, '--prompt', '{{product}} on a desk', '--duration', '1'])).stdout.trim();
  const store = ProjectStore.open(tpl);
  try {
    store.shots.update(hero, { provider: 'vidu', model: 'viduq3-turbo' });
  } finally {
    store.close();
  }
  await ok(['template', tpl, '--set', 'product=Sample']);
  writeFileSync(data, `id,product\n${ROWS.map((r) => `${r},${r.toUpperCase()} 2`).join('\n')}\n`);
}, 120_000);
afterAll(() => fake.close());

describe('storyboard variants: native generation per aspect', () => {
  it('estimates every native generation and plans the reframes, sending nothing on a dry run', async () => {
    const clipsOnly = await ok(variantsArgs(tpl, data, out, ['16:9'], '--dry-run'));
    const plan = await ok(variantsArgs(tpl, data, out, ['9:16', '4:5'], '--dry-run'));
    expect(fake.creates).toBe(0);
    // Per row: one Vidu clip at 16:9; with 9:16 also a native 9:16 one (the animatic is free).
    expect(estimateOf(clipsOnly)).toBeGreaterThan(0);
    expect(estimateOf(plan)).toBeCloseTo(2 * estimateOf(clipsOnly), 6);
    expect(plan.stderr).toContain('Generations per row: 5 (2 at 16:9 (the clips), 2 at 9:16, 1 at 4:5)');
    expect(plan.stderr).toContain(
      '4:5: 1 shot(s) generated at 4:5; shot 2 (Vidu viduq3-turbo) cannot make 4:5: reframed from 9:16',
    );
    expect(plan.stdout).toMatch(/lumo\s+4:5\s+would write\s+lumo_4x5\.mp4\s+pending\s+1 shot\(s\) generated at 4:5;/);
    expect(plan.stdout).toMatch(/nova\s+9:16\s+would write\s+nova_9x16\.mp4\s+pending\s+2 shot\(s\) generated at 9:16/);
  });

  it('refuses a matrix over the budget before anything is copied or sent', async () => {
    const r = await cli(variantsArgs(tpl, data, out, ['9:16'], '--budget', '0.01'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /refused: The variant matrix \(about [\d.]+ USD\) is over the budget \(0\.01 USD\); nothing was copied or sent\./,
    );
    expect(existsSync(join(out, 'projects'))).toBe(false);
    expect(fake.creates).toBe(0);
  });

  it('generates natively where the model can, reframes with a note where not, and exports each aspect from its takes', async () => {
    fake.reset();
    const run = await ok(variantsArgs(tpl, data, out, ['9:16', '4:5']));
    expect(run.stderr).toContain('4 written, 0 already done, 0 row(s) skipped, 0 failed.');
    expect(run.stderr).toContain('lumo: generating 2 shot(s) at 9:16 (native)');
    expect(run.stderr).toContain('lumo: generating 1 shot(s) at 4:5 (native)');
    expect(run.stderr).toMatch(/\] \d\/4 lumo 4:5 \(1 shot\(s\) reframed from 9:16\)/);
    expect(run.stderr).toMatch(/\] \d\/4 lumo 9:16 \(native\)/);
    expect(run.stdout).toMatch(
      /lumo\s+4:5\s+written\s+lumo_4x5\.mp4\s+pending\s+.*cannot make 4:5: reframed from 9:16/,
    );
    // Vidu was asked twice per row: the 16:9 clip and the native 9:16 take; never for 4:5.
    const sent = fake.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/text2video'))
      .map((r) => r.body?.aspect_ratio);
    expect(sent.sort()).toEqual(['16:9', '16:9', '9:16', '9:16']);

    for (const row of ROWS) {
      expect(frameSize(join(out, `${row}_9x16.mp4`))).toBe('720,1280');
      expect(frameSize(join(out, `${row}_4x5.mp4`))).toBe('720,900');
      const { snap, abs } = snapshotOf(join(out, 'projects', row));
      const takesOf = (shotId: string): string[] =>
        snap.takes
          .filter((t) => t.shotId === shotId && t.jobId)
          .map(
            (t) => `${t.aspect ?? 'clip'} ${frameSize(abs(snap.assets.find((a) => a.id === t.assetId)?.path ?? ''))}`,
          )
          .sort();
      // The animatic renders each aspect at its own size; Vidu's fake always returns its one clip.
      expect(takesOf(card)).toEqual(['4:5 720,900', '9:16 720,1280', 'clip 1280,720']);
      expect(takesOf(hero)).toEqual(['9:16 720,480', 'clip 720,480']);
      // The shots' chosen clips are the project-aspect takes, never an aspect take.
      for (const s of snap.shots) expect(snap.takes.find((t) => t.id === s.selectedTakeId)?.aspect).toBeUndefined();
      // Which take each exported shot used (the provenance sidecar's generatedAt names it).
      const used = (file: string): string[] => {
        const sidecar = JSON.parse(readFileSync(join(out, `${file}.provenance.json`), 'utf8')) as {
          shots: { shotId: string; generatedAt: string }[];
        };
        return sidecar.shots.map((x) => {
          const take = snap.takes.find((t) => t.shotId === x.shotId && t.createdAt === x.generatedAt);
          return `${x.shotId === card ? 'card' : 'hero'} ${take?.aspect ?? 'clip'}`;
        });
      };
      expect(used(`${row}_9x16.mp4`)).toEqual(['card 9:16', 'hero 9:16']);
      expect(used(`${row}_4x5.mp4`)).toEqual(['card 4:5', 'hero 9:16']);
    }
  }, 600_000);
});
