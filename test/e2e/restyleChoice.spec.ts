/**
 * "Generate a new clip" or "restyle this shot's clip" on Replicate's Kling 3.0 Omni, through the
 * real `storyboard serve` against the strict Replicate fake: a shot gets an offline clip, then the
 * Generate dialog (chosen shot, Kling Omni) offers both; "restyle" is estimated on the clip and
 * sends it as Kling's reference_video. Screenshots of the dialog in en and zh-CN at 1280x720.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeReplicate, REPLICATE_FAKE_KEY, type FakeReplicate } from '../fakes/replicate.js';
import { expect, test as base, workerFake } from './fixtures.js';
import { addShot, closeOverlay, openGenerate, openNewProject, startGenerate } from './ui.js';

const OMNI = 'kwaivgi/kling-v3-omni-video';

const test = base.extend<{ configDir: string }, { rep: FakeReplicate }>({
  rep: workerFake(
    () => startFakeReplicate({ runMs: 300 }),
    (f) => f.close(),
  ),
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  configDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sb config restyle-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  serveEnv: async ({ rep, configDir }, use) => {
    await use({
      STORYBOARD_REPLICATE_BASE_URL: rep.url,
      STORYBOARD_REPLICATE_API_KEY: REPLICATE_FAKE_KEY,
      STORYBOARD_CONFIG_DIR: configDir,
    });
  },
});

test("Kling 3.0 Omni: generate a new clip or restyle the shot's clip, estimated and sent on that clip", async ({
  page,
  host,
  rep,
  problems,
}, testInfo) => {
  await openNewProject(page, host, 'Restyle 重绘', 'Restyle');
  await addShot(page, { source: 'text', prompt: 'A horse walks along the beach at dusk', durationSec: 4 });

  // An offline clip first (the animatic: the default provider).
  await startGenerate(await openGenerate(page));
  const card = page.getByTestId('shot-card').first();
  await expect(card).toHaveAttribute('data-status', 'take', { timeout: 60_000 });

  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-replicate');
  await settings.getByTestId('settings-enabled').check();
  await expect(settings.getByTestId('settings-enabled')).toBeChecked();
  await closeOverlay(page, 'settings-panel');

  await card.click();
  const dialog = await openGenerate(page, 'replicate');
  await dialog.getByTestId('gen-model').selectOption(OMNI);
  await dialog.getByTestId('gen-scope-selected').check();
  const choice = dialog.getByTestId('gen-restyle');
  await expect(choice).toBeVisible();
  await expect(dialog.getByTestId('gen-restyle-new')).toBeChecked();
  await expect(dialog.getByTestId('estimate')).toHaveAttribute('data-state', 'ok');
  await dialog.getByTestId('gen-restyle-clip').check();
  await expect(dialog.getByTestId('gen-restyle-clip')).toBeChecked();
  await expect(dialog.getByTestId('gen-restyle-hint')).toContainText('picked take');
  await expect(dialog.getByTestId('estimate')).toHaveAttribute('data-state', 'ok');
  // The clip is 4 s at $0.112/s.
  await expect(dialog.getByTestId('estimate-total')).toHaveText('$0.45');
  await page.screenshot({ path: testInfo.outputPath('1-restyle-choice-en.png') });

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(dialog.getByTestId('gen-restyle-clip').locator('..')).toContainText('重绘此镜头的素材');
  await page.screenshot({ path: testInfo.outputPath('2-restyle-choice-zh-CN.png') });

  const before = rep.createRequests().length;
  await dialog.getByTestId('gen-start').click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => rep.createRequests().length, { timeout: 30_000 }).toBe(before + 1);
  const input = (rep.createRequests().at(-1)?.body as { input: Record<string, unknown> }).input;
  expect(input).toMatchObject({ video_reference_type: 'base', keep_original_sound: true });
  expect(String(input.reference_video)).toMatch(/^data:video\/mp4;base64,/);
  expect(problems).toEqual([]);
});
