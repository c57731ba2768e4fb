/**
 * A service error that arrives after the command started (the export's progress event) is
 * shown in the user's language: in zh-CN an export to a folder that does not exist says so in
 * Chinese, with the path, never the English sentence. Screenshots in en and zh-CN at 1280×720.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';

test('an export to a missing folder fails in the UI language (en, then zh-CN)', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'harbour'), name: 'Harbour' });
  await addShot(page, { source: 'text', prompt: 'a harbour at dawn', durationSec: 2 });
  const missing = join(host.dir, 'no such folder', 'cut.mp4');

  const exportTo = async () => {
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-path').fill(missing);
    await page.getByTestId('export-start').click();
    const status = page.getByTestId('export-status');
    await expect(status).toHaveAttribute('data-state', 'failed');
    return status;
  };

  const en = await exportTo();
  await expect(en).toContainText('Cannot export to');
  await expect(en).toContainText('does not exist');
  await page.screenshot({ path: testInfo.outputPath('export-missing-folder-1280x720-en.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('language').selectOption('zh-CN');
  const zh = await exportTo();
  await expect(zh).toContainText(`无法导出到 ${missing}：文件夹 ${join(host.dir, 'no such folder')} 不存在。`);
  await expect(zh).not.toContainText('Cannot export');
  await expect(zh).not.toContainText('does not exist');
  await page.screenshot({ path: testInfo.outputPath('export-missing-folder-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});
