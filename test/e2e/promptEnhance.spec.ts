/**
 * "Enhance prompt" in the shot inspector through the real UI and `storyboard serve`, against the
 * fake OpenAI-compatible server of breakdown.spec.ts (STORYBOARD_LLM_BASE_URL points at it): the
 * request carries the chosen provider's prompt style; the suggestion is shown as a word diff
 * (removed words struck, added words marked); Discard changes nothing; "Use this prompt"
 * applies it as ONE undo step; an answer that is not JSON is the breakdown's translated message
 * (en and zh-CN) and the prompt stays. Screenshots at 1280x720 in en and zh-CN.
 */
import { test } from './chatFixture.js';
import { expect } from './fixtures.js';
import { addShot, openNewProject } from './ui.js';

const PROMPT = 'A tired waitress wipes the counter of an empty diner at night.';

test('enhance a prompt: word diff, discard changes nothing, accept is one undo step, errors translated', async ({
  page,
  host,
  fake,
  problems,
}, testInfo) => {
  fake.mode = 'valid';
  await openNewProject(page, host, 'Enhance 优化', 'Enhance');
  await addShot(page, { source: 'text', prompt: PROMPT, durationSec: 2 });
  await page.getByTestId('shot-card').first().click();
  const prompt = page.getByTestId('detail-prompt');
  await expect(prompt).toHaveValue(PROMPT);
  const enhance = page.getByTestId('prompt-enhance');
  await enhance.getByTestId('enhance-provider').selectOption('runway');

  const asked = fake.nextRequest();
  await enhance.getByTestId('enhance-prompt').click();
  const request = await asked;
  const system = (request.body?.messages as { content: string }[])[0]!.content;
  expect(system).toContain('focused on motion'); // Runway's prompt style (shared/breakdown/enhance.ts)
  expect(system).toContain('at most 1000 characters');
  const diff = enhance.getByTestId('enhance-diff');
  // Old words struck, new words marked, shared words plain.
  await expect(diff.locator('ins').filter({ hasText: 'neon-lit' })).toHaveCount(1);
  await expect(diff.locator('ins').filter({ hasText: 'Slow' })).toHaveCount(1);
  await expect(diff.locator('del').filter({ hasText: 'wipes' })).toHaveCount(1);
  await expect(diff.locator('span').filter({ hasText: 'tired waitress' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('prompt-enhance-1280x720-en.png') });

  // Discard: nothing changes, nothing is undoable.
  await enhance.getByTestId('enhance-reject').click();
  await expect(enhance.getByTestId('enhance-suggestion')).toHaveCount(0);
  await expect(prompt).toHaveValue(PROMPT);

  // Accept: the new prompt, one undo step back to the old one.
  await enhance.getByTestId('enhance-prompt').click();
  await enhance.getByTestId('enhance-accept').click();
  await expect(prompt).toHaveValue(fake.enhanced);
  await expect(enhance.getByTestId('enhance-suggestion')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(prompt).toHaveValue(PROMPT);
  await page.getByTestId('redo').click();
  await expect(prompt).toHaveValue(fake.enhanced);
  await page.getByTestId('undo').click();
  await expect(prompt).toHaveValue(PROMPT);

  // The endpoint answers something that is not JSON: the breakdown's message, translated; no change.
  fake.mode = 'invalidJson';
  await enhance.getByTestId('enhance-prompt').click();
  const error = page.getByTestId('error-promptEnhance');
  await expect(error).toContainText("The model's answer is not valid JSON");
  await expect(enhance.getByTestId('enhance-suggestion')).toHaveCount(0);
  await expect(prompt).toHaveValue(PROMPT);
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(error).toContainText('不是有效的 JSON');

  fake.mode = 'valid';
  await enhance.getByTestId('enhance-prompt').click();
  await expect(enhance.getByTestId('enhance-diff').locator('ins').first()).toBeVisible();
  await expect(error).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('prompt-enhance-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});
