/**
 * No English left in the Chinese UI: the main views opened in zh-CN through `storyboard serve`
 * in Chromium (start screen, workspace in timeline and grid views, every library tab, Generate,
 * Export, jobs, settings, shortcuts, the palette, Relink and Save a copy), each view's text and
 * accessible names read from the page, and every Latin word checked against the glossary's
 * allow-list (renderer/src/i18n/glossary.ts: provider and model names, formats, key names).
 * Text the user typed or the file system named (the project's folder, shown in monospace)
 * is not UI text and is left out; the project and shot are named in Chinese.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { ZH_LATIN_ALLOWED } from '../../renderer/src/i18n/glossary';
import { expect, test } from './fixtures.js';

/** The UI text of the page (or of one dialog): text nodes plus aria-labels, without user data. */
async function uiText(page: Page, selector = 'body'): Promise<string> {
  // A string, so this file needs no DOM types; page.evaluate runs outside the page's CSP.
  return (await page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    if (!root) return '';
    const clone = root.cloneNode(true);
    // Folders and files the user chose (monospace), and the browser's own controls' values.
    clone.querySelectorAll('.mono, code, input, textarea, select, script, style').forEach((e) => e.remove());
    const labels = [...clone.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
    // Text node by text node: adjacent elements (<kbd>S</kbd><kbd>Ctrl</kbd>) stay separate words.
    const texts = [];
    const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.textContent || '');
    return texts.join(' ') + '\\n' + labels.join('\\n');
  })()`)) as string;
}

function englishWords(text: string): string[] {
  const words =
    text
      .replace(/\{\{[^}]+\}\}/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .match(/[A-Za-z][A-Za-z0-9._]*/g) ?? [];
  return [...new Set(words.filter((w) => !ZH_LATIN_ALLOWED.some((re) => re.test(w.replace(/\.$/, '')))))];
}

test('every main view in Chinese has no English left but allowed names', async ({ page, host, problems }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const leftovers: string[] = [];
  const check = async (view: string, selector?: string) => {
    const words = englishWords(await uiText(page, selector));
    if (words.length > 0) leftovers.push(`${view}: ${words.join(' ')}`);
  };

  await page.goto(host.url);
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('从分镜到成片');
  await check('start screen');

  const create = page.getByTestId('create-project');
  await create.getByLabel('名称').fill('海边的早晨');
  await create.getByLabel('项目文件夹').fill(join(host.dir, '海边'));
  await create.getByRole('button', { name: '创建项目' }).click();
  await expect(page.getByTestId('project-name')).toHaveText('海边的早晨');
  const form = page.getByTestId('add-shot');
  await form.getByTestId('shot-prompt-input').fill('清晨的海滩，海浪轻拍');
  await form.getByTestId('add-shot-submit').click();
  await expect(page.getByTestId('shot-card')).toHaveCount(1);

  await page.getByTestId('view-timeline').click();
  await check('workspace (timeline)');
  await page.getByTestId('view-grid').click();
  await check('workspace (grid)');
  for (const tab of ['elements', 'media', 'audio', 'shots']) {
    await page.getByTestId(`library-tab-${tab}`).click();
    await check(`library: ${tab}`, '[data-testid="region-library"]');
  }
  await page.getByTestId('shot-card').first().click();
  await check('inspector (shot)', '[data-testid="region-inspector"]');

  const dialogs: [string, string][] = [
    ['generate-open', '[data-testid="generate-dialog"]'],
    ['open-export', '[data-testid="export-dialog"]'],
    ['open-settings', '[data-testid="settings-panel"]'],
    ['open-shortcuts', '[data-testid="shortcuts-sheet"]'],
  ];
  for (const [button, dialog] of dialogs) {
    await page.getByTestId(button).click();
    await expect(page.locator(dialog)).toBeVisible();
    await check(button, dialog);
    await page.keyboard.press('Escape');
    await expect(page.locator(dialog)).toHaveCount(0);
  }
  await page.getByTestId('jobs-button').click();
  await check('jobs', 'body');
  await page.getByTestId('jobs-button').click();

  await page.keyboard.press('Control+Shift+P');
  await expect(page.getByTestId('palette')).toBeVisible();
  await check('palette', '[data-testid="palette"]');
  await page.getByTestId('palette-input').fill('重新链接');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('relink-dialog')).toBeVisible();
  await check('relink', '[data-testid="relink-dialog"]');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  await page.getByTestId('palette-input').fill('保存副本');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-copy-dialog')).toBeVisible();
  await check('save a copy', '[data-testid="save-copy-dialog"]');

  expect(leftovers).toEqual([]);
  expect(problems).toEqual([]);
});
