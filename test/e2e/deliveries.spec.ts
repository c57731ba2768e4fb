/**
 * Several deliverables from the Export dialog: pick presets, one run with a progress row per
 * deliverable, the files made and "Show in folder" (the browser host cannot open a file
 * manager, so it names the folder); a second run canceled leaves no file at any target.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

function probe(file: string): { codec_name: string; width: number; height: number } {
  const out = execFileSync(
    process.env.FFPROBE_PATH ?? 'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height', '-of', 'json', file],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out) as { streams: { codec_name: string; width: number; height: number }[] }).streams[0]!;
}

test('export two deliverables in one run, reveal them, then cancel a run', async ({
  page,
  host,
  problems,
}, testInfo) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  const projectDir = join(host.dir, 'Deliver');
  await createProject(page, { dir: projectDir, name: 'Deliver', resolution: '720p' });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-kitten-720x480-8fps.mp4') });

  await page.getByTestId('open-export').click();
  const panel = page.getByTestId('delivery-panel');
  await expect(panel.getByTestId('delivery-preset-douyin-tiktok')).toBeVisible();
  const start = panel.getByTestId('delivery-start');
  await expect(start).toBeDisabled(); // nothing chosen yet
  await panel.getByTestId('delivery-preset-douyin-tiktok').check();
  await panel.getByTestId('delivery-preset-instagram-1x1').check();
  await expect(start).toHaveText('Export 2 deliverables');
  const folder = join(projectDir, 'out');
  await panel.getByTestId('delivery-folder').fill(folder);
  await panel.getByTestId('delivery-quality').selectOption('draft');
  await start.click();

  const status = panel.getByTestId('delivery-status');
  const rows = panel.getByTestId('delivery-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-id', 'douyin-tiktok');
  await expect(panel.getByRole('progressbar')).toHaveCount(2);
  await expect(status).toHaveAttribute('data-state', 'succeeded', { timeout: 240_000 });
  await expect(rows.nth(0)).toHaveAttribute('data-state', 'succeeded');
  await expect(rows.nth(1)).toHaveAttribute('data-state', 'succeeded');
  await expect(panel.getByTestId('delivery-output')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('deliveries-done.png') });

  const files = readdirSync(folder).filter((f) => f.endsWith('.mp4'));
  expect(files.sort()).toEqual(['Deliver-douyin-tiktok.mp4', 'Deliver-instagram-1x1.mp4']);
  expect(probe(join(folder, 'Deliver-douyin-tiktok.mp4'))).toMatchObject({
    codec_name: 'h264',
    width: 1080,
    height: 1920,
  });
  expect(probe(join(folder, 'Deliver-instagram-1x1.mp4'))).toMatchObject({ width: 1080, height: 1080 });

  await panel.getByTestId('delivery-reveal').first().click();
  await expect(panel.getByTestId('delivery-where')).toContainText(folder);

  // A second run into another folder, canceled while it runs: no file at any target.
  const canceledFolder = join(projectDir, 'canceled');
  await panel.getByTestId('delivery-preset-douyin-tiktok').uncheck();
  await panel.getByTestId('delivery-preset-instagram-1x1').uncheck();
  await panel.getByTestId('delivery-preset-youtube-4k').check();
  await panel.getByTestId('delivery-preset-broadcast-master').check();
  await panel.getByTestId('delivery-folder').fill(canceledFolder);
  await panel.getByTestId('delivery-quality').selectOption('high');
  await start.click();
  await expect(rows.nth(0)).toHaveAttribute('data-state', 'running');
  await panel.getByTestId('delivery-cancel').click();
  await expect(status).toHaveAttribute('data-state', 'canceled', { timeout: 60_000 });
  await expect(rows.nth(0)).toHaveAttribute('data-state', 'canceled');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  const left = existsSync(canceledFolder) ? readdirSync(canceledFolder) : [];
  expect(left).toEqual([]);
  await expect(start).toBeEnabled();
  expect(problems).toEqual([]);
});

test('the deliverables panel in Chinese', async ({ page, host, problems }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByTestId('language').selectOption('zh-CN');
  const create = page.getByTestId('create-project');
  await create.getByLabel('名称').fill('成品');
  await create.getByLabel('项目文件夹').fill(join(host.dir, '成品'));
  await create.getByRole('button', { name: '创建项目' }).click();
  await expect(page.getByTestId('project-name')).toHaveText('成品');
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-kitten-720x480-8fps.mp4') });
  await page.getByTestId('open-export').click();
  const panel = page.getByTestId('delivery-panel');
  await panel.getByTestId('delivery-preset-wechat-channels').check();
  await expect(panel.getByText('微信视频号 9:16')).toBeVisible();
  await expect(panel.getByTestId('delivery-start')).toHaveText('导出 1 个成品');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('deliveries-zh-CN.png') });
  expect(problems).toEqual([]);
});
