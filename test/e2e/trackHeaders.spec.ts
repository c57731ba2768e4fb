/**
 * Track header switches through the real UI and services: mute on the music track takes its
 * item out of the preview (the player's <audio> elements, as audio.spec.ts reads them) and is
 * one undo step; solo on another track silences it too; lock refuses a drag of the music item
 * with a translated message and leaves it where it was. Screenshots in en and zh-CN at 1280x720.
 */
import { expect, test } from './fixtures.js';
import { timelineWithMusic } from './ui.js';

test('mute, solo and lock in the track headers', async ({ page, host, problems }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const canvas = await timelineWithMusic(page, host, { dir: 'Tracks 轨道', name: 'Tracks', wav: 'music 音乐.wav' });
  const item = page.getByTestId('audio-item');
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
