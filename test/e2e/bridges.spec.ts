/**
 * New footage from footage through `storyboard serve`, as a user meets it, on a project made
 * with the CLI (two shots: the real horse and kitten clips):
 * - "Insert bridge shot after" on shot 1: the animatic (no last-frame input) is refused with the
 *   models that can, in the UI's language; Veo 3.1 via the strict Runway fake shows its estimate,
 *   then "Insert and generate" adds the bridge between the two (one undo step) and its take
 *   arrives; the request the fake got starts and ends on frames (first + last).
 * - "Upscale…" on shot 1's take with the offline fallback (Lanczos + sharpen): the new take is
 *   the larger clip (its file ffprobed here: 1440x960 from 720x480).
 * - "Long take…" shows its plan (links x price against the budget) before anything is sent.
 * Each dialog is shot at 1280x720 in English and Chinese.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startFakeRunway, type FakeRunway } from '../fakes/runway.js';
import { frameSize } from '../helpers/ffprobe.js';
import { REAL_CLIPS } from '../helpers/realMedia.js';
import { cli, expect, test as base, workerFake } from './fixtures.js';
import { openProject } from './ui.js';

const test = base.extend<object, { runway: FakeRunway }>({
  runway: workerFake(
    () => startFakeRunway({ runMs: 200 }),
    (f) => f.close(),
  ),
  serveEnv: async ({ runway }, use) => {
    await use({
      STORYBOARD_RUNWAY_BASE_URL: runway.url,
      STORYBOARD_RUNWAY_API_KEY: 'test-key',
      STORYBOARD_CACHE_DIR: mkdtempSync(join(tmpdir(), 'sb e2e cache-')),
    });
  },
});

/** Two shots on the real clips, opened in the app; shot 1 selected in the grid. */
async function openTwoShots(page: Page, dir: string): Promise<void> {
  cli('new', dir, '--name', 'Bridges', '--resolution', '720p', '--fps', '24');
  cli('add-shot', dir, '--video', REAL_CLIPS.horse, '--prompt', 'a horse runs');
  cli('add-shot', dir, '--video', REAL_CLIPS.kitten, '--prompt', 'a kitten looks up');
  await page.setViewportSize({ width: 1280, height: 720 });
  await openProject(page, dir, 'Bridges');
  await page.getByTestId('view-grid').click();
  await expect(page.getByTestId('shot-card')).toHaveCount(2);
  await page.getByTestId('shot-card').nth(0).click();
}

const VEO_VIA_RUNWAY = 'runway\u0001veo3.1';

/** Picks the animatic for the bridge: refused, naming Veo 3.1 via Runway among the models that can (`canSay`). */
async function bridgeOnAnimatic(dialog: Locator, canSay: string): Promise<void> {
  await dialog.getByTestId('bridge-model').selectOption('animatic\u0001animatic');
  await expect(dialog.getByTestId('error-bridge')).toContainText(canSay);
  await expect(dialog.getByTestId('error-bridge')).toContainText('[runway/veo3.1]');
}

/** Picks Veo 3.1 via Runway for the bridge and waits for its estimate. */
async function bridgeOnVeo(dialog: Locator): Promise<void> {
  await dialog.getByTestId('bridge-model').selectOption(VEO_VIA_RUNWAY);
  await expect(dialog.getByTestId('estimate')).toHaveAttribute('data-state', 'ok');
}

/** Opens the long-take builder on the first take with Gen-4 Turbo via Runway; waits for its plan to say `plan`. */
async function planLongTake(page: Page, plan: string): Promise<Locator> {
  await page.getByTestId('take').nth(0).getByTestId('long-take').click();
  const chain = page.getByTestId('long-take-dialog');
  await chain.getByTestId('chain-model').selectOption('runway\u0001gen4_turbo');
  await expect(chain.getByTestId('chain-plan')).toContainText(plan);
  return chain;
}

/** Video requests the Runway fake (shared by this file's tests) has had so far. */
const sent = (runway: FakeRunway): number => runway.requests.filter((r) => r.path === '/v1/image_to_video').length;

