/**
 * The Elements library through the real UI and services: an element made with a picture (its
 * thumbnail decodes), attached to a shot in the inspector, its chip on the shot's card; undo
 * takes it off, redo puts it back (one step each). The project style: its prompt and a picture,
 * each one undo step.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

const PNG = realMedia('first-frame-camping.png');

test('create an element with a picture, attach it to a shot, undo and redo', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Elements 元素'), name: 'Elements' });
  await addShot(page, { source: 'text', prompt: '@小明 sets up the tent', durationSec: 1 });

  await page.getByTestId('library-tab-elements').click();
  const panel = page.getByTestId('elements-panel');
  await expect(panel.getByTestId('elements-empty')).toBeVisible();
  await panel.getByTestId('element-name').fill('小明');
  await panel.getByTestId('element-files').setInputFiles(PNG);
  await panel.getByTestId('element-add').click();
  const item = panel.getByTestId('element-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('@小明');
  await expect(panel.getByTestId('elements-empty')).toHaveCount(0);
  const thumb = item.locator('.element-thumb img');
  await expect.poll(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(720);

  // The library shows the elements now: the cards are in the storyboard grid of the centre.
  await page.getByTestId('view-grid').click();
  const card = page.getByTestId('shot-card').first();
  await card.click();
  const field = page.getByTestId('shot-elements');
  // The prompt already names it by @tag; picking it makes that explicit.
  await expect(field.getByTestId('shot-elements-mentioned')).toContainText('@小明');
  await field.getByTestId('element-attach').selectOption({ label: '@小明 · 小明' });
  await expect(field.getByTestId('element-chip')).toHaveCount(1);
  await expect(card.getByTestId('element-chip')).toContainText('@小明');
  await page.screenshot({ path: testInfo.outputPath('element-attached.png'), fullPage: true });

  await page.getByTestId('undo').click();
  await expect(card.getByTestId('element-chip')).toHaveCount(0);
  await expect(item).toHaveCount(1); // undo took the link off, not the element
  await page.getByTestId('redo').click();
  await expect(card.getByTestId('element-chip')).toContainText('@小明');
  expect(problems).toEqual([]);
});

test('set the project style: prompt and a picture, each one undo step', async ({ page, host, problems }) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Style 风格'), name: 'Style' });
  await page.getByTestId('library-tab-elements').click();

  const style = page.getByTestId('style-section');
  await expect(style).toContainText("Added to every shot's prompt");
  const prompt = style.getByTestId('style-prompt');
  await prompt.fill('水彩 watercolour, soft light');
  await prompt.press('Enter');
  await style.getByTestId('style-add-pictures').setInputFiles(PNG);
  const img = style.locator('[data-testid="style-pictures"] img');
  await expect(img).toHaveCount(1);
  await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(720);

  await page.getByTestId('undo').click();
  await expect(img).toHaveCount(0);
  await expect(prompt).toHaveValue('水彩 watercolour, soft light'); // the picture was its own step
  await page.getByTestId('undo').click();
  await expect(prompt).toHaveValue('');
  await page.getByTestId('redo').click();
  await expect(prompt).toHaveValue('水彩 watercolour, soft light');
  expect(problems).toEqual([]);
});
