/**
 * The @ picker and the tag highlight through `storyboard serve` in Chromium: two elements (one
 * with a face picture, one Chinese), `@` typed in the shot inspector's prompt opens a listbox of
 * them at the caret (a combobox with aria-activedescendant), typing filters, the keyboard picks,
 * the prompt holds the tag the parser resolves and the highlight marks it; an unknown tag is
 * marked as a warning; the edit is one undo step; "What will be sent" shows the tag resolved to
 * the name and the element's picture for a provider that takes references. In Chinese with the
 * add-shot prompt: an input method's composition opens nothing until it ends; the paste-a-list
 * field takes a click on an option. Screenshots at 1280×720.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { addShot, openNewProject } from './ui.js';
import { realMedia } from '../helpers/realMedia.js';

const PNG = realMedia('first-frame-camping.png');

async function addElement(page: Page, name: string, picture?: string): Promise<void> {
  const panel = page.getByTestId('elements-panel');
  const items = panel.getByTestId('element-item');
  const before = await items.count();
  await panel.getByTestId('element-name').fill(name);
  if (picture) await panel.getByTestId('element-files').setInputFiles(picture);
  await panel.getByTestId('element-add').click();
  await expect(items).toHaveCount(before + 1);
}

/** The active option of the combobox `field`, by its aria-activedescendant. */
async function activeOption(page: Page, field: ReturnType<Page['getByTestId']>) {
  const id = await field.getAttribute('aria-activedescendant');
  expect(id).toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

test('@ in the shot prompt picks an element with the keyboard; tags highlighted; one undo step', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await openNewProject(page, host, 'Tags 标签', 'Tags');
  await addShot(page, { source: 'text', prompt: 'A wide shot of the harbour', durationSec: 1 });
  await page.getByTestId('library-tab-elements').click();
  await addElement(page, 'Mara Lee', PNG);
  await addElement(page, '小明');

  const prompt = page.getByTestId('detail-prompt');
  await expect(prompt).toHaveValue('A wide shot of the harbour');
  await expect(prompt).toHaveAttribute('role', 'combobox');
  await expect(prompt).toHaveAttribute('aria-expanded', 'false');
  await prompt.click();
  await prompt.press('End');
  await page.keyboard.type(' with @');

  const picker = page.getByRole('listbox', { name: 'Elements' });
  await expect(picker).toBeVisible();
  await expect(prompt).toHaveAttribute('aria-expanded', 'true');
  await expect(picker.getByRole('option')).toHaveCount(2);
  await expect(picker.getByRole('option').first()).toContainText('Mara Lee');
  await expect(picker.getByRole('option').first()).toContainText('@Mara_Lee');
  await expect(picker.getByRole('option').first()).toContainText('Character');
  // The face: the element's first picture, decoded.
  const face = picker.getByRole('option').first().locator('img');
  await expect.poll(() => face.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(720);
  await expect(await activeOption(page, prompt)).toContainText('Mara Lee');
  await page.keyboard.press('ArrowDown');
  await expect(await activeOption(page, prompt)).toContainText('小明');
  await page.keyboard.press('ArrowDown'); // wraps round
  await expect(await activeOption(page, prompt)).toContainText('Mara Lee');

  // Typing filters (without case).
  await page.keyboard.type('ma');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('prompt-picker-1280x720-en.png') });
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(prompt).toHaveValue('A wide shot of the harbour with @Mara_Lee ');
  // The caret is after the tag: typing goes on from there.
  await page.keyboard.type('and @Bob');
  await expect(page.getByTestId('mention-empty')).toHaveText('No element matches @Bob.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mention-picker')).toHaveCount(0);
  await expect(prompt).toBeFocused(); // Escape closed the picker only, the draft is still there
  await expect(prompt).toHaveValue('A wide shot of the harbour with @Mara_Lee and @Bob');

  const highlight = page.getByTestId('tag-highlight');
  await expect(highlight.locator('mark[data-kind="tag"]')).toHaveText(['@Mara_Lee']);
  await expect(highlight.locator('mark[data-kind="unknown"]')).toHaveText(['@Bob']);
  await expect(page.getByTestId('unknown-tags')).toContainText('No element has the tag @Bob');
  // The tooltip: the pointer over the unknown tag (the mark lies under the field's text).
  const bob = await highlight.locator('mark[data-kind="unknown"]').boundingBox();
  await page.mouse.move(bob!.x + bob!.width / 2, bob!.y + bob!.height / 2);
  await expect(prompt).toHaveAttribute('title', 'No element has the tag @Bob');
  await page.screenshot({ path: testInfo.outputPath('prompt-tags-1280x720-en.png') });
  // The warning is the field's description; the known tag's chip sits under its text.
  const describedBy = (await prompt.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(await page.getByTestId('unknown-tags').getAttribute('id'));
  const [tagBox, fieldBox] = await Promise.all([
    highlight.locator('mark[data-kind="tag"]').boundingBox(),
    prompt.boundingBox(),
  ]);
  expect(tagBox && fieldBox && tagBox.y > fieldBox.y && tagBox.y + tagBox.height < fieldBox.y + fieldBox.height).toBe(
    true,
  );

  await page.keyboard.press('Enter'); // picker closed: Enter commits the prompt (one step)
  await expect(prompt).not.toBeFocused();
  await expect(page.getByTestId('shot-elements-mentioned')).toContainText('@Mara_Lee');
  await page.getByTestId('undo').click();
  await expect(prompt).toHaveValue('A wide shot of the harbour');
  await expect(highlight.locator('mark')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(prompt).toHaveValue('A wide shot of the harbour with @Mara_Lee and @Bob');
  // Labels read the tag as the element's name (an unknown tag as written): the viewer's card
  // for the shot without a take, the timeline's clip label, the storyboard card.
  const named = 'A wide shot of the harbour with Mara Lee and @Bob';
  await expect(page.getByTestId('player-card-text')).toHaveText(named);
  await expect(page.getByTestId('timeline-clip-title')).toHaveText(named);
  await page.getByTestId('library-tab-shots').click();
  await expect(page.getByTestId('shot-card').getByTestId('shot-prompt')).toHaveText(named);
  await page.screenshot({ path: testInfo.outputPath('element-names-1280x720-en.png') });
  // Moving the caret into a tag already written opens nothing: the picker answers typing.
  await prompt.click();
  await prompt.press('End');
  await expect(page.getByTestId('mention-picker')).toHaveCount(0);
  await prompt.press('Escape');

  // What will be sent: the tag resolved to the element's name, its face among the pictures.
  await page.getByTestId('keyframe-sent-toggle').click();
  const sent = page.getByTestId('sent-view');
  await expect(sent.getByTestId('sent-video-prompt')).toContainText('with Mara Lee and @Bob');
  await expect(sent.getByTestId('sent-keyframe-prompt')).toContainText('Mara Lee');
  await sent.getByTestId('sent-video-provider').selectOption('veo');
  await expect(sent.getByTestId('sent-video')).toHaveAttribute('data-provider', 'veo');
  const pictures = sent.getByTestId('sent-video-picture');
  await expect(pictures).toHaveCount(1);
  await expect(pictures).toHaveAttribute('data-role', 'reference');
  await expect(pictures).toContainText('Mara Lee');
  await sent.getByTestId('sent-video').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('prompt-sent-1280x720-en.png') });
  expect(problems).toEqual([]);
});

