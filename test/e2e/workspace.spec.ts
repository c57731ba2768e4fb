/**
 * The NLE workspace through `storyboard serve` in Chromium: the Viewer, Timeline, Inspector and
 * Library regions are all on screen and the page itself does not scroll, at 1280×720 and
 * 1920×1080, in English and Chinese. Screenshots are kept as artifacts.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { createProject, openNewProject } from './ui.js';

const names = (lang: 'en' | 'zh-CN') =>
  (
    JSON.parse(readFileSync(`renderer/src/i18n/${lang}/workspace.json`, 'utf8')) as {
      workspace: { regions: Record<string, string> };
    }
  ).workspace.regions;

async function pasteShots(page: Page, lines: string[]): Promise<void> {
  await page.getByTestId('paste-shots').locator('summary').click();
  await page.getByTestId('paste-shots-input').fill(lines.join('\n'));
  await page.getByTestId('paste-shots-submit').click();
}

async function expectWorkspace(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  const n = names(lang);
  for (const region of [n.viewer, n.timeline, n.inspector, n.library]) {
    const r = page.getByRole('region', { name: region, exact: true });
    await expect(r).toBeVisible();
    const box = (await r.boundingBox())!;
    const vp = page.viewportSize()!;
    // Inside the window, and big enough to use.
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(vp.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height + 0.5);
    expect(box.width).toBeGreaterThan(150);
    expect(box.height).toBeGreaterThan(150);
  }
  // The page never scrolls: each pane scrolls inside itself.
  const doc = (await page.evaluate(
    '({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight, w: innerWidth, h: innerHeight })',
  )) as { sw: number; sh: number; w: number; h: number };
  expect(doc.sw).toBeLessThanOrEqual(doc.w);
  expect(doc.sh).toBeLessThanOrEqual(doc.h);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`workspace regions at ${size.width}×${size.height}, en and zh-CN, no page scroll`, async ({
    page,
    host,
    problems,
  }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto(host.url);
    await createProject(page, { dir: join(host.dir, 'Layout 布局'), name: 'Layout' });
    await pasteShots(page, [
      'A lighthouse at dawn | 3s | push_in',
      'Waves on the rocks | 2s',
      'A gull lands | 1s | static',
    ]);
    await expect(page.getByTestId('shot-card')).toHaveCount(3);
    await expectWorkspace(page, 'en');
    await page.screenshot({ path: testInfo.outputPath(`workspace-${size.width}x${size.height}-en.png`) });
    await page.getByTestId('view-grid').click();
    await expectWorkspace(page, 'en');
    await page.screenshot({ path: testInfo.outputPath(`workspace-grid-${size.width}x${size.height}-en.png`) });
    await page.getByTestId('view-timeline').click();
    await page.getByTestId('language').selectOption('zh-CN');
    await expectWorkspace(page, 'zh-CN');
    await page.screenshot({ path: testInfo.outputPath(`workspace-${size.width}x${size.height}-zh-CN.png`) });
    expect(problems).toEqual([]);
  });
}

test('a selection change paints what the inspector shows at once; only sections below the view follow, never showing another shot', async ({
  page,
  host,
  problems,
}) => {
  await openNewProject(page, host, 'Paint', 'Paint');
  await pasteShots(page, ['First light', 'Second wave']);
  const cards = page.getByTestId('shot-card');
  await expect(cards).toHaveCount(2);
  await cards.nth(0).click();
  await expect(page.getByTestId('detail-prompt')).toHaveValue('First light');
  // What the page shows when the click's dispatch ends: React has committed the selection's
  // urgent render (a discrete event's update is flushed before the next listener runs) and
  // not yet the deferred one (a later task), so this is what the click's frame paints.
  // (A string: the e2e tests compile without the DOM library.)
  await page.evaluate(`window.addEventListener('click', () => {
    const detail = document.querySelector('[data-testid="shot-detail"]');
    const fields = document.querySelector('[data-testid="shot-detail-fields"]');
    const more = document.querySelector('[data-testid="shot-detail-more"]');
    const pane = document.querySelector('[data-testid="region-inspector"] .pane-scroll');
    window.seen = {
      heading: document.getElementById('detail-title')?.textContent ?? '',
      prompt: document.querySelector('[data-testid="detail-prompt"]')?.value ?? null,
      fieldsShot: fields && !fields.hidden ? fields.dataset.shotId === detail.dataset.shotId : false,
      // The sections below wait only while they are out of view, and never show the old shot.
      more: more.hidden
        ? fields.getBoundingClientRect().bottom >= pane.getBoundingClientRect().bottom
          ? 'waiting below the view'
          : 'hidden in view'
        : more.dataset.shotId === detail.dataset.shotId
          ? 'this shot'
          : 'another shot',
    };
  }, { once: true })`);
  await cards.nth(1).click();
  const seen = (await page.evaluate('window.seen')) as Record<string, unknown>;
  expect(seen).toMatchObject({ heading: 'Shot 2', prompt: 'Second wave', fieldsShot: true });
  expect(['waiting below the view', 'this shot']).toContain(seen.more);
  await expect(page.getByTestId('shot-detail-more')).toBeVisible();
  await expect(page.getByTestId('takes')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a selection change redraws only the timeline selection layer, never the shots layer', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await openNewProject(page, host, 'Layers', 'Layers');
  await pasteShots(page, ['One | 3s', 'Two | 3s', 'Three | 3s']);
  const cards = page.getByTestId('shot-card');
  await expect(cards).toHaveCount(3);
  await cards.nth(0).click();
  // The stage's canvases, one per layer: static, shots, selection, overlay (which draws the ruler).
  const layers = async () =>
    (await page.evaluate(
      `Array.from(document.querySelectorAll('[data-testid="timeline-canvas"] canvas')).map((c) => c.toDataURL())`,
    )) as string[];
  // Settled: clips are cached into bitmaps a moment after they stop changing; wait until two reads agree.
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await layers());
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  const before = await layers();
  expect(before).toHaveLength(4);
  await cards.nth(1).click();
  await expect.poll(async () => (await layers())[2]).not.toBe(before[2]);
  expect((await layers())[1]).toBe(before[1]);
  await page.screenshot({ path: testInfo.outputPath('timeline-selection-1280x720-en.png') });
  expect(problems).toEqual([]);
});
