/**
 * Generation through the real `storyboard serve` against the ComfyUI fake running in its own
 * process (STORYBOARD_COMFYUI_BASE_URL points at it; settings live in a temp config folder):
 * enable ComfyUI and test the connection, set a budget, generate all shots with 2 variations,
 * watch progress, pick takes, read the cost total; then a priced provider over the budget is
 * blocked before anything is sent, and a provider failure shows its reason and is retried only
 * after the user confirmed the cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeComfyProcess, type FakeComfyProcess } from '../fakes/comfyui-process.js';
import { expect, test as base, workerFake } from './fixtures.js';
import { addShot, closeOverlay, createProject, openGenerate, startGenerate } from './ui.js';

const test = base.extend<{ configDir: string }, { fake: FakeComfyProcess }>({
  // One fake per worker: a separate process, as a real ComfyUI would be.
  fake: workerFake(
    () => startFakeComfyProcess(['--run-ms', '1500']),
    (f) => f.stop(),
  ),
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  configDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sb config 设置-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  serveEnv: async ({ fake, configDir }, use) => {
    await use({ STORYBOARD_COMFYUI_BASE_URL: fake.url, STORYBOARD_CONFIG_DIR: configDir });
  },
});

/** Records every state any job row shows (a state may only last a moment). */
async function recordJobStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    const seen = (window.__jobStates = []);
    const read = () => document.querySelectorAll('[data-testid="job-row"]').forEach((el) => seen.push(el.getAttribute('data-state')));
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'aria-valuenow'] });
  })()`);
  return async () => (await page.evaluate('window.__jobStates')) as string[];
}

async function enableComfy(page: Page): Promise<void> {
  await page.getByTestId('open-settings').click();
  const comfy = page.getByTestId('settings-comfyui');
  await comfy.getByTestId('settings-enabled').check();
  await expect(comfy.getByTestId('settings-enabled')).toBeChecked();
  // The base URL comes from the environment, and keys cannot be typed into a browser page.
  await expect(comfy.getByTestId('settings-url-env')).toContainText('STORYBOARD_COMFYUI_BASE_URL');
  await expect(comfy.getByTestId('settings-key-env')).toContainText('STORYBOARD_COMFYUI_API_KEY');
  await expect(comfy.getByTestId('settings-key')).toHaveCount(0);
  await comfy.getByTestId('settings-test').click();
  await expect(comfy.getByTestId('settings-test-result')).toHaveAttribute('data-ok', 'true');
}

/** The jobs queue is a popover of the top bar: open it (it stays open until toggled). */
async function openJobs(page: Page): Promise<void> {
  if ((await page.getByTestId('jobs-popover').count()) === 0) await page.getByTestId('jobs-button').click();
  await expect(page.getByTestId('jobs-panel')).toBeVisible();
}

async function setBudget(page: Page, amount: string): Promise<void> {
  await openJobs(page);
  await page.getByTestId('budget-input').fill(amount);
  await page.getByTestId('budget-save').click();
  await expect(page.getByTestId('budget-save')).toBeDisabled();
}

test('budget, 2 variations on ComfyUI with progress, picked takes, cost total, over-budget block', async ({
  page,
  host,
  fake,
  problems,
}, testInfo) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Comfy film 夜'), name: 'Night market' });
  await addShot(page, { source: 'text', prompt: 'Lanterns sway over a crowded night market, 灯笼', durationSec: 1 });
  await addShot(page, { source: 'text', prompt: 'Close-up: steam rises from a noodle stall', durationSec: 1 });

  await enableComfy(page);
  await page.screenshot({ path: testInfo.outputPath('1-settings.png') });
  await closeOverlay(page, 'settings-panel');

  await setBudget(page, '5');
  await expect(page.getByTestId('budget-cap')).toHaveText('$5.00');
  await expect(page.getByTestId('budget-chip')).toHaveText('Spent $0.00 of $5.00');

  const dialog = await openGenerate(page, 'comfyui');
  await dialog.getByTestId('gen-variations-2').check();
  await expect(dialog.getByTestId('gen-scope-missing')).toBeChecked();
  await expect(dialog.getByTestId('estimate')).toHaveAttribute('data-state', 'ok');
  await expect(dialog.getByTestId('estimate')).toContainText('4 jobs');
  await expect(dialog.getByTestId('estimate-total')).toHaveText('$0.00');
  await expect(dialog.getByTestId('estimate-provider')).toContainText('ComfyUI');
  await expect(dialog.getByTestId('estimate-budget')).toContainText('$5.00');
  await page.screenshot({ path: testInfo.outputPath('2-generate-dialog.png') });
  expect((await fake.log()).creates).toBe(0);

  const states = await recordJobStates(page);
  await startGenerate(dialog);
  const rows = page.getByTestId('job-row');
  await expect(rows).toHaveCount(4, { timeout: 15_000 });
  const cards = page.getByTestId('shot-card');
  await expect(cards.nth(0)).toHaveAttribute('data-status', 'generating');
  await page.screenshot({ path: testInfo.outputPath('3-generating.png') });
  for (let i = 0; i < 4; i++) await expect(rows.nth(i)).toHaveAttribute('data-state', 'succeeded', { timeout: 90_000 });
  // Progress was visible on the way (an active state with a bar), not only the end.
  expect(
    (await states()).some((s) => ['queued', 'submitting', 'submitted', 'running', 'downloading'].includes(s)),
  ).toBe(true);
  expect((await fake.log()).creates).toBe(4);

  for (let i = 0; i < 2; i++) {
    await expect(cards.nth(i)).toHaveAttribute('data-status', 'take', { timeout: 30_000 });
    await cards.nth(i).click();
    const takes = page.getByTestId('take');
    await expect(takes).toHaveCount(2);
    // Pick the take that is not in use and see it become the shot's take.
    const pick = await takes.evaluateAll((els) => els.findIndex((e) => e.getAttribute('data-selected') !== 'true'));
    expect(pick).toBeGreaterThanOrEqual(0);
    await takes.nth(pick).getByTestId('use-take').click();
    await expect(takes.nth(pick)).toHaveAttribute('data-selected', 'true');
  }
  await expect(page.getByTestId('budget-actual')).toHaveText('$0.00');
  await expect(page.getByTestId('budget-chip')).toHaveText('Spent $0.00 of $5.00');
  await page.screenshot({ path: testInfo.outputPath('4-done.png'), fullPage: true });
  await page.getByTestId('jobs-panel').screenshot({ path: testInfo.outputPath('4-jobs-panel.png') });

  // A price for ComfyUI (settings) makes the same request cost money: $2/s over a $0.50 cap.
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-comfyui').getByTestId('settings-price').fill('2');
  await page.getByTestId('settings-comfyui').getByTestId('settings-price-save').click();
  await expect(page.getByTestId('error-settings')).toHaveCount(0);
  await closeOverlay(page, 'settings-panel');
  await setBudget(page, '0.5');
  await cards.nth(0).click();
  await openGenerate(page, 'comfyui');
  await dialog.getByTestId('gen-scope-regenerate').check();
  await dialog.getByTestId('gen-seed-new').check();
  await expect(dialog.getByTestId('estimate')).toHaveAttribute('data-state', 'over');
  await expect(dialog.getByTestId('over-budget')).toContainText('nothing will be sent');
  await expect(dialog.getByTestId('estimate-total')).not.toHaveText('$0.00');
  await expect(dialog.getByTestId('gen-start')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('5-over-budget.png') });
  await closeOverlay(page, 'generate-dialog');
  expect((await fake.log()).creates).toBe(4);
  expect(problems).toEqual([]);
});

test('a provider failure shows its reason; a retry runs only after the cost was confirmed', async ({
  page,
  host,
  fake,
  problems,
}, testInfo) => {
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Fail film'), name: 'Storm' });
  await addShot(page, { source: 'text', prompt: 'Lightning over the harbour', durationSec: 1 });
  await enableComfy(page);
  await closeOverlay(page, 'settings-panel');
  await openJobs(page);
  const before = (await fake.log()).creates;
  await fake.set({ failWith: 'CUDA out of memory while sampling' });
  try {
    await startGenerate(await openGenerate(page, 'comfyui'));
    const row = page.getByTestId('job-row').first();
    await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
    await expect(row.getByTestId('job-error')).toContainText('out of memory');
    await expect(page.getByTestId('shot-card').first()).toHaveAttribute('data-status', 'failed');
  } finally {
    await fake.set({ failWith: null });
  }
  expect((await fake.log()).creates).toBe(before + 1);

  // Retry asks first, naming the cost; keeping things as they are sends nothing.
  await page.getByTestId('job-retry').click();
  const confirm = page.getByTestId('retry-confirm');
  await expect(confirm).toContainText('Retry shot 1 on ComfyUI');
  await expect(confirm.getByTestId('retry-confirm-yes')).toHaveText('Retry for $0.00');
  await page.getByTestId('jobs-panel').screenshot({ path: testInfo.outputPath('1-retry-confirm.png') });
  await confirm.getByTestId('retry-confirm-no').click();
  await expect(confirm).toHaveCount(0);
  expect((await fake.log()).creates).toBe(before + 1);

  await page.getByTestId('job-retry').click();
  await confirm.getByTestId('retry-confirm-yes').click();
  await expect(page.getByTestId('job-row')).toHaveCount(2);
  await expect(page.getByTestId('job-row').first()).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('shot-card').first()).toHaveAttribute('data-status', 'take', { timeout: 30_000 });
  expect((await fake.log()).creates).toBe(before + 2);
  expect(problems).toEqual([]);
});
