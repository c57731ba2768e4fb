/**
 * A 20-shot film in minutes: 20 lines pasted into the library (one undo step), generated with
 * the offline animatic, every shot number and filmstrip drawn on the timeline after zoom to
 * fit, then exported and checked with ffprobe.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { countVideoFrames } from '../helpers/ffprobe.js';
import { expect, test } from './fixtures.js';
import { createProject } from './ui.js';

const MOVES = ['push_in', 'static', 'pan_left', 'pull_out', 'tilt_up'];
const LINES = Array.from(
  { length: 20 },
  (_, i) => `Shot ${i + 1}: the lighthouse keeper, hour ${i + 1} | 1s | ${MOVES[i % MOVES.length]}`,
);

test('20 pasted lines to an exported film, every number and filmstrip on the fitted timeline', async ({
  page,
  host,
  problems,
}, testInfo) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  const dir = join(host.dir, 'Twenty 二十');
  await createProject(page, { dir, name: 'Twenty shots' });
  await page.getByTestId('paste-shots').locator('summary').click();
  await page.getByTestId('paste-shots-input').fill(LINES.join('\n'));
  await expect(page.getByTestId('paste-shots-submit')).toHaveText('Add 20 shots');
  await page.getByTestId('paste-shots-submit').click();
  const cards = page.getByTestId('shot-card');
  await expect(cards).toHaveCount(20);
  await expect(cards.nth(0)).toContainText('Push in');
  await expect(cards.nth(19)).toContainText('Shot 20');
  // One paste is one undo step.
  await page.getByTestId('undo').click();
  await expect(cards).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(cards).toHaveCount(20);

  await page.getByTestId('generate').click();
  for (let i = 0; i < 20; i++) await expect(cards.nth(i)).toHaveAttribute('data-status', 'take', { timeout: 240_000 });

  await page.getByTestId('zoom-fit').click();
  const clips = page.getByTestId('timeline-clip');
  await expect(clips).toHaveCount(20);
  for (let i = 0; i < 20; i++) {
    const clip = page.locator(`[data-testid="timeline-clip"][data-number="${i + 1}"]`);
    await expect(clip).toHaveAttribute('data-numbered', 'true');
    await expect(clip).toHaveAttribute('data-film', 'true', { timeout: 60_000 });
  }
  await page.screenshot({ path: testInfo.outputPath('twenty-fitted-1280x720.png') });

  await page.getByTestId('open-export').click();
  const out = join(dir, 'twenty.mp4');
  await page.getByTestId('export-path').fill(out);
  await page.getByTestId('export-quality').selectOption('draft');
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-status')).toHaveAttribute('data-state', 'succeeded', { timeout: 240_000 });
  expect(existsSync(out)).toBe(true);
  expect(countVideoFrames(out)).toBe(20 * 24);
  expect(problems).toEqual([]);
});
