/**
 * What users get wrong or type in: Chinese prompts, markup in prompts (must stay text), a broken
 * file (a specific error where it happened, nothing lost), undo/redo keys, the language switch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject, submitShot } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

test('Chinese prompt with markup, broken upload, undo/redo, 简体中文', async ({ page, host, problems }, testInfo) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, '项目 two'), name: '湖边之夜' });

  const hostile = '黄昏时分湖边的帐篷，篝火闪烁 <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  await addShot(page, { source: 'text', prompt: hostile, durationSec: 1 });
  const cards = page.getByTestId('shot-card');
  await expect(cards.nth(0).getByTestId('shot-prompt')).toHaveText(hostile);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate('window.__xss')).toBeUndefined();

  // A truncated clip: refused with its own message under the form; the document is unchanged.
  const broken = join(host.dir, 'broken clip.mp4');
  writeFileSync(broken, readFileSync(realMedia('ai-clip-horse-720x480-8fps.mp4')).subarray(0, 4096));
  await submitShot(page, { source: 'clip', file: broken });
  const error = page.getByTestId('error-addShot');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText('broken clip.mp4');
  await expect(cards).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('1-broken-file.png'), fullPage: true });

  // Still usable: the next shot goes in and the error goes away.
  await addShot(page, { source: 'text', prompt: '特写：火星升起', durationSec: 1 });
  await expect(cards).toHaveCount(2);

  // Undo/redo from the keyboard go through the services' history.
  await page.getByTestId('project-name').click();
  await page.keyboard.press('Control+z');
  await expect(cards).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1).getByTestId('shot-prompt')).toHaveText('特写：火星升起');

  // Live language switch, kept after a reload.
  await expect(page.getByRole('heading', { name: 'Add a shot' })).toBeVisible();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '添加镜头' })).toBeVisible();
  await expect(page.getByTestId('open-export')).toHaveText('导出…');
  await expect(page.getByTestId('undo')).toHaveAccessibleName('撤销');
  await expect(page.getByRole('heading', { name: 'Add a shot' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: '添加镜头' })).toBeVisible();
  await expect(cards).toHaveCount(2);

  // Chinese text renders on the animatic title cards too.
  await page.getByTestId('generate').click();
  for (let i = 0; i < 2; i++) await expect(cards.nth(i)).toHaveAttribute('data-status', 'take', { timeout: 90_000 });
  await expect(cards.nth(0)).toContainText('已有素材');
  await page.screenshot({ path: testInfo.outputPath('2-zh-generated.png'), fullPage: true });
  expect(await page.evaluate('window.__xss')).toBeUndefined();
  expect(problems).toEqual([]);

  // Even markup that did reach the DOM could not run: the page's CSP refuses inline scripts.
  await page.evaluate(`(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
  })()`);
  expect(await page.evaluate('window.__inline')).toBeUndefined();
  await expect.poll(() => problems.some((p) => p.includes('Content Security Policy'))).toBe(true);
});
