/**
 * `storyboard variants` through the BUILT CLI, end to end with the offline animatic: a template
 * (a packshot shot whose first frame is the {{packshot}} slot, then a title card
 * "{{product}} — {{tagline}}") × a 6-row CSV (one row without a tagline) × 16:9 and 9:16.
 * Checked by frame grabs (ffmpeg, decoded independently of the app): each file's first frame
 * matches its own row's picture (PSNR) and not another row's; each title card matches a
 * reference render of that row's text (a plain project with the text as its prompt, at 16:9 and
 * at 9:16: the animatic makes every aspect, so each row's 9:16 is generated at 9:16) and not
 * another row's. The row without a value is reported and skipped; the variant projects share
 * the template's media files (same inode, no second copy); a rerun writes nothing.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, variantsArgs } from '../../helpers/cli.js';
import { frameSize } from '../../helpers/ffprobe.js';
import { lavfiPicture } from '../../helpers/lavfiClip.js';
import { tempDir } from '../../helpers/tmp.js';
import { frameN, psnrOf } from '../../helpers/psnr.js';

const root = tempDir();
const env = {
  ...process.env,
  STORYBOARD_CONFIG_DIR: join(root, 'config'),
  STORYBOARD_CACHE_DIR: join(root, 'cache'),
};

async function ok(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

/** Five different pictures (ffmpeg test sources, 320x180 = 16:9). */
const SOURCES = ['testsrc', 'smptebars', 'mandelbrot', 'rgbtestsrc', 'color=c=orange'];
const ROWS = [
  { id: 'lumo', product: 'Lumo 2', tagline: 'Light that follows you' },
  { id: 'nova', product: 'Nova Pro', tagline: 'Sound without wires' },
  { id: 'zed', product: 'Zed Kettle', tagline: 'Boils in 90 seconds' },
  { id: 'orbit', product: 'Orbit Fan', tagline: 'Quiet as a whisper' },
  { id: 'kite', product: 'Kite 5', tagline: '轻到可以忘记' },
];
const FPS = 8;
const CARD_FRAME = 16; // the middle of the 2 s title card after the 1 s packshot

const psnr = (a: string, aFilter: string, b: string, bFilter: string): number =>
  Math.min(99, psnrOf(a, aFilter, b, bFilter));
const frame = frameN;
/**
 * PSNR floors of a row's own picture: a 9:16 first frame is the middle 101x180 of a 320x180
 * picture blown up to 720x1280 (the animatic's fill), so it matches less closely than 16:9
 * (measured 23.4-45 dB own, at most 7 dB against another row's picture).
 */
const FLOOR: Record<string, number> = { first16: 25, first916: 20 };
/** The animatic fills a 9:16 frame with a 16:9 picture: the picture's middle, 9:16. */
const middle916 = 'crop=ih*9/16:ih';

