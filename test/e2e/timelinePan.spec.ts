/**
 * Panning and zooming the 500-shot timeline of the UI bench page (test/bench/ui, our real
 * <Timeline>): a pan inside one bucket of the mounted range (drawWindow.ts) renders no React
 * component of the canvas or its DOM overlays; the scrolled groups move instead. A long pan
 * renders once per bucket and keeps only the clips near the view mounted. A zoom step renders
 * the canvas only: the DOM overlays follow in idle time. Counts renders, never times.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serve } from '../bench/browser.js';

interface BenchPage {
  ready(): boolean;
  setZoom(pxPerFrame: number, scrollFrame: number): void;
  probe(on: boolean): void;
  renders(): Record<string, number>;
  frame(): Promise<number>;
  hop(): Promise<void>;
  idle(): Promise<void>;
  pan(dxPx: number): void;
  zoom(factor: number): void;
  domChanges(): number;
  scrolledGroupXs(): number[];
}
type Win = { bench: BenchPage };

let dir = '';
let server: Server | null = null;
let url = '';

test.beforeAll(() => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'storyboard-pan-page-'));
  const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(
    process.execPath,
    [vite, 'build', 'test/bench/ui', '--outDir', dir, '--emptyOutDir', '--base', './', '--logLevel', 'error'],
    { stdio: 'inherit' },
  );
  expect(built.status).toBe(0);
});
test.beforeAll(async () => {
  ({ server, url } = await serve(dir));
});
test.afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The bench page at 0.5 px per frame, scrolled to frame 4000: the mounted range starts at a
 * bucket edge ((4000 - 160 / 0.5) is a multiple of the 160-frame bucket), so 60 px to the
 * right stay in it. Returns once nothing has rendered for 20 frames (filmstrips load and clips
 * settle first).
 */
