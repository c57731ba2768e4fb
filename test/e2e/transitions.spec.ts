/**
 * Transitions through the real UI and services: the inspector sets a crossfade into the second
 * shot, the cut gets shorter by the overlap (the header's length, from the same cut model as
 * the player, timeline and export), a longer one is clamped to half a shot, and undo restores it.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

test('a crossfade from the inspector shortens the cut; undo restores it', async ({ page, host, problems }) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Fades 淡化'), name: 'Fades' });
  await addShot(page, { source: 'text', prompt: 'a quiet street', durationSec: 2 });
  await addShot(page, { source: 'text', prompt: 'the same street at night', durationSec: 2 });
  const meta = page.getByTestId('project-meta');
  await expect(meta).toContainText('4.0 s');
  const cards = page.getByTestId('shot-card');

  await cards.nth(0).click();
  await expect(page.getByTestId('detail-transition')).toHaveCount(0); // nothing to fade from
  await cards.nth(1).click();
  await page.getByTestId('transition-kind').selectOption('crossfade');
  // A new transition starts at half a second: 12 frames at 24 fps.
  await expect(page.getByTestId('transition-frames')).toHaveValue('12');
  await expect(meta).toContainText('3.5 s');

  const frames = page.getByTestId('transition-frames');
  await frames.fill('100');
  await frames.press('Enter');
  // Clamped to half a 48-frame shot.
  await expect(page.getByTestId('detail-transition')).toContainText('Plays 24 frames');
  await expect(meta).toContainText('3.0 s');

  await page.getByTestId('project-name').click();
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(meta).toContainText('3.5 s');
  expect(problems).toEqual([]);
});

test('the preview blends the two shots inside a crossfade', async ({ page, host, problems }) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Blend'), name: 'Blend' });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-horse-720x480-8fps.mp4'), durationSec: 1.5 });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-kitten-720x480-8fps.mp4'), durationSec: 1.5 });
  const cards = page.getByTestId('shot-card');
  await cards.nth(1).click();
  await page.getByTestId('transition-kind').selectOption('crossfade');
  await expect(page.getByTestId('transition-frames')).toHaveValue('12');
  await page.getByTestId('project-name').click();
  // Shot 1 plays 1.5 s = 36 frames; the fade runs over frames 24..35: at frame 30 the incoming
  // picture is half opaque on top of the outgoing one (the export's xfade weight, 6/12).
  await expect(cards.nth(0)).toContainText('1.5 s');
  await page.keyboard.press('Home');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await page.getByTestId('playhead').getAttribute('data-frame'))).toBe(30);
  const videos = page.locator('video.player-video[data-active="true"]');
  await expect(videos).toHaveCount(2);
  const opacities = await videos.evaluateAll((els) =>
    els.map((el) => (el as { style: { opacity: string } }).style.opacity).sort(),
  );
  expect(opacities).toEqual(['0.5', '1']);
  expect(problems).toEqual([]);
});
