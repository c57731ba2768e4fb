/**
 * The variant review grid through the real UI and `storyboard serve`: the BUILT CLI makes a
 * template (a packshot, then a "{{product}} — {{tagline}}" title card, like
 * test/integration/cli/variants.test.ts) and runs `storyboard variants` over 2 rows × 16:9 and
 * 9:16 (offline animatic); a hostile entry is added to variants.json by hand. The app opens the
 * template, Elements → "Review variants…" opens the template's last run: 2 rows × 2 aspects of
 * playable MP4s with the rows' values, the hostile entry listed as refused; one variant is
 * approved with the mouse, another rejected with the keyboard (arrows, R); variants.json holds
 * both marks; the filter shows only the approved one. Screenshots at 1280x720 in en and zh-CN.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, variantsArgs } from '../helpers/cli.js';
import { expect, test as base } from './fixtures.js';
import { openProject } from './ui.js';

const configDir = mkdtempSync(join(tmpdir(), 'sb e2e variants config-'));
const test = base.extend({
  // The CLI and the app share the config folder: the app finds the template's last run there.
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  serveEnv: async ({}, use) => {
    await use({ STORYBOARD_CONFIG_DIR: configDir });
  },
});
test.afterAll(() => rmSync(configDir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<string> {
  const r = await runCli(args, { ...process.env, STORYBOARD_CONFIG_DIR: configDir });
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

test('review grid: approve one, reject one, marks in variants.json; a hostile entry is refused', async ({
  page,
  host,
  problems,
}, testInfo) => {
  test.setTimeout(300_000);
  const tpl = join(host.dir, 'Ad 模板');
  const out = join(host.dir, 'variants out');
  const data = join(host.dir, 'rows.csv');
  await cli(['new', tpl, '--name', 'Ad', '--aspect', '16:9', '--resolution', '720p', '--fps', '8']);
  await cli(['add-shot', tpl, '--prompt', 'packshot', '--duration', '1']);
  await cli(['add-shot', tpl, '--prompt', '{{product}} — {{tagline}}', '--duration', '1']);
  await cli(['template', tpl, '--set', 'product=Sample', '--set', 'tagline=Sample line']);
  writeFileSync(data, 'id,product,tagline\nlumo,Lumo 2,Light that follows you\nkite,Kite 5,轻到可以忘记\n');
  await cli(variantsArgs(tpl, data, out, ['16:9', '9:16'], '--quality', 'draft'));
  const manifestFile = join(out, 'variants.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Record<string, unknown>>;
  expect(Object.keys(manifest).sort()).toEqual(['kite_16x9.mp4', 'kite_9x16.mp4', 'lumo_16x9.mp4', 'lumo_9x16.mp4']);
  // A hand-edited entry pointing out of the folder: listed as refused, never shown or served.
  manifest['../rows.csv'] = { ...manifest['lumo_16x9.mp4'], id: 'evil' };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await openProject(page, tpl, 'Ad');
  await page.getByTestId('library-tab-elements').click();
  await page.getByTestId('template-review-variants').click();

  const sheet = page.getByTestId('variants-review');
  await expect(sheet.getByTestId('variants-folder')).toHaveText(out);
  await expect(sheet.getByTestId('variant-row')).toHaveCount(2);
  await expect(sheet.getByTestId('variant-row').first()).toContainText('Lumo 2');
  await expect(sheet.getByTestId('variant-row').last()).toContainText('轻到可以忘记');
  const cells = sheet.getByTestId('variant-cell');
  await expect(cells).toHaveCount(4);
  await expect(sheet.getByTestId('variants-refused')).toContainText('../rows.csv');
  // The first cell's MP4 is served and decodes (its poster frame is there).
  const video = cells.first().locator('video');
  await expect
    .poll(
      () =>
        video.evaluate((v) => {
          const el = v as unknown as { readyState: number; videoWidth: number };
          return el.readyState >= 1 && el.videoWidth > 0;
        }),
      { timeout: 30_000 },
    )
    .toBe(true);

  const cell = (file: string) => sheet.locator(`[data-testid="variant-cell"][data-file="${file}"]`);
  await cell('lumo_16x9.mp4').getByTestId('variant-approve').click();
  await expect(cell('lumo_16x9.mp4')).toHaveAttribute('data-review', 'approved');
  // Keyboard: from the approved cell, → to lumo 9:16, ↓ to kite 9:16, R rejects it.
  const grid = sheet.getByTestId('variant-grid');
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(cell('kite_9x16.mp4')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('r');
  await expect(cell('kite_9x16.mp4')).toHaveAttribute('data-review', 'rejected');
  await page.screenshot({ path: testInfo.outputPath('variant-review-1280x720-en.png') });

  const marks = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { review: string }>;
  expect(Object.fromEntries(Object.entries(marks).map(([f, e]) => [f, e.review]))).toEqual({
    'lumo_16x9.mp4': 'approved',
    'lumo_9x16.mp4': 'pending',
    'kite_16x9.mp4': 'pending',
    'kite_9x16.mp4': 'rejected',
    '../rows.csv': 'pending',
  });

  await sheet.getByTestId('variants-filter').selectOption('approved');
  await expect(cells).toHaveCount(1);
  await expect(cells.first()).toHaveAttribute('data-file', 'lumo_16x9.mp4');
  await sheet.getByTestId('variants-filter').selectOption('all');
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(cell('kite_9x16.mp4').getByTestId('variant-status')).toHaveText('已拒绝');
  await expect(sheet.getByTestId('variants-refused')).toContainText('它指向文件夹之外的文件');
  await page.screenshot({ path: testInfo.outputPath('variant-review-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});
