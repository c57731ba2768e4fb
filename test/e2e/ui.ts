/** Steps through the UI the way a user does (English labels unless a test switches language). */
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { realMedia } from '../helpers/realMedia.js';
import { sineWav } from '../helpers/sineWav.js';
import { expect } from './fixtures.js';

export interface NewProject {
  dir: string;
  name: string;
  aspect?: '16:9' | '9:16' | '1:1' | '4:5' | '21:9';
  resolution?: '720p' | '1080p' | '4k';
  fps?: string;
}

export async function createProject(page: Page, p: NewProject): Promise<void> {
  const form = page.getByTestId('create-project');
  await form.getByLabel('Name').fill(p.name);
  await form.getByLabel('Project folder').fill(p.dir);
  await form.getByRole('radio', { name: p.aspect ?? '16:9' }).check();
  await form.getByLabel('Resolution').selectOption(p.resolution ?? '720p');
  await form.getByLabel('Frame rate (fps)').selectOption(p.fps ?? '24');
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('project-name')).toHaveText(p.name);
}

/** A fresh project in a folder of the host's, the page at 1280×720 (the size screenshots are kept at). */
export async function openNewProject(
  page: Page,
  host: { url: string; dir: string },
  folder: string,
  name: string,
): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, folder), name });
}

/** Types `dir` into the start page's open form and submits it; does not wait for the outcome (any language). */
export async function submitOpenProject(page: Page, dir: string): Promise<void> {
  const form = page.getByTestId('open-project');
  await form.getByTestId('open-folder').fill(dir);
  await form.locator('button[type="submit"]').click();
}

/** Opens the project in `dir` from the start page and waits until its name `name` is shown. */
export async function openProject(page: Page, dir: string, name: string): Promise<void> {
  await submitOpenProject(page, dir);
  await expect(page.getByTestId('project-name')).toHaveText(name);
}

export interface NewShot {
  source: 'text' | 'image' | 'clip';
  prompt?: string;
  file?: string;
  durationSec?: number;
  camera?: string;
}

/** Fills the add-shot form and submits it; does not wait for the outcome. */
export async function submitShot(page: Page, s: NewShot): Promise<void> {
  const form = page.getByTestId('add-shot');
  await form.getByTestId(`source-${s.source}`).check();
  if (s.file) await form.getByTestId('shot-file').setInputFiles(s.file);
  await form.getByTestId('shot-prompt-input').fill(s.prompt ?? '');
  await form.getByTestId('shot-duration').fill(s.durationSec === undefined ? '' : String(s.durationSec));
  if (s.camera) await form.getByLabel('Camera move').selectOption(s.camera);
  await form.getByTestId('add-shot-submit').click();
}

/** Adds a shot and waits until it is in the strip. */
export async function addShot(page: Page, s: NewShot): Promise<void> {
  const cards = page.getByTestId('shot-card');
  const before = await cards.count();
  await submitShot(page, s);
  await expect(cards).toHaveCount(before + 1, { timeout: 30_000 });
  await expect(page.getByTestId('error-addShot')).toHaveCount(0);
}

/** Closes the overlay `testId` (a dialog or panel) by its Close or Cancel button and waits until it is gone. */
export async function closeOverlay(page: Page, testId: string): Promise<void> {
  await page
    .getByTestId(testId)
    .getByRole('button', { name: /Close|Cancel/ })
    .first()
    .click();
  await expect(page.getByTestId(testId)).toHaveCount(0);
}

/** Opens the Generate dialog, on `provider` when one is named; answers the dialog. */
export async function openGenerate(page: Page, provider?: string): Promise<Locator> {
  await page.getByTestId('generate-open').click();
  const dialog = page.getByTestId('generate-dialog');
  if (provider) await dialog.getByTestId('gen-provider').selectOption(provider);
  return dialog;
}

/** Starts the Generate dialog's batch once its estimate is in, and waits until the dialog has closed. */
export async function startGenerate(dialog: Locator): Promise<void> {
  await expect(dialog.getByTestId('estimate')).toHaveAttribute('data-state', 'ok');
  await dialog.getByTestId('gen-start').click();
  await expect(dialog).toHaveCount(0);
}

/** Records every value the export progress bar shows (it may only live for a second). */
export async function recordExportProgress(page: Page): Promise<() => Promise<number[]>> {
  // A string, so this file needs no DOM types; page.evaluate runs outside the page's CSP.
  await page.evaluate(`(() => {
    const seen = (window.__exportProgress = []);
    const read = () => {
      const el = document.querySelector('[data-testid="export-progress"]');
      if (el) seen.push(Number(el.getAttribute('aria-valuenow')));
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  })()`);
  return async () => (await page.evaluate('window.__exportProgress')) as number[];
}

/** Shows the timeline and waits for its canvas; answers the canvas. */
export async function showTimeline(page: Page): Promise<Locator> {
  await page.getByTestId('view-timeline').click();
  const canvas = page.getByTestId('timeline-canvas');
  await expect(canvas).toBeVisible();
  return canvas;
}

/** Adds the sound file `file` to the music lane through the library's audio form and waits for its item. */
export async function addMusic(page: Page, file: string): Promise<void> {
  await page.getByTestId('library-tab-audio').click();
  const form = page.getByTestId('add-audio');
  const items = page.getByTestId('audio-item');
  const before = await items.count();
  await form.getByTestId('audio-lane').selectOption('music');
  await form.getByTestId('audio-file').setInputFiles(file);
  await form.getByTestId('audio-add').click();
  await expect(items).toHaveCount(before + 1);
}

/**
 * A new project `dir` (inside the host's folder) with one 1.5 s shot of the horse clip and a 1 s
 * stereo 440 Hz WAV named `wav` on the music lane, shown in the timeline; answers the canvas.
 */
export async function timelineWithMusic(
  page: Page,
  host: { dir: string; url: string },
  p: { dir: string; name: string; wav: string },
): Promise<Locator> {
  const wav = join(host.dir, p.wav);
  sineWav(wav, 440, 1, { rate: 44100, channels: 2 });
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, p.dir), name: p.name });
  await addShot(page, { source: 'clip', file: realMedia('ai-clip-horse-720x480-8fps.mp4'), durationSec: 1.5 });
  const canvas = await showTimeline(page);
  await addMusic(page, wav);
  return canvas;
}
