/**
 * The AI breakdown through the real UI and `storyboard serve`, against the fake OpenAI-compatible
 * server (STORYBOARD_LLM_BASE_URL points at it): a script chosen in Library → Shots → Import
 * script is reviewed offline, "Break down with AI" replaces the review with the model's shot
 * list (shot size, camera move, duration, characters, dialogue), "Import all" adds it as ONE
 * undo step; an answer outside the schema shows which field and changes nothing; a script
 * dropped on the window opens the same review. Screenshots of the review in en and zh-CN.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './chatFixture.js';
import { expect } from './fixtures.js';
import { openNewProject } from './ui.js';

const SCRIPT = 'INT. DINER - NIGHT\n\nMara wipes the counter.\n\nJOE\nStill open?\n\nMARA\nWe close at two.\n';

test('AI breakdown: review, import as one undo step; a schema mismatch changes nothing', async ({
  page,
  host,
  fake,
  problems,
}, testInfo) => {
  fake.mode = 'valid';
  await openNewProject(page, host, 'AI 分镜', 'AI');
  const file = join(host.dir, 'diner.fountain');
  writeFileSync(file, SCRIPT);
  await page.getByTestId('script-import').locator('summary').click();
  await page.getByTestId('script-import-file').setInputFiles(file);
  await expect(page.getByTestId('script-summary')).toContainText('Fountain screenplay');
  await expect(page.getByTestId('script-ai-hint')).toContainText(`${fake.baseUrl} (fake-model)`);

  await page.getByTestId('script-ai-breakdown').click();
  await expect(page.getByTestId('script-summary')).toHaveText('AI breakdown: 2 scenes, 3 shots, 3 dialogue lines');
  await expect(page.getByTestId('script-shot-s1.2').getByTestId('script-shot-camera')).toContainText(
    'Close-up · Static',
  );
  await expect(page.getByTestId('script-characters')).toContainText('Mara (new), Joe (new)');
  await page.getByTestId('script-proposal').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('ai-breakdown-review-en.png') });

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('script-summary')).toContainText('AI 拆分镜');
  await expect(page.getByTestId('script-shot-s1.2').getByTestId('script-shot-camera')).toContainText(
    '景别 近景特写 · 运镜 固定',
  );
  await page.screenshot({ path: testInfo.outputPath('ai-breakdown-review-zh-CN.png') });

  // A model answer outside the schema: the field is named, the review and the project stay as they were.
  fake.mode = 'schemaMismatch';
  await page.getByTestId('script-ai-breakdown').click();
  await expect(page.getByTestId('error-script')).toContainText('scenes[0].shots[1].cameraMove');
  await page.screenshot({ path: testInfo.outputPath('ai-breakdown-error-zh-CN.png') });
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('error-script')).toContainText(
    'does not fit the breakdown format at scenes[0].shots[1].cameraMove',
  );
  await expect(page.getByTestId('shot-card')).toHaveCount(0);

  await page.getByTestId('script-accept-all').click();
  await expect(page.getByTestId('script-proposal')).toHaveCount(0);
  await expect(page.getByTestId('shot-card')).toHaveCount(3);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('shot-card')).toHaveCount(0);

  // A script dropped anywhere on the window opens the same review.
  await page.evaluate(`(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(SCRIPT)}], 'dropped.fountain', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`);
  await expect(page.getByTestId('script-summary')).toContainText('Fountain screenplay');
  expect(problems).toEqual([]);
});
