/**
 * Viewer truth: in a 9:16 project with a 3:2 clip (letterboxed by the default fit) and a
 * first-frame animatic shot, the viewer's picture (the player stage as Chromium composites it
 * through `storyboard serve`) and the exported frame at the same time agree within
 * PSNR_MIN_DB. A viewer that letterboxes differently (a landscape stage, a filled clip, a
 * picture moved by a drag the export does not follow) fails: the stage aspect is checked, a
 * drag must make the old export disagree, and the re-export after the drag must agree again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, test } from './fixtures.js';
import { openProject } from './ui.js';

const MEDIA = process.env.STORYBOARD_TEST_MEDIA ?? '/work/shared/media';
const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
/** Viewer vs export, RGB over the whole stage. Measured on the workspace layout: clip 34.8 dB, first frame 32.8 dB, after a drag 34.8 dB; the stale export after the drag 7.3 dB. */
const PSNR_MIN_DB = 30;
const FPS = 24;

/** RGB bytes of a file's frame (a PNG, or frame `n` of a video) scaled to w x h. */
function rgb(file: string, w: number, h: number, n?: number): Buffer {
  const select = n === undefined ? '' : `select=eq(n\\,${n}),`;
  const r = spawnSync(
    FFMPEG,
    [
      '-v',
      'error',
      '-i',
      file,
      '-vf',
      `${select}scale=${w}:${h}:flags=area`,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { maxBuffer: 64 << 20 },
  );
  if (r.status !== 0 || r.stdout.length !== w * h * 3)
    throw new Error(`ffmpeg could not read ${file}: ${r.stderr.toString()}`);
  return r.stdout;
}

function psnr(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  const mse = sum / a.length;
  return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

/** A 9:16 720p project: the horse clip (2 s) and an animatic of the camping first frame (2 s). */
function verticalProject(parent: string, camera: string): string {
  const project = join(parent, 'Vertical 竖屏');
  cli('new', project, '--name', 'Vertical', '--aspect', '9:16', '--resolution', '720p', '--fps', String(FPS));
  cli('add-shot', project, '--video', join(MEDIA, 'ai-clip-horse-720x480-8fps.mp4'), '--duration', '2');
  cli(
    'add-shot',
    project,
    '--first-frame',
    join(MEDIA, 'first-frame-camping.png'),
    '--camera',
    camera,
    '--duration',
    '2',
  );
  cli('generate', project);
  return project;
}

async function gotoFrame(page: Page, frame: number): Promise<void> {
  await page.getByTestId('project-name').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < Math.floor(frame / 10); i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < frame % 10; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await page.getByTestId('playhead').getAttribute('data-frame'))).toBe(frame);
}

/** Waits until the active <video> shows `seconds` of its media, then captures the stage. */
async function captureStage(
  page: Page,
  dir: string,
  name: string,
  seconds: number,
): Promise<{ file: string; w: number; h: number }> {
  // Strings: this file has no DOM types (as ui.ts); page.evaluate runs them in the page.
  await expect
    .poll(() =>
      page.evaluate(`(() => {
    const v = document.querySelector('video.player-video[data-active="true"]');
    return !!v && !v.seeking && v.readyState >= 2 && Math.abs(v.currentTime - ${seconds}) < 0.02;
  })()`),
    )
    .toBe(true);
  // The shot-number badge is chrome, not picture. The stage at exactly half the canvas
  // (360x640, its aspect-ratio keeps the height) on whole pixels at the page's bottom-right corner (clear of the header), whatever
  // the layout around it: picture edges
  // on whole pixels, so the browser's scaling and the reference's are the same 2:1 average
  // (set through the CSSOM: the page's CSP refuses injected style sheets). Two animation
  // frames: the seeked picture is composited.
  await page.evaluate(`new Promise((r) => {
    Object.assign(document.querySelector('[data-testid="player-stage"]').style, { position: 'fixed', right: '0px', bottom: '0px', zIndex: '1000', width: '360px' });
    for (const b of document.querySelectorAll('.player-shot-badge')) b.style.visibility = 'hidden';
    requestAnimationFrame(() => requestAnimationFrame(r));
  })`);
  const file = join(dir, `${name}.png`);
  const stage = page.getByTestId('player-stage');
  await stage.screenshot({ path: file });
  const box = await stage.boundingBox();
  if (!box) throw new Error('no player stage');
  return { file, w: Math.round(box.width), h: Math.round(box.height) };
}

