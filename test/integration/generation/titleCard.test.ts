/**
 * Title cards through the real animatic provider and ffmpeg: Chinese renders as real glyphs
 * in the Simplified Chinese design, and hostile prompts are drawn literally.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTitleCardInvocation, layoutTitleCard } from '../../../shared/animatic/titleCard.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import { runFfmpeg } from '../../../electron/services/ffmpeg/runner.js';
import type { ResolvedFont } from '../../../electron/services/generation/fonts.js';
import { resolveTitleFont } from '../../../electron/services/generation/fonts.js';
import { createAnimaticProvider } from '../../../electron/services/generation/providers/animatic.js';
import { genRequest } from '../../fakes/generationRequest.js';
import { countVideoFrames, decodeErrors, ffprobeJson } from '../../helpers/ffprobe.js';
import { lavfiPicture } from '../../helpers/lavfiClip.js';
import { tempDir } from '../../helpers/tmp.js';
import { brightPixels, differingPixels, grabGray, meanAbsDiff } from './frames.js';

const dir = tempDir();
const W = 640;
const H = 360;
const FPS = { num: 24, den: 1 };
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
let font: ResolvedFont;

beforeAll(async () => {
  font = await resolveTitleFont({ bundledDir: null, cacheDir: join(dir, 'font cache') });
});

let n = 0;
/** Renders lines with a given font file straight through the builder; returns frame 12. */
async function card(
  lines: string[],
  fontFile: string,
  frames = 24,
): Promise<{ file: string; frame: ReturnType<typeof grabGray> }> {
  const sub = join(dir, `card ${n++}`);
  mkdirSync(sub);
  const textFiles = lines.map((l, i) => {
    const f = join(sub, `line-${i}.txt`);
    writeFileSync(f, l);
    return f;
  });
  const file = join(sub, 'card.mp4');
  await runFfmpeg(
    buildTitleCardInvocation({
      lines,
      fontSize: 48,
      lineHeight: 67,
      fontFile,
      textFiles,
      width: W,
      height: H,
      fps: FPS,
      frames,
      output: file,
    }),
  );
  return { file, frame: grabGray(file, 12, W, H) };
}

