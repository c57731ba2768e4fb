/**
 * Audio lanes through the real UI and services: a file without sound is refused where it was
 * added; a music file (a sine WAV made here) lands on the music lane; dragging it on the
 * canvas moves it (one audio.update) and undo puts it back. The canvas is read through the
 * hidden list of audio items that mirrors it for screen readers.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';

const HORSE = '/work/shared/media/ai-clip-horse-720x480-8fps.mp4';

test('add music to its lane, drag it on the canvas, undo', async ({ page, host, problems }, testInfo) => {
  const wav = join(host.dir, '主题 music.wav');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1:sample_rate=48000', '-af', 'volume=5', '-ac', '2', wav]);
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Audio 音频'), name: 'Audio lanes' });
  await addShot(page, { source: 'clip', file: HORSE, durationSec: 1.5 });
  await page.getByTestId('view-timeline').click();
  const canvas = page.getByTestId('timeline-canvas');
  await expect(canvas).toBeVisible();

  const form = page.getByTestId('add-audio');
  const items = page.getByTestId('audio-item');
  // A clip without sound: refused with the services' message, right at the form.
  await form.getByTestId('audio-file').setInputFiles(HORSE);
  await form.getByTestId('audio-add').click();
  await expect(form.getByTestId('error-audio')).toContainText('audio item needs');
  await expect(items).toHaveCount(0);

  await form.getByTestId('audio-lane').selectOption('music');
  await form.getByTestId('audio-file').setInputFiles(wav);
  await form.getByTestId('audio-add').click();
  await expect(items).toHaveCount(1);
  await expect(form.getByTestId('error-audio')).toHaveCount(0);
  const item = items.first();
  await expect(item).toHaveAttribute('data-lane', 'music');
  await expect(item).toHaveAttribute('data-start', '0');
  await expect(item).toHaveAttribute('data-frames', '24');
  await expect(item).toContainText('主题 music.wav');

  // Calibrate x -> frame by scrubbing the ruler, then park the playhead at 0.
  const box = (await canvas.boundingBox())!;
  const frameAt = async (x: number) => {
    await page.mouse.click(x, box.y + 12);
    return Number(await page.getByTestId('playhead').getAttribute('data-frame'));
  };
  const x0 = box.x + 100;
  const x1 = box.x + 300;
  const f0 = await frameAt(x0);
  const f1 = await frameAt(x1);
  expect(f1).toBeGreaterThan(f0);
  const xAt = (f: number) => x0 + ((f - f0) * (x1 - x0)) / (f1 - f0);
  await frameAt(box.x + 89);

  // The music lane is the first audio lane (geometry.ts LAYOUT: audioTop 126, lanes 38 px).
  const musicY = box.y + 126 + 19;
  await page.mouse.move(xAt(12), musicY);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(xAt(12 + (i * 8) / 8), musicY);
  await page.screenshot({ path: testInfo.outputPath('audio-dragging.png') });
  await page.mouse.up();
  await expect.poll(async () => Number(await item.getAttribute('data-start'))).toBeGreaterThanOrEqual(6);

  await page.getByTestId('undo').click();
  await expect(item).toHaveAttribute('data-start', '0');
  expect(problems).toEqual([]);
});