test('bridge shot: refused on the animatic with the models that can, inserted and generated on Veo 3.1', async ({
  page,
  host,
  runway,
  problems,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await openTwoShots(page, join(host.dir, 'Bridge 过渡'));
  const before = sent(runway);
  const cards = page.getByTestId('shot-card');

  await page.getByTestId('insert-bridge').click();
  const dialog = page.getByTestId('bridge-dialog');
  await expect(dialog.getByTestId('bridge-neighbours')).toContainText('a horse runs');
  await bridgeOnAnimatic(dialog, 'Models that can:');
  await expect(dialog.getByTestId('error-bridge')).toContainText('cannot end a clip on a given frame');
  await expect(dialog.getByTestId('bridge-insert')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('bridge-refused-en.png') });

  await bridgeOnVeo(dialog);
  await expect(dialog.getByTestId('error-bridge')).toHaveCount(0);
  await expect(dialog.getByTestId('estimate')).toContainText('1 job');
  await expect(dialog.getByTestId('bridge-insert')).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('bridge-en.png') });
  expect(sent(runway)).toBe(before);

  await dialog.getByTestId('bridge-insert').click();
  await expect(dialog).toHaveCount(0);
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(1)).toHaveAttribute('data-status', 'take', { timeout: 90_000 });
  await cards.nth(1).click();
  await expect(page.getByTestId('take')).toHaveCount(1);
  const create = runway.requests.find((r) => r.path === '/v1/image_to_video' && r.status === 200);
  const frames = (create?.body as { promptImage?: { position: string }[] } | undefined)?.promptImage ?? [];
  expect(frames.map((f) => f.position).sort()).toEqual(['first', 'last']);

  // One undo step takes the bridge out again.
  await page.keyboard.press('Control+z');
  await expect(cards).toHaveCount(2);

  // Chinese: the refusal, translated, with the same list of models.
  await page.getByTestId('language').selectOption('zh-CN');
  await cards.nth(0).click();
  await page.getByTestId('insert-bridge').click();
  await bridgeOnAnimatic(dialog, '可以的模型');
  await page.screenshot({ path: testInfo.outputPath('bridge-refused-zh.png') });
  await bridgeOnVeo(dialog);
  await page.screenshot({ path: testInfo.outputPath('bridge-zh.png') });
  expect(problems).toEqual([]);
});

/** Width x height of every video stream under `dir` (the project's media). */
function videoSizes(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.mp4')) out.push(frameSize(path, 'x'));
    }
  };
  walk(dir);
  return out;
}

test('upscale a take offline: a new take at twice the size; the long take shows its plan first', async ({
  page,
  host,
  runway,
  problems,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  const project = join(host.dir, 'Upscale 放大');
  await openTwoShots(page, project);
  const before = sent(runway);
  const takes = page.getByTestId('take');
  await expect(takes).toHaveCount(1);

  await takes.nth(0).getByTestId('upscale-take').click();
  const dialog = page.getByTestId('upscale-dialog');
  await expect(dialog.getByTestId('upscale-size')).toContainText('720×480 → 1440×960');
  await expect(dialog.getByTestId('upscale-provider')).toHaveValue('ffmpeg');
  await expect(dialog.getByTestId('estimate-total')).toHaveText('$0.00');
  await page.screenshot({ path: testInfo.outputPath('upscale-en.png') });
  await dialog.getByTestId('upscale-run').click();
  await expect(dialog.getByTestId('upscale-progress')).toHaveAttribute('data-state', 'succeeded', {
    timeout: 120_000,
  });
  await expect(takes).toHaveCount(2);
  await expect(takes.nth(1)).toContainText('1440×960');
  expect(videoSizes(join(project, 'media'))).toContain('1440x960');
  await page.screenshot({ path: testInfo.outputPath('upscale-done-en.png') });
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // The long-take builder: a minute from the selected take, planned (and priced) up front.
  const chain = await planLongTake(page, 'to at least 60 s');
  await expect(chain.getByTestId('estimate')).toHaveAttribute('data-state', 'ok');
  await page.screenshot({ path: testInfo.outputPath('long-take-en.png') });
  expect(sent(runway)).toBe(before);
  await chain.getByRole('button', { name: 'Close' }).first().click();

  await page.getByTestId('language').selectOption('zh-CN');
  await planLongTake(page, '至少 60 秒');
  await page.screenshot({ path: testInfo.outputPath('long-take-zh.png') });
  await chain.getByRole('button', { name: '关闭' }).first().click();
  await takes.nth(0).getByTestId('upscale-take').click();
  await expect(dialog.getByTestId('upscale-size')).toContainText('作为新素材');
  await page.screenshot({ path: testInfo.outputPath('upscale-zh.png') });
  expect(problems).toEqual([]);
});
