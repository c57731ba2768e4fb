/**
 * Dialogue through `storyboard serve` and the real UI: two characters with offline voices,
 * three shots with Chinese and English lines typed in the inspector -> voiced; the too-short
 * shot shows the timing warning until "Fit shot to dialogue"; generated; exported with
 * burned-in subtitles and SRT/WebVTT sidecars. Checked independently: every cue lies inside its
 * line's voice-over item (the project database, read-only) and inside the export (ffprobe), the
 * audio has speech energy during each cue, and the subtitle area differs from an export
 * without subtitles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { addShot, createProject } from './ui.js';
import { cueProblems, DIALOGUE_LINES } from '../helpers/dialogueCues.js';
import { parseCues } from '../helpers/exportChecks.js';

async function addCharacter(page: Page, name: string): Promise<void> {
  await page.getByTestId('library-tab-elements').click();
  const panel = page.getByTestId('elements-panel');
  await panel.getByTestId('element-name').fill(name);
  await panel.getByTestId('element-add').click();
  await expect(panel.getByTestId('element-item').filter({ hasText: name })).toHaveCount(1);
}

/** Selects shot `i`, types its lines in the inspector, saves (one undo step) and voices them. */
async function writeLines(page: Page, i: number, lines: { speaker: string; text: string }[]): Promise<void> {
  await page.getByTestId('view-grid').click();
  await page.getByTestId('shot-card').nth(i).click();
  const box = page.getByTestId('dialogue-lines');
  for (const [n, l] of lines.entries()) {
    await box.getByTestId('dialogue-add').click();
    const row = box.getByTestId('dialogue-line').nth(n);
    await row.getByTestId('dialogue-speaker').selectOption({ label: l.speaker });
    await row.getByTestId('dialogue-text').fill(l.text);
  }
  await box.getByTestId('dialogue-save').click();
  await expect(box.getByTestId('dialogue-voiced')).toHaveCount(lines.length);
}

