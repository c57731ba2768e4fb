/**
 * One selection (store/selection.ts) for the grid, the timeline, the inspector, the dialogs and
 * the keys. Each test is one bug of the old editor, where "the current shot" had three meanings:
 * - Generate sent takes to the highlighted shot while the inspector showed another;
 * - a closed project's selection lingered into the next project's Generate dialog;
 * - I/O trimmed the shot under the playhead, not the selected one (now Q/W, on the selection);
 * - trimming at a shot's first frame made a 0-frame shot.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { realMedia } from '../helpers/realMedia.js';
import { cli, expect, test } from './fixtures.js';
import { addShot, createProject, openGenerate, openProject, startGenerate } from './ui.js';

const card = (page: Page, text: string) => page.getByTestId('shot-card').filter({ hasText: text });

async function frame(page: Page): Promise<number> {
  return Number(await page.getByTestId('playhead').getAttribute('data-frame'));
}

test('Generate runs on the shot the inspector shows, after a shot is added from the form', async ({
  page,
  host,
  problems,
}) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Wrong shot'), name: 'Wrong shot' });
  await addShot(page, { source: 'text', prompt: 'Alpha: the harbour', durationSec: 1 });
  await addShot(page, { source: 'text', prompt: 'Bravo: the boat', durationSec: 1 });
  await card(page, 'Alpha').click();
  // Adding from the form moves the selection (and the inspector) to the new shot.
  await addShot(page, { source: 'text', prompt: 'Charlie: the storm', durationSec: 1 });
  await expect(page.getByTestId('detail-prompt')).toHaveValue('Charlie: the storm');
  await expect(card(page, 'Charlie')).toHaveAttribute('aria-pressed', 'true');
  await expect(card(page, 'Alpha')).toHaveAttribute('aria-pressed', 'false');

  const dialog = await openGenerate(page);
  await dialog.getByTestId('gen-scope-selected').check();
  await expect(dialog.getByTestId('gen-target')).toHaveCount(1);
  await expect(dialog.getByTestId('gen-target')).toContainText('Charlie');
  await startGenerate(dialog);
  await expect(card(page, 'Charlie')).toHaveAttribute('data-status', 'take', { timeout: 90_000 });
  await expect(card(page, 'Alpha')).toHaveAttribute('data-status', 'none');
  await expect(card(page, 'Bravo')).toHaveAttribute('data-status', 'none');
  expect(problems).toEqual([]);
});

test('closing a project clears its selection: the next project offers no selected shots', async ({
  page,
  host,
  problems,
}) => {
  // The second project exists on disk already (made by the CLI), with one shot.
  const second = join(host.dir, 'Second 第二');
  cli('new', second, '--name', 'Second');
  cli('add-shot', second, '--prompt', 'A shot of the second film', '--duration', '1');
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'First'), name: 'First' });
  await addShot(page, { source: 'text', prompt: 'A shot of the first film', durationSec: 1 });
  await card(page, 'first film').click();
  await page.getByTestId('close-project').click();
  await openProject(page, second, 'Second');

  await expect(card(page, 'second film')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('project-inspector')).toBeVisible();
  const dialog = await openGenerate(page);
  await expect(dialog.getByTestId('gen-scope-selected')).toBeDisabled();
  await expect(dialog.getByTestId('gen-scope-regenerate')).toBeDisabled();
  await expect(dialog).toContainText('Selected shots (0)');
  expect(problems).toEqual([]);
});

test('Q/W trim the selected shot to the playhead, never another shot, never to zero frames', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Trim 修剪'), name: 'Trim' });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-horse-720x480-8fps.mp4'), durationSec: 1.5 });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-kitten-720x480-8fps.mp4'), durationSec: 1.5 });
  const cards = page.getByTestId('shot-card');
  await expect(cards.nth(0)).toContainText('1.5 s');
  await expect(cards.nth(1)).toContainText('1.5 s');

  // The first shot is selected, the playhead is inside the second: W refuses and says why.
  await cards.nth(0).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => frame(page)).toBe(42);
  await page.keyboard.press('w');
  await expect(page.getByTestId('error-shot')).toContainText('Move the playhead inside the selected shot');
  await expect(cards.nth(0)).toContainText('1.5 s');
  await expect(cards.nth(1)).toContainText('1.5 s');

  // At the selected shot's first frame W would leave nothing: refused, nothing changes.
  await page.keyboard.press('Home');
  await expect.poll(() => frame(page)).toBe(0);
  await page.keyboard.press('w');
  await expect(page.getByTestId('error-shot')).toContainText('no frames');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('1.5 s');
  await expect(page.getByTestId('project-meta')).toContainText('3.0 s');

  // Inside the selected shot: W ends it at the playhead (12 frames = 0.5 s), the other is untouched.
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => frame(page)).toBe(12);
  await page.keyboard.press('w');
  await expect(cards.nth(0)).toContainText('0.5 s');
  await expect(cards.nth(1)).toContainText('1.5 s');
  await expect(page.getByTestId('error-shot')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('trimmed.png') });

  // I and O set the in and out marks; they never edit a shot.
  await page.keyboard.press('i');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('o');
  await expect(page.getByTestId('marks')).toHaveAttribute('data-in', '12');
  await expect(page.getByTestId('marks')).toHaveAttribute('data-out', '13');
  await expect(cards.nth(0)).toContainText('0.5 s');
  await expect(cards.nth(1)).toContainText('1.5 s');
  expect(problems).toEqual([]);
});