describe('storyboard variants', () => {
  const tpl = join(root, 'template');
  const out = join(root, 'out');
  const data = join(root, 'rows.csv');
  const pictures: string[] = [];
  const refFile = join(root, 'reference.mp4');
  const ref916File = join(root, 'reference-9x16.mp4');
  let first: { stdout: string; stderr: string };

  beforeAll(async () => {
    ensureBuilt();
    SOURCES.forEach((src, i) => {
      const file = lavfiPicture(
        join(root, `pic${i + 1}.png`),
        src.includes('=') ? `${src}:s=320x180` : `${src}=s=320x180`,
      );
      pictures.push(file);
    });
    await ok(['new', tpl, '--name', 'Ad', '--aspect', '16:9', '--resolution', '720p', '--fps', String(FPS)]);
    const packshot = (await ok(['add-shot', tpl, '--prompt', 'packshot', '--duration', '1'])).stdout.trim();
    await ok(['add-shot', tpl, '--prompt', '{{product}} — {{tagline}}', '--duration', '2']);
    await ok(['template', tpl, '--set', 'product=Sample', '--set', 'tagline=Sample line']);
    await ok(['template', tpl, '--picture', `packshot=${pictures[0]}`, '--first-frame', `${packshot}=packshot`]);
    const csv = [
      'id,product,tagline,packshot',
      ...ROWS.map((r, i) => `${r.id},${r.product},"${r.tagline}",pic${i + 1}.png`),
      'broken,Gap Phone,,pic1.png',
    ].join('\n');
    writeFileSync(data, `${csv}\n`);
    // The reference render: a plain project (no template) with each row's text as a title card's prompt.
    const ref = join(root, 'reference');
    await ok(['new', ref, '--name', 'Ref', '--aspect', '16:9', '--resolution', '720p', '--fps', String(FPS)]);
    for (const r of ROWS) await ok(['add-shot', ref, '--prompt', `${r.product} — ${r.tagline}`, '--duration', '2']);
    await ok(['generate', ref]);
    await ok(['export', ref, '--out', refFile, '--aspect', '16:9', '--quality', 'draft']);
    // The animatic makes 9:16 natively, so each row's 9:16 card is laid out for 9:16: a 9:16 reference.
    const ref916 = join(root, 'reference-9x16');
    await ok(['new', ref916, '--name', 'Ref', '--aspect', '9:16', '--resolution', '720p', '--fps', String(FPS)]);
    for (const r of ROWS) await ok(['add-shot', ref916, '--prompt', `${r.product} — ${r.tagline}`, '--duration', '2']);
    await ok(['generate', ref916]);
    await ok(['export', ref916, '--out', ref916File, '--aspect', '9:16', '--quality', 'draft']);
    first = await ok(variantsArgs(tpl, data, out, ['16:9', '9:16'], '--quality', 'draft'));
  }, 600_000);

  it('writes one MP4 per row per aspect, reports and skips the row with a missing value', () => {
    const mp4s = readdirSync(out)
      .filter((f) => f.endsWith('.mp4'))
      .sort();
    expect(mp4s).toEqual(ROWS.flatMap((r) => [`${r.id}_16x9.mp4`, `${r.id}_9x16.mp4`]).sort());
    expect(first.stderr).toMatch(/Matrix: 6 row\(s\) × 2 aspect\(s\); 5 row\(s\) to make/);
    expect(first.stderr).toMatch(/Estimate: 0\.00 USD/);
    expect(first.stderr).toContain('Row 6 (broken) skipped: missing {{tagline}}');
    expect(first.stderr).toContain('10 written, 0 already done, 1 row(s) skipped, 0 failed.');
    // The animatic makes any aspect: both shots are generated again at 9:16, nothing cropped.
    expect(first.stdout).toMatch(/lumo\s+9:16\s+written\s+lumo_9x16\.mp4\s+pending\s+2 shot\(s\) generated at 9:16$/m);
    expect(first.stderr).toContain('Generations per row: 4 (2 at 16:9 (the clips), 2 at 9:16)');
    for (const f of mp4s) {
      expect(frameSize(join(out, f)), f).toBe(f.includes('16x9') ? '1280,720' : '720,1280');
    }
  });

  it("puts each row's picture on its first frame and each row's text on its title card", () => {
    const first16: number[][] = [];
    const card16: number[][] = [];
    const first916: number[][] = [];
    const card916: number[][] = [];
    for (const r of ROWS) {
      const f16 = join(out, `${r.id}_16x9.mp4`);
      const f916 = join(out, `${r.id}_9x16.mp4`);
      first16.push(pictures.map((p) => psnr(f16, frame(0), p, '')));
      first916.push(pictures.map((p) => psnr(f916, frame(0), p, middle916)));
      // Row j's card in the reference is its shot j (2 s each): the same frame of the card.
      const refFrame = (j: number): string => frame(j * 2 * FPS + (CARD_FRAME - FPS));
      card16.push(ROWS.map((_, j) => psnr(f16, frame(CARD_FRAME), refFile, refFrame(j))));
      card916.push(ROWS.map((_, j) => psnr(f916, frame(CARD_FRAME), ref916File, refFrame(j))));
    }
    console.log('PSNR dB, row x picture/reference:', JSON.stringify({ first16, first916, card16, card916 }));
    for (const [name, m] of Object.entries({ first16, first916, card16, card916 })) {
      m.forEach((row, i) => {
        const own = row[i] as number;
        const others = row.filter((_, j) => j !== i);
        expect(own, `${name} row ${i + 1} vs its own`).toBeGreaterThan(FLOOR[name] ?? 30);
        expect(own - Math.max(...others), `${name} row ${i + 1}: own vs the best other`).toBeGreaterThan(3);
      });
    }
  });

  it('shares the template media files (same inode, one copy) across the variant projects', () => {
    const media = (dir: string): Map<string, { ino: number; size: number }> => {
      const found = new Map<string, { ino: number; size: number }>();
      for (const sub of readdirSync(join(dir, 'media'))) {
        for (const f of readdirSync(join(dir, 'media', sub))) {
          const st = statSync(join(dir, 'media', sub, f));
          found.set(`${sub}/${f}`, { ino: st.ino, size: st.size });
        }
      }
      return found;
    };
    const template = media(tpl);
    expect(template.size).toBeGreaterThan(0);
    let linked = 0;
    for (const r of ROWS) {
      const variant = media(join(out, 'projects', r.id));
      for (const [rel, st] of template) {
        expect(variant.get(rel)?.ino, `${r.id} ${rel}`).toBe(st.ino);
        linked += st.size;
      }
    }
    for (const [rel] of template) expect(statSync(join(tpl, 'media', rel)).nlink).toBe(1 + ROWS.length);
    console.log(`template media shared by ${ROWS.length} variants: ${linked} bytes not copied`);
  });

  it('skips finished outputs on a rerun', async () => {
    const before = readdirSync(out)
      .filter((f) => f.endsWith('.mp4'))
      .map((f) => [f, statSync(join(out, f)).mtimeMs]);
    const again = await ok(variantsArgs(tpl, data, out, ['16:9', '9:16']));
    expect(again.stderr).toContain('0 written, 10 already done, 1 row(s) skipped, 0 failed.');
    expect(again.stderr).toContain('0 row(s) to make');
    for (const [f, mtime] of before) expect(statSync(join(out, f as string)).mtimeMs, f as string).toBe(mtime);
  });
});
