/**
 * Finding a project in Chromium through `storyboard serve`: the folder browser chooses the
 * open form's folder (navigating from the serve folder, a project marked); the recent list
 * shows a project after it was created and closed, and opens it in one click; creating where
 * a project already exists offers "Open it", which opens that project. The recent list lives
 * in the config folder, which the host fixture makes fresh for each test.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { createProject } from './ui.js';

test('folder browser, recent projects and "Open it"', async ({ page, host, problems }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  const dir = join(host.dir, 'Found 找到');
  await createProject(page, { dir, name: 'Findable' });
  await page.getByTestId('close-project').click();

  // Recent: the project is listed and opens in one click.
  const recent = page.getByTestId('recent-project');
  await expect(recent).toHaveCount(1);
  await expect(recent).toContainText('Findable');
  await expect(recent).toContainText(dir);
  await recent.click();
  await expect(page.getByTestId('project-name')).toHaveText('Findable');
  await page.getByTestId('close-project').click();

  // The folder browser starts at the serve folder; the project is marked; choosing fills the field.
  const open = page.getByTestId('open-project');
  await open.getByTestId('open-folder-browse').click();
  const browser = page.getByTestId('folder-browser');
  await expect(browser.getByTestId('folder-current')).toHaveText(host.dir);
  const entry = browser.getByTestId('folder-entry').filter({ hasText: 'Found 找到' });
  await expect(entry).toContainText('project');
  await page.screenshot({ path: testInfo.outputPath('folder-browser-1280x720-en.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(entry).toContainText('项目');
  await page.screenshot({ path: testInfo.outputPath('folder-browser-1280x720-zh-CN.png') });
  await page.getByTestId('language').selectOption('en');
  await entry.click();
  await expect(browser.getByTestId('folder-current')).toHaveText(dir);
  await browser.getByTestId('folder-up').click();
  await expect(browser.getByTestId('folder-current')).toHaveText(host.dir);
  await entry.click();
  await browser.getByTestId('folder-choose').click();
  await expect(browser).toHaveCount(0);
  await expect(open.getByTestId('open-folder')).toHaveValue(dir);

  // Create where a project exists: refused, with "Open it".
  const create = page.getByTestId('create-project');
  await create.getByLabel('Name').fill('Again');
  await create.getByLabel('Project folder').fill(dir);
  await create.getByRole('button', { name: 'Create project' }).click();
  await expect(create.getByTestId('error-start.create')).toBeVisible();
  await create.getByTestId('open-existing').click();
  await expect(page.getByTestId('project-name')).toHaveText('Findable');
  expect(problems).toEqual([]);
});
