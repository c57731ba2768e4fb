/**
 * Audio lanes through the real UI and services: a file without sound is refused where it was
 * added; a music file (a sine WAV made here) lands on the music lane; dragging it on the
 * canvas moves it (one audio.update) and undo puts it back. The canvas is read through the
 * hidden list of audio items that mirrors it for screen readers. The preview plays the items
 * in sync with the cut: headless Chromium's output can't be heard, so the test reads the
 * player's <audio> elements (time and paused state) against the playhead.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { addMusic, addShot, createProject, showTimeline } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';
import { sineWav } from '../helpers/sineWav.js';

const HORSE = realMedia('ai-clip-horse-720x480-8fps.mp4');

test('add music to its lane, drag it on the canvas, undo', async ({ page, host, problems }, testInfo) => {
  const wav = join(host.dir, '主题 music.wav');
  sineWav(wav, 440, 1, { filter: 'volume=5', channels: 2 });
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Audio 音频'), name: 'Audio lanes' });
  await addShot(page, { source: 'clip', file: HORSE, durationSec: 1.5 });
  const canvas = await showTimeline(page);

  await page.getByTestId('library-tab-audio').click();
  const form = page.getByTestId('add-audio');
  const items = page.getByTestId('audio-item');
  // A clip without sound: refused with the services' message, right at the form.
  await form.getByTestId('audio-file').setInputFiles(HORSE);
  await form.getByTestId('audio-add').click();
  await expect(form.getByTestId('error-audio')).toContainText('audio item needs');
  await expect(items).toHaveCount(0);

  await addMusic(page, wav);
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

  // "Duck under voice-over" on the music item: one audio.update, one undo step.
  const duck = page.getByTestId('audio-duck-toggle');
  await expect(duck).toHaveCount(1);
  await expect(duck).not.toBeChecked();
  await duck.click();
  await expect(duck).toBeChecked();
  await expect(duck).toBeEnabled(); // the update has answered
  await page.getByTestId('undo').click();
  await expect(duck).not.toBeChecked();
  await expect(item).toHaveAttribute('data-start', '0');
  expect(problems).toEqual([]);
});

interface AudioClock {
  frame: number;
  items: { id: string; start: number; inFrame: number; paused: boolean; t: number }[];
}

/** Each audio element's time and state, read in the same task as the playhead it should follow. */
async function audioClock(page: Page): Promise<AudioClock> {
  // A string: this suite's TypeScript has no DOM types (as generation.spec.ts).
  return (await page.evaluate(`(() => {
    const frame = Number(document.querySelector('[data-testid="playhead"]')?.getAttribute('data-frame'));
    const els = [...document.querySelectorAll('[data-testid="player-audio"] audio')];
    return { frame, items: els.map((el) => ({ id: el.dataset.item, start: Number(el.dataset.start), inFrame: Number(el.dataset.in), paused: el.paused, t: el.currentTime })) };
  })()`)) as AudioClock;
}

test('preview plays the music under the cut from the playhead, in sync, and stops with it', async ({
  page,
  host,
  problems,
}) => {
  const wav = join(host.dir, 'bed 背景.wav');
  sineWav(wav, 330, 4, { channels: 2 });
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Preview 声音'), name: 'Preview sound' });
  await addShot(page, { source: 'clip', file: HORSE, durationSec: 1.5 });
  await addShot(page, { source: 'clip', file: HORSE, durationSec: 1.5 });
  const canvas = await showTimeline(page);
  await addMusic(page, wav);
  const audio = page.locator('[data-testid="player-audio"] audio');
  await expect(audio).toHaveCount(1);
  expect((await audioClock(page)).items[0]!.paused).toBe(true);

  // Start from a frame inside the cut (a ruler click), not from 0: the sound must start there too.
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + 88 + (box.width - 88) * 0.3, box.y + 12);
  const playhead = page.getByTestId('playhead');
  const from = Number(await playhead.getAttribute('data-frame'));
  // Far enough in that sound started from the file's beginning would be off by more than the tolerance.
  expect(from).toBeGreaterThan(6);
  await page.getByTestId('player-play').click();
  await expect.poll(async () => (await audioClock(page)).items[0]!.paused, { timeout: 5_000 }).toBe(false);

  // While it plays, the music is where the playhead says: in + (playhead - start) frames, at
  // 24 fps, within 0.1 s plus the playhead's own one-frame rounding.
  let checked = 0;
  for (let i = 0; i < 20 && checked < 3; i++) {
    const c = await audioClock(page);
    const it = c.items[0]!;
    if (!it.paused && c.frame > from + 2) {
      const expected = (it.inFrame + c.frame + 0.5 - it.start) / 24;
      expect(Math.abs(it.t - expected)).toBeLessThan(0.1 + 1 / 24);
      checked++;
    }
    // The next reading once the playhead has moved on (a change in the page, not a sleep).
    await expect(playhead).not.toHaveAttribute('data-frame', String(c.frame));
  }
  expect(checked).toBeGreaterThan(0);

  // Pause stops the sound at once.
  await page.getByTestId('player-play').click();
  await expect.poll(async () => (await audioClock(page)).items[0]!.paused).toBe(true);
  expect(problems).toEqual([]);
});
