/**
 * Outdated takes at a glance: a shot generated with the animatic, then its prompt edited, shows
 * "Outdated" on its card, in the timeline (the clip's badge, mirrored in the clip list) and on
 * the take in the takes gallery; putting the prompt back makes the take current again.
 * Screenshots in en and zh-CN at 1280×720.
 */
import { expect, test } from './fixtures.js';
import { addShot, openNewProject } from './ui.js';

test('a take made from an older prompt is marked outdated on the card, in the timeline and in the gallery', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await openNewProject(page, host, 'lighthouse', 'Lighthouse');
  await addShot(page, { source: 'text', prompt: 'A lighthouse at dusk', durationSec: 2 });
  await addShot(page, { source: 'text', prompt: 'Waves on the rocks', durationSec: 2 });
  const cards = page.getByTestId('shot-card');
  await page.getByTestId('generate').click();
  for (let i = 0; i < 2; i++) await expect(cards.nth(i)).toHaveAttribute('data-status', 'take', { timeout: 90_000 });
  await expect(page.getByTestId('outdated-badge')).toHaveCount(0);
  const clips = page.getByTestId('timeline-clip');
  await expect(clips).toHaveCount(2);
  await expect(clips.nth(0)).toHaveAttribute('data-outdated', 'false');

  await cards.nth(0).click();
  const prompt = page.getByTestId('detail-prompt');
  await prompt.fill('A lighthouse at night, its beam sweeping');
  await prompt.press('Enter');
  await expect(cards.nth(0).getByTestId('outdated-badge')).toHaveText('Outdated');
  await expect(cards.nth(0).getByTestId('outdated-badge')).toHaveAttribute('data-reasons', 'prompt');
  await expect(cards.nth(1).getByTestId('outdated-badge')).toHaveCount(0);
  await expect(clips.nth(0)).toHaveAttribute('data-outdated', 'true');
  await expect(clips.nth(1)).toHaveAttribute('data-outdated', 'false');
  await expect(page.getByTestId('take').getByTestId('outdated-badge')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('outdated-take-1280x720-en.png') });

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(cards.nth(0).getByTestId('outdated-badge')).toHaveText('已过时');
  await page.screenshot({ path: testInfo.outputPath('outdated-take-1280x720-zh-CN.png') });
  await page.getByTestId('language').selectOption('en');

  // Back to the prompt it was made from: current again.
  await prompt.fill('A lighthouse at dusk');
  await prompt.press('Enter');
  await expect(page.getByTestId('outdated-badge')).toHaveCount(0);
  await expect(clips.nth(0)).toHaveAttribute('data-outdated', 'false');
  expect(problems).toEqual([]);
});