test('in Chinese: @ in the add-shot prompt, filtered by a Chinese name, not opened while composing', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await openNewProject(page, host, 'Tags 中文', 'Tags');
  await page.getByTestId('language').selectOption('zh-CN');
  const form = page.getByTestId('add-shot');
  const prompt = form.getByTestId('shot-prompt-input');

  // No elements yet: the picker says where to make one.
  await prompt.click();
  await page.keyboard.type('@');
  await expect(page.getByTestId('mention-empty')).toHaveText('还没有元素——请在素材库（元素标签页）中新建。');
  await page.keyboard.press('Escape');
  await prompt.fill('');

  await page.getByTestId('library-tab-elements').click();
  await addElement(page, '小明', PNG);
  await addElement(page, 'Mara Lee');
  await page.getByTestId('library-tab-shots').click();
  await prompt.click();
  await page.keyboard.type('清晨，');
  // An input method composing "@xiao" opens nothing; the composition's end does.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: '@xiao', selectionStart: 5, selectionEnd: 5 });
  await expect(prompt).toHaveValue('清晨，@xiao');
  await expect(page.getByTestId('mention-picker')).toHaveCount(0);
  await cdp.send('Input.insertText', { text: '@小' });
  await expect(prompt).toHaveValue('清晨，@小');
  const picker = page.getByRole('listbox', { name: '元素' });
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option')).toContainText('小明');
  await expect(picker.getByRole('option')).toContainText('角色');
  await page.screenshot({ path: testInfo.outputPath('prompt-picker-1280x720-zh-CN.png') });
  await page.keyboard.press('Tab');
  await expect(prompt).toHaveValue('清晨，@小明');
  await expect(page.getByTestId('mention-picker')).toHaveCount(0); // a picked tag stays closed
  await page.keyboard.type('走进厨房');
  await expect(prompt).toHaveValue('清晨，@小明走进厨房');
  await expect(page.getByTestId('mention-picker')).toHaveCount(0); // typing on after a pick opens nothing
  await expect(form.getByTestId('tag-highlight').locator('mark[data-kind="tag"]')).toHaveText(['@小明']);
  await page.screenshot({ path: testInfo.outputPath('prompt-tags-1280x720-zh-CN.png') });

  await form.getByTestId('add-shot-submit').click();
  await expect(page.getByTestId('shot-card')).toHaveCount(1);
  await expect(page.getByTestId('detail-prompt')).toHaveValue('清晨，@小明走进厨房');
  await expect(
    page.getByTestId('shot-detail').getByTestId('tag-highlight').locator('mark[data-kind="tag"]'),
  ).toHaveText(['@小明']);
  // The viewer's card and the timeline's label show the element's name, not the tag.
  await expect(page.getByTestId('player-card-text')).toHaveText('清晨，小明走进厨房');
  await expect(page.getByTestId('timeline-clip-title')).toHaveText('清晨，小明走进厨房');
  await expect(page.getByTestId('shot-card').getByTestId('shot-prompt')).toHaveText('清晨，小明走进厨房');
  await page.screenshot({ path: testInfo.outputPath('element-names-1280x720-zh-CN.png') });
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('shot-card')).toHaveCount(0);

  // Pasting a shot list takes @tags too; a click on an option inserts it.
  await page.getByTestId('paste-shots').locator('summary').click();
  const paste = page.getByTestId('paste-shots-input');
  await paste.click();
  await page.keyboard.type('@ma');
  await page.getByRole('option', { name: /Mara Lee/ }).click();
  await expect(paste).toHaveValue('@Mara_Lee ');
  await expect(paste).toBeFocused();
  await expect(page.getByTestId('mention-picker')).toHaveCount(0);
  expect(problems).toEqual([]);
});
