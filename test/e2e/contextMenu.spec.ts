/**
 * The context menu of timeline items through the real UI: right-click on a shot selects it and
 * lists the shot's actions; on an audio item it selects the item and lists its actions and its
 * track's switches (Mute runs track.set: one undo step); on the empty area of a lane it lists
 * the track's switches; Shift+F10 on the focused timeline opens the menu of the selection, the
 * arrows move through it, Escape closes it and gives the focus back; a click outside closes it.
 * Translated in zh-CN. Screenshots at 1280x720 in en and zh-CN.
 */
import { expect, test } from './fixtures.js';
import { timelineWithMusic } from './ui.js';

test('context menus on shots, audio items and empty lanes; keyboard and translated', async ({
  page,
  host,
  problems,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const canvas = await timelineWithMusic(page, host, { dir: 'Menus 菜单', name: 'Menus', wav: 'bed.wav' });
  const box = (await canvas.boundingBox())!;
  const menu = page.getByTestId('context-menu');

  // A shot: the shot's actions.
  await page.mouse.click(box.x + 300, box.y + 34 + 42, { button: 'right' });
  await expect(menu).toHaveAttribute('data-target', 'shot');
  await expect(menu.getByRole('menuitem', { name: /Split/ })).toBeVisible();
  await page.mouse.click(box.x + 600, box.y + 12); // outside (the ruler): closes
  await expect(menu).toHaveCount(0);

  // An audio item: its actions and its track's switches; Mute is one undo step.
  await page.mouse.click(box.x + 200, box.y + 126 + 19, { button: 'right' });
  await expect(menu).toHaveAttribute('data-target', 'audio');
  await expect(menu.getByRole('menuitem', { name: 'Remove', exact: true })).toBeVisible();
  const muteItem = menu.getByRole('menuitemcheckbox', { name: 'Mute Music' });
  await expect(muteItem).toHaveAttribute('aria-checked', 'false');
  await page.screenshot({ path: testInfo.outputPath('context-menu-audio-1280x720-en.png') });
  await muteItem.click();
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('track-muted-music')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('track-muted-music')).toHaveAttribute('aria-pressed', 'false');

  // The empty area of the sound lane: that track's switches.
  await page.mouse.click(box.x + 600, box.y + 126 + 2 * 38 + 19, { button: 'right' });
  await expect(menu).toHaveAttribute('data-target', 'lane');
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Solo Sound effects' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // Keyboard: select the shot, Shift+F10 opens its menu with the focus in it; Escape gives it back.
  await page.mouse.click(box.x + 300, box.y + 34 + 42);
  await canvas.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toHaveAttribute('data-target', 'shot');
  const first = menu.getByRole('menuitem').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(first).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(canvas).toBeFocused();

  // Translated.
  await page.getByTestId('language').selectOption('zh-CN');
  await page.mouse.click(box.x + 200, box.y + 126 + 19, { button: 'right' });
  await expect(menu.getByRole('menuitemcheckbox', { name: '静音音乐' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('context-menu-audio-1280x720-zh-CN.png') });
  await page.keyboard.press('Escape');
  expect(problems).toEqual([]);
});