async function openAtFrame4000(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${url}?shots=500`);
  await page.waitForFunction(() => (globalThis as unknown as Win).bench?.ready() === true);
  await page.evaluate(async () => {
    const b = (globalThis as unknown as Win).bench;
    b.setZoom(0.5, 4000);
    b.probe(true);
    for (let quiet = 0; quiet < 20;) {
      b.probe(true);
      await b.frame();
      quiet = Object.keys(b.renders()).length === 0 ? quiet + 1 : 0;
    }
    b.probe(false);
  });
}

test('a pan inside a bucket renders nothing and moves the scrolled groups; a long pan keeps the mount culled', async ({
  page,
}) => {
  await openAtFrame4000(page);
  const before = await page.evaluate(() => (globalThis as unknown as Win).bench.scrolledGroupXs());
  expect(before.length).toBeGreaterThanOrEqual(3); // shots, selection, overlay
  const renders = await page.evaluate(async () => {
    const b = (globalThis as unknown as Win).bench;
    b.probe(true);
    for (let i = 0; i < 30; i++) {
      b.pan(2);
      await b.frame();
    }
    const r = b.renders();
    b.probe(false);
    return r;
  });
  expect(renders).toEqual({});
  const after = await page.evaluate(() => (globalThis as unknown as Win).bench.scrolledGroupXs());
  expect(after).toEqual(before.map((x) => x - 60));

  // 2,000 px of panning: one render of the shots layer per 80 px bucket at most, and only
  // clips near the view stay mounted (the hidden list mirrors what the canvas holds).
  const long = await page.evaluate(async () => {
    const b = (globalThis as unknown as Win).bench;
    b.probe(true);
    for (let i = 0; i < 80; i++) {
      b.pan(25);
      await b.frame();
    }
    const r = b.renders();
    b.probe(false);
    return r;
  });
  expect(long.ShotsLayer ?? 0).toBeGreaterThan(0);
  expect(long.ShotsLayer ?? 0).toBeLessThanOrEqual(2000 / 80 + 1);
  expect(long.RulerShape ?? 0).toBe(0);
  // The hidden list follows the mounted clips in the next idle period (clipReport.ts).
  await page.evaluate(() => (globalThis as unknown as Win).bench.idle());
  const numbers = (
    await page.getByTestId('timeline-clip').evaluateAll((li) => li.map((l) => l.getAttribute('data-number')))
  ).map(Number);
  // The view now starts at frame 4000 + 2060 / 0.5 = 8120 and is about 1300 px (2600 frames) wide;
  // clips are 48-144 frames: everything mounted lies within the view plus its overscan.
  expect(numbers.length).toBeGreaterThan(10);
  expect(numbers.length).toBeLessThan(60);
  expect(Math.min(...numbers)).toBeGreaterThan(70);
  expect(Math.max(...numbers)).toBeLessThan(135);
});

test('a pan that crosses buckets mounts their clips in idle time: no step renders a component', async ({ page }) => {
  await openAtFrame4000(page);
  // The UI bench's pan (60 steps of 25 px right, 60 back: a bucket of 80 px every 3.2 steps),
  // with the idle period that follows each frame of a real pan. Renders inside a step (the
  // step and the render it causes, in that task) are counted apart from those in idle time.
  const { inSteps, idle } = await page.evaluate(async () => {
    const b = (globalThis as unknown as Win).bench;
    const add = (sum: Record<string, number>, counts: Record<string, number>) => {
      for (const [k, n] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + n;
    };
    const inSteps: Record<string, number> = {};
    const idle: Record<string, number> = {};
    for (let i = 0; i < 120; i++) {
      b.probe(true);
      b.pan(i < 60 ? 25 : -25);
      await b.hop();
      add(inSteps, b.renders());
      b.probe(true);
      // The mount ahead was asked for in the step: it runs before this later idle callback.
      await b.idle();
      add(idle, b.renders());
    }
    b.probe(false);
    return { inSteps, idle };
  });
  expect(inSteps).toEqual({});
  // 3,000 px of panning crosses 37 buckets: each is mounted ahead (a reversal may mount two at once).
  expect(idle.ShotsLayer ?? 0).toBeGreaterThan(20);
  expect(idle.ShotsLayer ?? 0).toBeLessThanOrEqual(3000 / 80 + 1);
  expect(idle.ShotClip ?? 0).toBeGreaterThan(0);
  // The mount stays culled: the view is back at frame 4000 (1312 px, 2624 frames wide).
  await page.evaluate(() => (globalThis as unknown as Win).bench.idle());
  const numbers = (
    await page.getByTestId('timeline-clip').evaluateAll((li) => li.map((l) => l.getAttribute('data-number')))
  ).map(Number);
  expect(Math.min(...numbers)).toBeGreaterThan(25);
  expect(Math.max(...numbers)).toBeLessThan(90);
});

test('a zoom step renders the canvas only: the transition handles and the hidden clip list follow in idle time', async ({
  page,
}) => {
  await openAtFrame4000(page);
  // 20 steps out (more clips and fewer handles fit), 20 back in, with the idle period that
  // follows each frame of a real zoom. DOM changes and renders inside a step (the step and the
  // render it causes, in that task) are counted apart from those in idle time.
  const r = await page.evaluate(async () => {
    const b = (globalThis as unknown as Win).bench;
    const add = (sum: Record<string, number>, counts: Record<string, number>) => {
      for (const [k, n] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + n;
    };
    const inSteps: Record<string, number> = {};
    const idle: Record<string, number> = {};
    let domInSteps = 0;
    let domIdle = 0;
    for (let i = 0; i < 40; i++) {
      b.probe(true);
      b.domChanges();
      b.zoom(i < 20 ? 1 / 1.06 : 1.06);
      await b.hop();
      add(inSteps, b.renders());
      domInSteps += b.domChanges();
      b.probe(true);
      await b.idle();
      add(idle, b.renders());
      domIdle += b.domChanges();
    }
    b.probe(false);
    return { inSteps, idle, domInSteps, domIdle };
  });
  // The canvas follows every step; no DOM element is added or removed inside one.
  expect(r.inSteps.ShotsLayer ?? 0).toBeGreaterThanOrEqual(40);
  expect(r.inSteps.TransitionHandles ?? 0).toBe(0);
  expect(r.domInSteps).toBe(0);
  // In idle time the handles and the list do change: zooming out mounts clips, drops handles.
  expect(r.idle.TransitionHandles ?? 0).toBeGreaterThan(0);
  expect(r.domIdle).toBeGreaterThan(0);
});