test('two characters speak Chinese and English lines: voiced, fitted, exported with burned-in subtitles and sidecars', async ({
  page,
  host,
  problems,
}, testInfo) => {
  test.setTimeout(600_000);
  await page.goto(host.url);
  const dir = join(host.dir, 'Dialogue 对白');
  await createProject(page, { dir, name: 'Dialogue' });
  await addCharacter(page, '小明');
  await addCharacter(page, 'Anna');
  await page.getByTestId('library-tab-shots').click();
  await addShot(page, { source: 'text', prompt: '厨房 kitchen', durationSec: 9 });
  await addShot(page, { source: 'text', prompt: 'the park', durationSec: 1 });
  await addShot(page, { source: 'text', prompt: 'sunset', durationSec: 5 });

  // Bad input is caught with a translated message, nothing saved.
  await page.getByTestId('view-grid').click();
  await page.getByTestId('shot-card').nth(0).click();
  const box = page.getByTestId('dialogue-lines');
  await box.getByTestId('dialogue-add').click();
  await box.getByTestId('dialogue-save').click();
  await expect(box.getByTestId('dialogue-problem')).toHaveText(
    'Line 1 is empty: type what is said, or remove the line.',
  );
  await box.getByRole('button', { name: 'Remove line' }).click();

  await writeLines(page, 0, [
    { speaker: '小明', text: '你好，今天我们去公园吧。' },
    { speaker: 'Anna', text: 'Sounds great, let us go!' },
  ]);
  // Offline voices per character, one undo step each.
  const picks = box.getByTestId('dialogue-voice-pick');
  await picks.nth(0).selectOption({ label: 'cmn+m3' });
  await picks.nth(1).selectOption({ label: 'en-us+f3' });
  await writeLines(page, 1, [
    { speaker: 'Anna', text: 'Look at the ducks on the pond.' },
    { speaker: '小明', text: '真好玩。' },
  ]);
  await writeLines(page, 2, [{ speaker: 'Narrator', text: 'The sun went down.' }]);

  for (const i of [0, 1, 2]) {
    await page.getByTestId('shot-card').nth(i).click();
    await box.getByTestId('dialogue-voice').click();
    await expect(box.getByTestId('dialogue-voiced').filter({ hasText: 'not voiced' })).toHaveCount(0, {
      timeout: 60_000,
    });
  }
  await expect(page.getByTestId('dialogue-track').getByTestId('dialogue-cue')).toHaveCount(5);
  // The cues follow a zoom through their track's --ppf: every width and every gap between
  // starts scales by the zoom's one factor.
  const cueBoxes = () =>
    page
      .getByTestId('dialogue-track')
      .getByTestId('dialogue-cue')
      .evaluateAll((cues) => cues.map((c) => c.getBoundingClientRect()).map((r) => ({ x: r.left, w: r.width })));
  const slider = page.getByTestId('zoom-slider');
  const zoomedOut = await cueBoxes();
  await slider.fill(String(Number(await slider.inputValue()) + 60));
  await expect.poll(async () => (await cueBoxes())[0]!.w).toBeGreaterThan(zoomedOut[0]!.w * 1.2);
  const zoomedIn = await cueBoxes();
  const k = zoomedIn[0]!.w / zoomedOut[0]!.w;
  zoomedIn.forEach((c, i) => {
    expect(c.w).toBeCloseTo(zoomedOut[i]!.w * k, 0);
    expect(c.x - zoomedIn[0]!.x).toBeCloseTo((zoomedOut[i]!.x - zoomedOut[0]!.x) * k, 0);
  });
  await page.getByTestId('shot-card').nth(1).click();
  await expect(box.getByTestId('dialogue-warning')).toContainText('but the shot lasts 1.0 s');
  await page.screenshot({ path: testInfo.outputPath('1-warning.png'), fullPage: true });
  await box.getByTestId('dialogue-fit').click();
  await expect(box.getByTestId('dialogue-warning')).toHaveCount(0);
  for (const i of [0, 2]) {
    await page.getByTestId('shot-card').nth(i).click();
    await expect(box.getByTestId('dialogue-warning')).toHaveCount(0);
  }

  const cards = page.getByTestId('shot-card');
  await page.getByTestId('generate').click();
  for (let i = 0; i < 3; i++) await expect(cards.nth(i)).toHaveAttribute('data-status', 'take', { timeout: 120_000 });

  await page.getByTestId('open-export').click();
  const panel = page.getByTestId('export-panel');
  const withSubs = join(dir, 'with subtitles.mp4');
  const without = join(dir, 'without.mp4');
  await panel.getByTestId('export-quality').selectOption('draft');
  for (const [out, burn] of [
    [withSubs, true],
    [without, false],
  ] as const) {
    await panel.getByTestId('export-path').fill(out);
    await panel.getByTestId('export-subtitles').setChecked(burn);
    await panel.getByTestId('export-start').click();
    await expect(panel.getByTestId('export-status')).toHaveAttribute('data-state', 'succeeded', { timeout: 120_000 });
    await expect(panel.getByTestId('export-status')).toContainText(out);
  }
  await panel.getByTestId('export-path').fill(withSubs);
  await panel.getByTestId('export-srt').click();
  await panel.getByTestId('export-vtt').click();
  await expect
    .poll(() => {
      try {
        return readFileSync(join(dir, 'with subtitles.vtt'), 'utf8').length;
      } catch {
        return 0;
      }
    })
    .toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('2-exported.png'), fullPage: true });

  const srt = parseCues(readFileSync(join(dir, 'with subtitles.srt'), 'utf8'));
  const vtt = parseCues(readFileSync(join(dir, 'with subtitles.vtt'), 'utf8'));
  expect(srt.map((c) => c.text)).toEqual(DIALOGUE_LINES);
  expect(vtt.map((c) => [c.start, c.end])).toEqual(srt.map((c) => [c.start, c.end]));
  // The project's record of each line's voice-over item, read once the app has closed it.
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
  const db = new Database(join(dir, 'project.db'), { readonly: true, fileMustExist: true });
  const items = db
    .prepare(
      `SELECT a.start_frame AS start, s.info AS info FROM dialogue_lines d JOIN shots sh ON sh.id = d.shot_id
    JOIN audio_items a ON a.id = d.voice_item_id JOIN assets s ON s.id = a.asset_id ORDER BY sh.position, d.position`,
    )
    .all() as { start: number; info: string }[];
  db.close();
  expect(items).toHaveLength(5);
  const voice = items.map((it) => ({
    start: it.start / 24,
    end: it.start / 24 + (JSON.parse(it.info) as { durationSec: number }).durationSec,
  }));
  expect(cueProblems(srt, voice, withSubs, without)).toEqual([]);
  expect(problems).toEqual([]);
});