describe('fonts', () => {
  it('finds the Simplified Chinese face of the system Noto CJK collection', () => {
    expect(font.source).toBe('system');
    expect(font.original).toMatch(/NotoSansCJK-Regular\.ttc$/);
    expect(font.face).toBe('Noto Sans CJK SC');
    expect(font.file).not.toBe(font.original); // face 2 extracted: drawtext only opens face 0
  });

  it('draws real ideographs, not tofu: distinct characters give distinct glyphs', async () => {
    const rain = await card(['雨'], font.file);
    const one = await card(['一'], font.file);
    const blank = await card([' '], font.file);
    expect(brightPixels(blank.frame)).toBe(0);
    expect(brightPixels(rain.frame)).toBeGreaterThan(200);
    expect(differingPixels(rain.frame, one.frame)).toBeGreaterThan(100);
    // Control: a Latin-only font has no such glyphs and draws the same box for both, so this
    // check really can tell glyphs from tofu.
    if (existsSync(DEJAVU)) {
      const tofuRain = await card(['雨'], DEJAVU);
      const tofuOne = await card(['一'], DEJAVU);
      expect(brightPixels(tofuRain.frame)).toBeGreaterThan(0);
      expect(differingPixels(tofuRain.frame, tofuOne.frame)).toBe(0);
      expect(differingPixels(tofuRain.frame, rain.frame)).toBeGreaterThan(100);
    }
  });

  it('draws the Simplified Chinese glyph variants (as fontconfig\'s "Noto Sans CJK SC"), not the Japanese ones', async () => {
    const text = '骨直关写角令';
    const ours = await card([text], font.file);
    const japanese = await card([text], font.original); // face 0: Noto Sans CJK JP
    // Independent reference: drawtext resolving the SC family through fontconfig itself.
    const ref = join(dir, 'ref.txt');
    writeFileSync(ref, text);
    // A drawtext option value, escaped for the option, then for the filter graph:
    // https://ffmpeg.org/ffmpeg-filters.html#Notes-on-filtergraph-escaping
    const esc = (v: string) => v.replace(/[\\':]/g, '\\$&').replace(/[\\'[\],;]/g, '\\$&');
    const still = (name: string, fontOption: string): string =>
      lavfiPicture(join(dir, name), `color=c=0x111418:s=${W}x${H}`, {
        vf: `drawtext=${fontOption}:textfile=${esc(ref)}:fontsize=48:fontcolor=0xE8EAED:x=(w-text_w)/2:y=150,format=gray`,
      });
    const refPng = still('ref.png', 'font=Noto Sans CJK SC');
    const oursStill = still('ours.png', `fontfile=${esc(font.file)}`);
    expect(meanAbsDiff(grabGray(oursStill, 0, W, H), grabGray(refPng, 0, W, H))).toBe(0);
    expect(meanAbsDiff(ours.frame, japanese.frame)).toBeGreaterThan(0.5);
  });

  it('reports a named font that does not exist, and honours STORYBOARD_FONT', async () => {
    await expect(resolveTitleFont({ preferred: join(dir, 'missing.ttf') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    if (existsSync(DEJAVU)) {
      const odd = join(dir, "it's: 字体.ttf");
      copyFileSync(DEJAVU, odd);
      const viaEnv = await resolveTitleFont({ env: { STORYBOARD_FONT: odd }, cacheDir: join(dir, 'font cache') });
      expect(viaEnv.source).toBe('env');
      expect(viaEnv.original).toBe(odd);
      // Copied under an ASCII name (FreeType's fopen on Windows can't open non-ASCII paths).
      expect(viaEnv.file).toMatch(/font-[0-9a-f]{16}\.ttf$/);
    }
  });

  it('without any font it fails with a clear message', async () => {
    await expect(
      resolveTitleFont({ bundledDir: null, systemFonts: [], useFontconfig: false, env: {} }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/STORYBOARD_FONT/) });
  });
});

function request(prompt: string, over: Partial<GenerationRequest> = {}): GenerationRequest {
  return genRequest({
    shotId: 's1',
    shotNumber: 3,
    title: 'Opening',
    prompt,
    durationSec: 2,
    width: W,
    height: H,
    fps: FPS,
    seed: null,
    ...over,
  });
}

describe('animatic provider: title cards', () => {
  const provider = createAnimaticProvider({ runFfmpeg, resolveFont: () => Promise.resolve(font) });
  const ctx = { tmpDir: join(dir, 'tmp 镜头'), settings: {} };

  async function renderCard(prompt: string, over: Partial<GenerationRequest> = {}): Promise<string> {
    const { taskId } = await provider.submit(request(prompt, over), ctx);
    for (;;) {
      const p = await provider.poll(taskId, ctx);
      if (p.state === 'failed') throw new Error(p.error);
      if (p.state === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const dest = join(dir, `${taskId}.mp4`);
    await provider.fetchResult(taskId, dest, ctx);
    return dest;
  }

  it('renders the Chinese example card at the exact length (saved to /tmp/animatic-zh.png)', async () => {
    const file = await renderCard('一个穿红色外套的女孩在雨夜的东京街头奔跑，霓虹灯倒映在积水中。');
    expect(countVideoFrames(file)).toBe(48);
    expect(ffprobeJson(file).streams[0]).toMatchObject({
      width: W,
      height: H,
      r_frame_rate: '24/1',
      pix_fmt: 'yuv420p',
    });
    expect(decodeErrors(file)).toBe('');
    expect(brightPixels(grabGray(file, 24, W, H))).toBeGreaterThan(1000);
    // Fades in from the card colour: the first frame has no text.
    expect(brightPixels(grabGray(file, 0, W, H))).toBe(0);
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      file,
      '-vf',
      'select=eq(n\\,24)',
      '-frames:v',
      '1',
      '/tmp/animatic-zh.png',
    ]);
  });

  it('renders English text', async () => {
    const file = await renderCard('A girl in a red coat runs through a rainy Tokyo street at night.');
    expect(countVideoFrames(file)).toBe(48);
    expect(brightPixels(grabGray(file, 24, W, H))).toBeGreaterThan(1000);
  });

  it('draws hostile prompts literally: quotes, colons, backslashes, %, <script>, expansions', async () => {
    const hostile = `It's "100%" a:b \\ c\\\\d ' ; , [x] <script>alert(1)</script> %{n} %{pts} \${HOME} $(rm -rf /)`;
    const file = await renderCard(hostile);
    expect(countVideoFrames(file)).toBe(48);
    expect(decodeErrors(file)).toBe('');
    // %{n} is drawn as typed: frames 20 and 27 (both past the fade-in) show the same text.
    expect(differingPixels(grabGray(file, 20, W, H), grabGray(file, 27, W, H))).toBe(0);
    expect(brightPixels(grabGray(file, 24, W, H))).toBeGreaterThan(1000);
  });

  it("control: with drawtext's default expansion, %{n} would draw the frame number", async () => {
    const sub = join(dir, 'expansion');
    mkdirSync(sub);
    const line = join(sub, 'line-0.txt');
    writeFileSync(line, 'frame %{n}');
    const output = join(sub, 'out.mp4');
    const inv = buildTitleCardInvocation({
      lines: ['frame %{n}'],
      fontSize: 48,
      lineHeight: 67,
      fontFile: font.file,
      textFiles: [line],
      width: W,
      height: H,
      fps: FPS,
      frames: 48,
      output,
    });
    await runFfmpeg({ ...inv, filterComplex: (inv.filterComplex ?? '').replace('expansion=none', 'expansion=normal') });
    expect(differingPixels(grabGray(output, 20, W, H), grabGray(output, 27, W, H))).toBeGreaterThan(20);
  });

  it('an empty prompt falls back to the title, then the placeholder', async () => {
    const withTitle = await renderCard('   ');
    const placeholder = await renderCard('', { title: '' });
    const a = grabGray(withTitle, 24, W, H);
    const b = grabGray(placeholder, 24, W, H);
    expect(brightPixels(a)).toBeGreaterThan(300);
    expect(brightPixels(b)).toBeGreaterThan(300);
    expect(meanAbsDiff(a, b)).toBeGreaterThan(0.5);
    expect(layoutTitleCard('', { width: W, height: H }).lines).toEqual(['Untitled shot']);
  });

  it('a lost task (after a restart) polls as lost; an unknown task has no result', async () => {
    const fresh = createAnimaticProvider({ runFfmpeg, resolveFont: () => Promise.resolve(font) });
    await expect(fresh.poll('animatic-gone', ctx)).resolves.toMatchObject({ state: 'failed', taskLost: true });
    await expect(fresh.fetchResult('animatic-gone', join(dir, 'x.mp4'), ctx)).rejects.toMatchObject({
      code: 'PROVIDER_FAILED',
    });
  });
});
