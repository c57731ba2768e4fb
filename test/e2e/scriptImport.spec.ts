/**
 * Script import through the real UI and services: the Chinese sample chosen in the library's
 * "Import script" section shows a proposal (summary, characters, shots with checkboxes and
 * editable prompts); one shot is edited and one left out; "Import selected" adds the rest as
 * ONE undo step (undo removes every imported shot, redo brings them back). A malformed script
 * shows its line-numbered error and cannot be imported.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures.js';
import { createProject } from './ui.js';

const SAMPLE = resolve('test/fixtures/script/chinese-sample.txt');

test('import a script: review, edit, accept some, one undo step', async ({ page, host, problems }, testInfo) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Script 剧本'), name: 'Script' });
  const section = page.getByTestId('script-import');
  await section.locator('summary').click();
  await page.getByTestId('script-import-file').setInputFiles(SAMPLE);
  await expect(page.getByTestId('script-summary')).toHaveText('Chinese script: 3 scenes, 4 shots, 5 dialogue lines');
  await expect(page.getByTestId('script-characters')).toContainText('小李 (new)');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: testInfo.outputPath('script-import-en.png') });

  await page.getByTestId('script-shot-s1.1').getByLabel('Prompt').fill('Steam rises from the baskets');
  await page.getByTestId('script-shot-s3.1').getByRole('checkbox').uncheck();
  await page.getByTestId('script-accept-some').click();
  await expect(page.getByTestId('script-proposal')).toHaveCount(0);
  await expect(page.getByTestId('shot-card')).toHaveCount(3);
  await expect(page.getByTestId('shot-card').first()).toContainText('Steam rises from the baskets');

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('shot-card')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('shot-card')).toHaveCount(3);

  const bad = join(host.dir, 'bad.fountain');
  writeFileSync(bad, 'INT. HOUSE - DAY\n\nBOB\nHi.\n\n/* never closed\n');
  await section.locator('summary').click();
  await page.getByTestId('script-import-file').setInputFiles(bad);
  await expect(page.getByTestId('script-issues')).toContainText('Line 6: a boneyard “/*” is never closed');
  await expect(page.getByTestId('script-accept-all')).toBeDisabled();
  expect(problems).toEqual([]);
});
