/**
 * Keyframe-first through the real UI and `storyboard serve` against strict fakes (Gemini image
 * and Runway, in this process; the host reaches them by STORYBOARD_VEO_* / STORYBOARD_RUNWAY_*):
 * a character element with three pictures -> "Make keyframe from references" on Gemini with 3
 * variations (estimate first) -> three image takes -> "Use as first frame" on one (one undo
 * step) -> "What will be sent" shows the picked picture as the first frame -> the shot's
 * Generate on Runway: the first frame Runway received is byte for byte the picked picture.
 * Screenshots in en and zh-CN at 1280x720.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGeminiImage, type ImageFake } from '../fakes/imageProviders.js';
import { startFakeRunway, type FakeRunway } from '../fakes/runway.js';
import { threePictures } from '../integration/keyframes/fixtures.js';
import { expect, test as base, workerFake } from './fixtures.js';
import { addShot, createProject, startGenerate } from './ui.js';

const test = base.extend<object, { gemini: ImageFake; runway: FakeRunway }>({
  gemini: workerFake(startFakeGeminiImage, (f) => f.close()),
  runway: workerFake(
    () => startFakeRunway({ runMs: 300 }),
    (f) => f.close(),
  ),
  serveEnv: async ({ gemini, runway }, use) => {
    await use({
      STORYBOARD_VEO_BASE_URL: gemini.url,
      STORYBOARD_VEO_API_KEY: gemini.apiKey,
      STORYBOARD_RUNWAY_BASE_URL: runway.url,
      STORYBOARD_RUNWAY_API_KEY: 'test-key',
    });
  },
});

test('3 pictures -> keyframes -> pick in the UI -> Runway starts on exactly that picture', async ({
  page,
  host,
  gemini,
  runway,
  problems,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const pics = threePictures(mkdtempSync(join(tmpdir(), 'sb keyframe pics-')));
  await page.goto(host.url);
  await createProject(page, { dir: join(host.dir, 'Keyframes 关键帧'), name: 'Keyframes' });
  await addShot(page, { source: 'text', prompt: '@Mara walks into the light', durationSec: 5 });

  // A character with three pictures.
  await page.getByTestId('library-tab-elements').click();
  const library = page.getByTestId('elements-panel');
  await library.getByTestId('element-name').fill('Mara');
  await library.getByTestId('element-files').setInputFiles(pics);
  await library.getByTestId('element-add').click();
  await expect(library.getByTestId('element-item')).toHaveCount(1);
  await expect(library.getByTestId('element-item')).toContainText('3 pictures');

  await page.getByTestId('view-grid').click();
  await page.getByTestId('shot-card').first().click();
  // Room for the inspector in a 1280x720 window (the screenshots read it).
  await page.getByTestId('collapse-timeline').click();
  await page.getByTestId('collapse-library').click();
  const maker = page.getByTestId('keyframe-maker');
  await maker.scrollIntoViewIfNeeded();
  // Offline default: the animatic keyframe card, free.
  await expect(maker.getByTestId('keyframe-provider')).toHaveValue('keyframe-card');
  await expect(maker.getByTestId('estimate')).toHaveAttribute('data-state', 'ok');
  await expect(maker.getByTestId('estimate-total')).toHaveText('$0.00');

  await maker.getByTestId('keyframe-provider').selectOption('gemini-image');
  await maker.getByTestId('keyframe-variations').fill('3');
  await expect(maker.getByTestId('estimate')).toContainText('3 jobs');
  await expect(maker.getByTestId('estimate-total')).toHaveText('$0.12'); // 3 x $0.039
  expect(gemini.creates).toBe(0);
  await maker.getByTestId('keyframe-make').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('keyframe-maker-en.png') });

  await maker.getByTestId('keyframe-make').click();
  const stills = page.getByTestId('keyframe-take');
  await expect(stills).toHaveCount(3, { timeout: 60_000 });
  expect(gemini.creates).toBe(3);
  // Every Gemini request carried the three pictures of the character.
  for (const r of gemini.requests.filter((x) => x.status === 200)) {
    const parts = (r.body as { contents: { parts: unknown[] }[] }).contents[0]!.parts;
    expect(parts).toHaveLength(4);
  }
  await expect(page.getByTestId('take')).toHaveCount(0); // image takes are not clips

  // Pick the second as the first frame: one undo step.
  await stills.nth(1).getByTestId('keyframe-use-first').click();
  await expect(stills.nth(1)).toHaveAttribute('data-first', 'true');
  const pickedSrc = await stills.nth(1).locator('img').getAttribute('src');
  await expect(page.getByTestId('frame-first').locator('img')).toHaveAttribute('src', pickedSrc!);
  await page.getByTestId('undo').click();
  await expect(stills.nth(1)).toHaveAttribute('data-first', 'false');
  await expect(page.getByTestId('frame-first').locator('img')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(stills.nth(1)).toHaveAttribute('data-first', 'true');
  await stills.nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('keyframe-takes-en.png') });

  // What will be sent: the keyframe request's three references, Runway's first frame = the pick.
  await page.getByTestId('detail-provider').selectOption('runway');
  await maker.getByTestId('keyframe-sent-toggle').click();
  const sent = page.getByTestId('sent-view');
  await expect(sent.getByTestId('sent-keyframe-picture')).toHaveCount(3);
  await expect(sent.getByTestId('sent-keyframe-prompt')).toContainText('Image 1 shows Mara (character)');
  const video = sent.getByTestId('sent-video');
  await expect(video).toHaveAttribute('data-provider', 'runway');
  await expect(video.getByTestId('sent-video-prompt')).toContainText('Mara walks into the light');
  const firstSent = video.locator('[data-testid="sent-video-picture"][data-role="first"] img');
  await expect(firstSent).toHaveAttribute('src', pickedSrc!);
  await video.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('keyframes-sent-en.png') });

  // Generate the shot on Runway (priced: through the Generate dialog's estimate).
  await page.getByTestId('generate-take').click();
  const dialog = page.getByTestId('generate-dialog');
  await dialog.getByTestId('gen-provider').selectOption('runway');
  await startGenerate(dialog);
  await expect(page.getByTestId('take')).toHaveCount(1, { timeout: 90_000 });

  const create = runway.requests.find((r) => r.path === '/v1/image_to_video' && r.status === 200);
  expect(create).toBeDefined();
  const first = (create!.body as { promptImage: { uri: string; position?: string }[] }).promptImage.find(
    (p) => p.position === 'first',
  )!;
  const sentBytes = Buffer.from(first.uri.slice(first.uri.indexOf(',') + 1), 'base64');
  const picked = await page.request.get(new URL(pickedSrc!, host.url).toString());
  expect(picked.ok()).toBe(true);
  const pickedBytes = await picked.body();
  expect(pickedBytes.length).toBeGreaterThan(1000);
  expect(sentBytes.equals(pickedBytes)).toBe(true);

  // The same inspector in Chinese.
  await page.getByTestId('language').selectOption('zh-CN');
  await maker.getByTestId('keyframe-make').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('keyframe-maker-zh-CN.png') });
  await expect(maker.locator('#keyframe-title')).toHaveText('用参考图生成关键帧');
  await expect(stills.nth(1).getByTestId('keyframe-use-last')).toHaveText('用作尾帧');
  await video.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('keyframes-sent-zh-CN.png') });
  await stills.nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('keyframe-takes-zh-CN.png') });
  expect(problems).toEqual([]);
});
