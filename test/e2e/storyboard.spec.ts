/**
 * The main path, all through the UI over the real services: create a project, add a text shot,
 * a first-frame shot and an imported clip, generate animatics, export, and check the file
 * independently with the system ffprobe.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { countVideoFrames, decodeErrors, ffprobeJson } from '../helpers/ffprobe.js';
import { expect, test } from './fixtures.js';
import { addShot, createProject, recordExportProgress } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';
const FPS = 24;

test('prompt, first frame and clip shots to a finished 720p MP4', async ({ page, host, problems }, testInfo) => {
  await page.goto(host.url);
  const projectDir = join(host.dir, 'Lake film 湖');
  await createProject(page, { dir: projectDir, name: 'Lake night', aspect: '16:9', resolution: '720p', fps: '24' });
  await expect(page.getByTestId('project-meta')).toContainText('1280×720');
  await expect(page.getByTestId('project-meta')).toContainText('24 fps');
  await expect(page.getByTestId('empty-shots')).toContainText('No shots yet');

  await addShot(page, {
    source: 'text',
    prompt: 'A wide shot of a tent at dusk, the campfire glowing',
    durationSec: 1,
  });
  await addShot(page, {
    source: 'image',
    file: realMedia('first-frame-camping.png'),
    prompt: 'Slow push in on the campsite',
    camera: 'push_in',
    durationSec: 1,
  });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-horse-720x480-8fps.mp4'), durationSec: 1.5 });
  const expectedFrames = (1 + 1 + 1.5) * FPS;

  const cards = page.getByTestId('shot-card');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toHaveAttribute('data-status', 'none');
  await expect(cards.nth(1)).toHaveAttribute('data-status', 'none');
  await expect(cards.nth(1).locator('img')).toBeVisible();
  await expect(cards.nth(2)).toHaveAttribute('data-status', 'take');
  await expect(cards.nth(1)).toContainText('Push in');
  await page.screenshot({ path: testInfo.outputPath('1-shots.png'), fullPage: true });

  await page.getByTestId('generate').click();
  for (let i = 0; i < 3; i++) await expect(cards.nth(i)).toHaveAttribute('data-status', 'take', { timeout: 90_000 });
  await expect(page.getByTestId('generate')).toBeDisabled();
  // Thumbnails are pictures of the generated takes (media.thumbnail), served through /media with the token.
  const firstThumb = cards.nth(0).locator('.thumb img');
  await expect(firstThumb).toHaveAttribute('src', /\/media\/.+\?token=/);
  await expect
    .poll(() => firstThumb.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('2-generated.png'), fullPage: true });

  await page.getByTestId('open-export').click();
  const exportPanel = page.getByTestId('export-panel');
  const outPath = join(projectDir, 'export.mp4');
  await expect(exportPanel.getByTestId('export-path')).toHaveValue(outPath);
  await exportPanel.getByTestId('export-quality').selectOption('draft');
  const progressSeen = await recordExportProgress(page);
  await exportPanel.getByTestId('export-start').click();
  const status = exportPanel.getByTestId('export-status');
  await expect(status).toHaveAttribute('data-state', 'succeeded', { timeout: 90_000 });
  await expect(status).toContainText(outPath);
  await page.screenshot({ path: testInfo.outputPath('3-exported.png'), fullPage: true });

  const seen = await progressSeen();
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((v) => v >= 0 && v <= 100)).toBe(true);

  expect(existsSync(outPath)).toBe(true);
  const probe = ffprobeJson(outPath);
  const video = probe.streams.filter((s) => s.codec_type === 'video');
  const audio = probe.streams.filter((s) => s.codec_type === 'audio');
  expect(video).toHaveLength(1);
  expect(video[0]).toMatchObject({ width: 1280, height: 720, r_frame_rate: '24/1' });
  expect(audio).toHaveLength(1);
  expect(audio[0]).toMatchObject({ codec_name: 'aac', channels: 2, sample_rate: '48000' });
  expect(Math.abs(countVideoFrames(outPath) - expectedFrames)).toBeLessThanOrEqual(1);
  expect(Math.abs(Number(probe.format.duration) - expectedFrames / FPS)).toBeLessThanOrEqual(1 / FPS);
  expect(decodeErrors(outPath)).toBe('');
  expect(problems).toEqual([]);
});