test('the viewer composes what the export writes in a 9:16 project (clip + first frame), and a drag reaches both', async ({
  page,
  host,
  problems,
}, info) => {
  test.setTimeout(240_000);
  const project = verticalProject(host.dir, 'static');
  const out = mkdtempSync(join(tmpdir(), 'sb-viewer-'));
  const film = join(out, 'film.mp4');
  cli('export', project, '--out', film, '--quality', 'high');

  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(host.url);
  await openProject(page, project, 'Vertical');

  // Frame 13: the horse (8 fps source: frame 4 of it in both); frame 60: the animatic of the first frame.
  const cases = [
    { frame: 13, seconds: 13.5 / FPS, name: 'clip' },
    { frame: 60, seconds: 12.5 / FPS, name: 'first-frame' },
  ];
  const measured: Record<string, number> = {};
  for (const c of cases) {
    await gotoFrame(page, c.frame);
    const shot = await captureStage(page, out, c.name, c.seconds);
    // The stage is the project's 9:16 canvas (a landscape box letterboxes differently).
    expect(Math.abs(shot.w / shot.h - 720 / 1280), `stage ${shot.w}x${shot.h}`).toBeLessThan(2 / shot.h);
    const db = psnr(rgb(shot.file, shot.w, shot.h), rgb(film, shot.w, shot.h, c.frame));
    measured[c.name] = db;
    expect(db, `${c.name}: viewer vs export at frame ${c.frame}`).toBeGreaterThanOrEqual(PSNR_MIN_DB);
    await info.attach(`viewer-${c.name}.png`, { path: shot.file, contentType: 'image/png' });
  }

  // Drag the letterboxed clip 60 px down the stage: one undo step, and the viewer moves it.
  await gotoFrame(page, 13);
  const stage = page.getByTestId('player-stage');
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 30, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 60, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('undo')).toBeEnabled();
  const moved = await captureStage(page, out, 'clip-dragged', 13.5 / FPS);
  const stale = psnr(rgb(moved.file, moved.w, moved.h), rgb(film, moved.w, moved.h, 13));
  expect(stale, 'the old export no longer matches the dragged viewer').toBeLessThan(PSNR_MIN_DB);

  // The export follows the drag (the project is closed first: it is open for exclusive use).
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('open-project')).toBeVisible();
  const info2 = JSON.parse(cli('info', project, '--json')) as {
    shots: { framing?: Record<string, { mode: string; y: number }> }[];
  };
  expect(info2.shots[0]?.framing?.['9:16']?.mode).toBe('fit');
  expect(info2.shots[0]?.framing?.['9:16']?.y).toBeGreaterThan(0.5);
  const film2 = join(out, 'film-dragged.mp4');
  cli('export', project, '--out', film2, '--quality', 'high');
  const again = psnr(rgb(moved.file, moved.w, moved.h), rgb(film2, moved.w, moved.h, 13));
  expect(again, 'viewer after the drag vs the new export').toBeGreaterThanOrEqual(PSNR_MIN_DB);
  measured['clip-dragged'] = again;
  measured['clip-dragged-vs-old-export'] = stale;
  await info.attach('psnr.json', { body: JSON.stringify(measured, null, 2), contentType: 'application/json' });
  console.log(`viewer vs export PSNR (dB): ${JSON.stringify(measured)}`);
  expect(problems).toEqual([]);
});

test('screenshots: the viewer of a 9:16 project at 1280x720, in English and Chinese', async ({
  page,
  host,
  problems,
}, info) => {
  const project = verticalProject(host.dir, 'push_in');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await openProject(page, project, 'Vertical');
  await page.getByTestId('shot-card').first().click();
  await expect(page.getByTestId('framing-mode')).toHaveValue('fit');
  await gotoFrame(page, 13);
  await captureStage(page, info.outputDir, 'stage', 13.5 / FPS);
  const stage = (await page.getByTestId('player-stage').boundingBox())!;
  expect(Math.abs(stage.width / stage.height - 9 / 16)).toBeLessThan(0.01);
  for (const lang of ['en', 'zh-CN'] as const) {
    await page.getByTestId('language').selectOption(lang);
    await expect(page.getByTestId('framing-recentre')).toHaveText(lang === 'en' ? 'Centre' : '居中');
    const file = info.outputPath(`viewer-9x16-1280x720-${lang}.png`);
    await page.screenshot({ path: file });
    await info.attach(`viewer-9x16-1280x720-${lang}.png`, { path: file, contentType: 'image/png' });
  }
  expect(problems).toEqual([]);
});
