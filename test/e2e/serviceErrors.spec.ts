/**
 * A service error that arrives after the command started (the export's progress event) is
 * shown in the user's language: in zh-CN an export to a folder that does not exist says so in
 * Chinese, with the path, never the English sentence. Screenshots in en and zh-CN at 1280×720.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { addShot, createProject, openNewProject } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

test('an export to a missing folder fails in the UI language (en, then zh-CN)', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await openNewProject(page, host, 'harbour', 'Harbour');
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

/**
 * The audited error paths (test/integration/facade/errorPaths.test.ts) as the user meets them in
 * Chinese: a folder that holds no project, a hand-off export to a folder that does not exist, a
 * script file in neither UTF-8 nor GB18030. Each is a specific Chinese sentence naming the path
 * or file, with no English left. Screenshots at 1280×720 in zh-CN.
 */
test('in zh-CN: opening a non-project folder, a hand-off to a missing folder, a script in the wrong encoding', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByTestId('language').selectOption('zh-CN');
  /** The Latin words a message shows once the paths and file names the user gave are taken out. */
  const latinLeft = async (el: Locator, ...verbatim: string[]) => {
    let text = (await el.textContent()) ?? '';
    for (const v of verbatim) text = text.split(v).join(' ');
    return text.match(/[A-Za-z][A-Za-z0-9.]*/g) ?? [];
  };

  // Open: a folder with no project in it.
  const empty = join(host.dir, '空文件夹');
  mkdirSync(empty, { recursive: true });
  const open = page.getByTestId('open-project');
  await open.getByTestId('open-folder').fill(empty);
  await open.locator('button[type="submit"]').click();
  const openError = page.getByTestId('error-start.open');
  await expect(openError).toContainText(`${empty} 中没有 Storyboard 项目（找不到 project.db）。`);
  expect(await latinLeft(openError, empty, 'project.db')).toEqual(['Storyboard']);
  await page.screenshot({ path: testInfo.outputPath('open-not-project-1280x720-zh-CN.png') });

  // Hand-off: an EDL to a folder that does not exist.
  // (A shot with a clip: hand-off needs a cut to get as far as its target.)
  await page.getByTestId('language').selectOption('en');
  await createProject(page, { dir: join(host.dir, 'harbour 港口'), name: 'Harbour' });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-horse-720x480-8fps.mp4') });
  await page.getByTestId('language').selectOption('zh-CN');
  await page.getByTestId('open-export').click();
  const handoff = page.getByTestId('handoff-export');
  await handoff.getByTestId('handoff-format').selectOption('edl');
  const missing = join(host.dir, '没有这个文件夹', 'cut.edl');
  await handoff.getByTestId('handoff-path').fill(missing);
  await handoff.getByTestId('handoff-start').click();
  const exportError = page.getByTestId('error-export');
  await expect(exportError).toContainText(`无法导出到 ${missing}：文件夹 ${join(host.dir, '没有这个文件夹')} 不存在。`);
  expect(await latinLeft(exportError, missing, join(host.dir, '没有这个文件夹'))).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('handoff-missing-folder-1280x720-zh-CN.png') });
  await page.keyboard.press('Escape');

  // Script import: bytes that are neither UTF-8 nor GB18030.
  await page.getByTestId('script-import').locator('summary').click();
  await page.getByTestId('script-import-file').setInputFiles({
    name: '剧本.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x49, 0x4e, 0x54, 0x2e, 0x80, 0xff, 0x0a]),
  });
  const scriptProblem = page.getByTestId('script-import-problem');
  await expect(scriptProblem).toHaveText(
    '“剧本.txt”既不是 UTF-8 也不是 GB18030（GBK）编码的文本，无法读取。请另存为 UTF-8 后重新导入。',
  );
  await scriptProblem.scrollIntoViewIfNeeded();
  await expect(scriptProblem).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('script-encoding-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});
