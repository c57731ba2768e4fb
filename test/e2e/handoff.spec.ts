/**
 * The export dialog's hand-off part: pick OTIO, export it through the action, see where it was
 * written; screenshots in English and Chinese (artifacts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

test('export the cut as OTIO from the export dialog', async ({ page, host, problems }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  const projectDir = join(host.dir, 'Handoff 交接');
  await createProject(page, { dir: projectDir, name: 'Handoff' });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-horse-720x480-8fps.mp4') });
  await page.getByTestId('open-export').click();
  const handoff = page.getByTestId('handoff-export');
  await handoff.getByTestId('handoff-format').selectOption('otio');
  const out = join(projectDir, 'cut.otio');
  await handoff.getByTestId('handoff-path').fill(out);
  await handoff.getByTestId('handoff-start').click();
  await expect(handoff.getByTestId('handoff-done')).toContainText(out);
  expect(existsSync(out)).toBe(true);
  expect(readFileSync(out, 'utf8')).toContain('"OTIO_SCHEMA": "Timeline.1"');
  await page.screenshot({ path: testInfo.outputPath('handoff-en.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(handoff.getByTestId('handoff-start')).toHaveText('导出');
  await page.screenshot({ path: testInfo.outputPath('handoff-zh-CN.png') });
  expect(problems).toEqual([]);
});
