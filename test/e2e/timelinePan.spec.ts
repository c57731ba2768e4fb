/**
 * Panning the 500-shot timeline of the UI bench page (test/bench/ui, our real <Timeline>):
 * a pan inside one bucket of the mounted range (drawWindow.ts) renders no React component of
 * the canvas or its DOM overlays; the scrolled groups move instead. A long pan renders once per
 * bucket and keeps only the clips near the view mounted. Counts renders, never times.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serve } from '../bench/browser.js';

interface BenchPage {
  ready(): boolean;
  setZoom(pxPerFrame: number, scrollFrame: number): void;
  probe(on: boolean): void;
  renders(): Record<string, number>;
  frame(): Promise<number>;
  pan(dxPx: number): void;
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

test('a pan inside a bucket renders nothing and moves the scrolled groups; a long pan keeps the mount culled', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${url}?shots=500`);
  await page.waitForFunction(() => (globalThis as unknown as Win).bench?.ready() === true);
  // 0.5 px per frame, scrolled to frame 4000: the mounted range starts at a bucket edge
  // ((4000 - 160 / 0.5) is a multiple of the 160-frame bucket), so 60 px to the right stay in it.
  // Then wait until nothing renders for 20 frames (filmstrips load and clips settle first).
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
