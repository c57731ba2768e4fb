/**
 * Template variables through the real UI and services: a shot's prompt uses {{product}} and
 * {{price}}; the Template section lists the variables with their sample values, edits one as one
 * undo step, and shows which variable in which shot is unresolved, in English and in Chinese
 * (screenshots at 1280x720 in both).
 */
import { expect, test } from './fixtures.js';
import { addShot, openNewProject } from './ui.js';

test('define variables, give a sample value (one undo step), see what is unresolved', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await openNewProject(page, host, 'Template 模板', 'Template');
  await addShot(page, { source: 'text', prompt: '{{product}} — only {{price}}', durationSec: 1 });
  await page.getByTestId('library-tab-elements').click();
  const section = page.getByTestId('template-section');
  await section.scrollIntoViewIfNeeded();
  for (const name of ['product', 'price']) {
    await section.getByTestId('template-new-name').fill(name);
    await section.getByTestId('template-add').click();
    await expect(section.getByTestId(`template-value-${name}`)).toBeVisible();
  }
  const unresolved = section.getByTestId('template-unresolved');
  await expect(unresolved).toContainText('Shot 1, prompt: {{product}}');
  await expect(unresolved).toContainText('Shot 1, prompt: {{price}}');

  const value = section.getByTestId('template-value-product');
  await value.fill('Lumo 2');
  await value.press('Enter');
  await expect(unresolved).not.toContainText('{{product}}');
  await expect(unresolved).toContainText('{{price}}');
  await page.screenshot({ path: testInfo.outputPath('template-1280x720-en.png') });

  await page.getByTestId('undo').click();
  await expect(unresolved).toContainText('{{product}}');
  await page.getByTestId('redo').click();
  await expect(unresolved).not.toContainText('{{product}}');

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(unresolved).toContainText('镜头 1，提示词：{{price}}');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('template-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});
