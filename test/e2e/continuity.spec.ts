/**
 * The consistency check through `storyboard serve`, as a user meets it: a project (made with
 * the CLI) whose character, Eileen, has a picture, and two shots — her own take and another
 * person's. "Check consistency" from the command palette runs the real check (face
 * descriptors, offline) and opens the continuity report: shot 2 to redo, shot 1 kept; the
 * cards carry the badges. A stricter character threshold in Settings flags shot 1 too, at once
 * (no new check). The report and Settings are shot at 1280x720 in English and Chinese.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { castProject } from '../helpers/continuityFixtures.js';
import { cli, expect, test } from './fixtures.js';
import { closeOverlay, openProject } from './ui.js';

// The pictures' features are cached per test run, never in the machine's own cache folder.
test.use({ serveEnv: { STORYBOARD_CACHE_DIR: mkdtempSync(join(tmpdir(), 'sb e2e cache-')) } });

async function palette(page: Page, command: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.getByTestId('palette-input').fill(command);
  await page.keyboard.press('Enter');
}

test('check consistency: the other person drifts, the report lists the shot to redo, a stricter threshold flags both', async ({
  page,
  host,
  problems,
}, testInfo) => {
  test.setTimeout(240_000);
  const project = join(host.dir, 'Continuity 连贯');
  await castProject(project, join(host.dir, 'media'), (args) => cli(...args));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await openProject(page, project, 'Continuity');
  await page.getByTestId('view-grid').click();
  const cards = page.getByTestId('shot-card');
  await expect(cards).toHaveCount(2);

  await palette(page, 'Check consistency');
  const report = page.getByTestId('continuity-report');
  await expect(report.getByTestId('continuity-redo')).toHaveText('Shots to redo: 2', { timeout: 180_000 });
  const rows = report.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-drift', 'false');
  await expect(rows.nth(1)).toHaveAttribute('data-drift', 'true');
  await expect(rows.nth(0)).toContainText('1 · Eileen');
  await expect(rows.nth(0)).toContainText('Kept');
  await expect(rows.nth(1)).toContainText('Drift');
  await expect(report.getByTestId('continuity-thresholds')).toContainText('characters 50');
  await expect(report.getByTestId('continuity-regenerate')).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('report-en.png') });

  await closeOverlay(page, 'continuity-report');
  await expect(cards.nth(0).getByTestId('continuity-badge')).toHaveAttribute('data-drift', 'false');
  await expect(cards.nth(1).getByTestId('continuity-badge')).toHaveAttribute('data-drift', 'true');
  await page.screenshot({ path: testInfo.outputPath('cards-en.png') });

  // Settings: the character threshold from 50 to 95 flags Eileen's own take too, at once.
  await page.getByTestId('open-settings').click();
  const section = page.getByTestId('settings-continuity');
  await expect(section.getByTestId('threshold-character')).toHaveValue('50');
  await section.getByTestId('threshold-character').fill('150');
  await expect(section.getByTestId('threshold-invalid')).toContainText('Characters');
  await expect(section.getByTestId('threshold-save')).toBeDisabled();
  await section.getByTestId('threshold-character').fill('95');
  await section.getByTestId('threshold-save').click();
  await expect(section.getByTestId('threshold-save')).toBeDisabled(); // saved: nothing changed any more
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-en.png') });
  await closeOverlay(page, 'settings-panel');
  await expect(cards.nth(0).getByTestId('continuity-badge')).toHaveAttribute('data-drift', 'true');

  // Chinese: the same report and Settings section.
  await page.getByTestId('language').selectOption('zh-CN');
  await palette(page, '连贯性报告');
  await expect(report.getByTestId('continuity-redo')).toHaveText('需要重做的镜头：1, 2');
  await expect(report.getByTestId('continuity-thresholds')).toContainText('角色 95');
  await page.screenshot({ path: testInfo.outputPath('report-zh.png') });
  await report.getByRole('button', { name: '关闭' }).first().click();
  await page.getByTestId('open-settings').click();
  await expect(section.getByRole('heading')).toHaveText('一致性检查');
  await section.getByTestId('threshold-defaults').click();
  await expect(section.getByTestId('threshold-character')).toHaveValue('50');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-zh.png') });
  expect(problems).toEqual([]);
});
