/**
 * Transitions edited on the timeline, and the export cache in Settings, through the real UI and
 * services: the handle over the cut opens the transition into the second shot; a wipe with a
 * direction and a length shortens the cut by the overlap; each change is one undo step. Settings
 * shows the (empty, per-test) export cache with Clear disabled. Screenshots at 1280×720 in en
 * and zh-CN are kept as artifacts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, openNewProject } from './ui.js';

test.use({ serveEnv: { STORYBOARD_CACHE_DIR: mkdtempSync(join(tmpdir(), 'sb e2e cache-')) } });

test('a wipe set on the timeline: kind, direction, length, one undo step each', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await openNewProject(page, host, 'Wipes 擦除', 'Wipes');
  await addShot(page, { source: 'text', prompt: 'a quiet street', durationSec: 2 });
  await addShot(page, { source: 'text', prompt: 'the same street at night', durationSec: 2 });
  const meta = page.getByTestId('project-meta');
  await expect(meta).toContainText('4.0 s');

  const handle = page.getByTestId('transition-handle-1');
  await expect(handle).toHaveAttribute('aria-label', /shot 1 and shot 2: Cut/);
  await handle.click();
  const pop = page.getByTestId('transition-popover');
  await expect(pop).toBeVisible();
  // Whole inside the 1280x720 window (it was clipped by the timeline's bottom edge).
  const inWindow = async () => {
    const box = await pop.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(720);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  };
  await expect(pop).toHaveAttribute('data-side', /below|above/);
  await inWindow();
  await pop.getByTestId('transition-kind').selectOption('wipe');
  // A new transition starts at half a second (12 frames at 24 fps), going left.
  await expect(pop.getByTestId('transition-frames')).toHaveValue('12');
  await expect(pop.getByTestId('transition-direction')).toHaveValue('left');
  await expect(meta).toContainText('3.5 s');
  await pop.getByTestId('transition-direction').selectOption('right');
  await expect(handle).toHaveAttribute('aria-label', /Wipe · Right/);
  const frames = pop.getByTestId('transition-frames');
  await frames.fill('24');
  await frames.press('Enter');
  await expect(meta).toContainText('3.0 s');
  await inWindow();
  await page.screenshot({ path: testInfo.outputPath('timeline-transition-1280x720-en.png') });

  // Undo: the length, then the direction, each one step.
  await pop.getByTestId('transition-popover-close').click();
  await expect(pop).toHaveCount(0);
  await page.getByTestId('project-name').click();
  await page.keyboard.press('Control+z');
  await expect(meta).toContainText('3.5 s');
  await expect(handle).toHaveAttribute('aria-label', /Wipe · Right/);
  await page.keyboard.press('Control+z');
  await expect(handle).toHaveAttribute('aria-label', /Wipe · Left/);

  await page.getByTestId('language').selectOption('zh-CN');
  await handle.click();
  await expect(page.getByTestId('transition-popover')).toContainText('擦除');
  await inWindow();
  await page.screenshot({ path: testInfo.outputPath('timeline-transition-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});

test('Settings shows the export cache and its Clear button', async ({ page, host, problems }, testInfo) => {
  await openNewProject(page, host, 'Cache', 'Cache');
  await page.getByTestId('open-settings').click();
  const section = page.getByTestId('settings-cache');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByTestId('cache-usage')).toContainText('0.0 MB of 4.3 GB · 0 segments');
  await expect(section.getByTestId('cache-clear')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('settings-cache-1280x720-en.png') });
  await page
    .getByTestId('language')
    .selectOption('zh-CN')
    .catch(() => undefined);
  await expect(section).toContainText('导出缓存');
  await page.screenshot({ path: testInfo.outputPath('settings-cache-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});
