/**
 * Track header switches through the real UI and services: mute on the music track takes its
 * item out of the preview (the player's <audio> elements, as audio.spec.ts reads them) and is
 * one undo step; solo on another track silences it too; lock refuses a drag of the music item
 * with a translated message and leaves it where it was. Screenshots in en and zh-CN at 1280x720.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

const HORSE = realMedia('ai-clip-horse-720x480-8fps.mp4');

test('mute, solo and lock in the track headers', async ({ page, host, problems }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const wav = join(host.dir, 'music 音乐.wav');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-ac', '2', wav]);
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Tracks 轨道'), name: 'Tracks' });
  await addShot(page, { source: 'clip', file: HORSE, durationSec: 1.5 });
  await page.getByTestId('view-timeline').click();
  const canvas = page.getByTestId('timeline-canvas');
  await expect(canvas).toBeVisible();
  await page.getByTestId('library-tab-audio').click();
  const form = page.getByTestId('add-audio');
  await form.getByTestId('audio-lane').selectOption('music');
  await form.getByTestId('audio-file').setInputFiles(wav);
  await form.getByTestId('audio-add').click();
  const item = page.getByTestId('audio-item');
  await expect(item).toHaveCount(1);
  const playing = page.locator('[data-testid="player-audio"] audio');
  await expect(playing).toHaveCount(1);

  // Every track has its three switches, named for screen readers.
  for (const track of ['shots', 'dialogue', 'music', 'voiceover', 'sfx']) {
    for (const sw of ['muted', 'solo', 'locked']) await expect(page.getByTestId(`track-${sw}-${track}`)).toBeVisible();
  }
  const mute = page.getByRole('button', { name: 'Mute Music' });
  await expect(mute).toHaveAttribute('aria-pressed', 'false');

  // Mute: the preview drops the item; the lane is veiled; one undo step brings it back.
  await mute.click();
  const unmute = page.getByRole('button', { name: 'Unmute Music' });
  await expect(unmute).toHaveAttribute('aria-pressed', 'true');
  await expect(playing).toHaveCount(0);
  await expect(page.getByTestId('track-veil-music')).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(mute).toHaveAttribute('aria-pressed', 'false');
  await expect(playing).toHaveCount(1);

  // Solo another track: music is silent while it is soloed.
  await page.getByTestId('track-solo-sfx').click();
  await expect(page.getByTestId('track-solo-sfx')).toHaveAttribute('aria-pressed', 'true');
  await expect(playing).toHaveCount(0);
  await page.getByTestId('track-solo-sfx').click();
  await expect(playing).toHaveCount(1);

  // Lock: a drag of the music item is refused with the translated reason; it stays put.
  await page.getByTestId('track-locked-music').click();
  await expect(page.getByTestId('track-locked-music')).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: testInfo.outputPath('track-headers-1280x720-en.png') });
  const box = (await canvas.boundingBox())!;
  const musicY = box.y + 126 + 19;
  await page.mouse.move(box.x + 100, musicY);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 100 + i * 12, musicY);
  await page.mouse.up();
  await expect(page.getByTestId('error-app')).toContainText('Music track is locked');
  await expect(item).toHaveAttribute('data-start', '0');

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '解锁音乐' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('error-app')).toContainText('音乐轨道已锁定');
  await page.screenshot({ path: testInfo.outputPath('track-headers-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});
