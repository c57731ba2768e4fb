/** An export canceled from the UI is shown as canceled (not failed) and leaves no file behind. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

test('cancel a running export', async ({ page, host, problems }, testInfo) => {
  await page.goto(host.url);
  const projectDir = join(host.dir, 'Slow export');
  // 4K at high quality from a 6 s clip: slow enough to cancel while it runs.
  await createProject(page, { dir: projectDir, name: 'Slow export', resolution: '4k' });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-kitten-720x480-8fps.mp4') });

  await page.getByTestId('open-export').click();
  const panel = page.getByTestId('export-panel');
  await panel.getByTestId('export-quality').selectOption('high');
  await panel.getByTestId('export-start').click();
  const status = panel.getByTestId('export-status');
  await expect(status).toHaveAttribute('data-state', 'running');
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await panel.getByTestId('export-cancel').click();
  await expect(status).toHaveAttribute('data-state', 'canceled', { timeout: 30_000 });
  await expect(status).toHaveText('Export canceled.');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('canceled.png'), fullPage: true });

  expect(existsSync(join(projectDir, 'export.mp4'))).toBe(false);
  // The temp file next to the target is gone too (MEDIA-2).
  await expect.poll(() => readdirSync(projectDir).filter((f) => f.includes('export'))).toEqual([]);
  await expect(panel.getByTestId('export-start')).toBeEnabled();
  expect(problems).toEqual([]);
});
