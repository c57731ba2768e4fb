/**
 * `storyboard export --format …` through the BUILT CLI on a project with real clips,
 * transitions, an alternate take and music: the FCPXML validates against Apple's FCPXML 1.10
 * DTD (xmllint), the JianYing draft folder holds both JSON files, and every page of the PDF
 * storyboard renders (pdftoppm) with the Chinese prompt in an embedded CJK font. A bad format is
 * a usage error with nothing written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO, runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { handoffProject } from './fixture.js';

const root = tempDir();
const env = { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') };
const DTD = join(REPO, 'test/fixtures/fcpxml/FCPXMLv1_10.dtd');
let dir = '';

async function exportAs(format: string, out: string): Promise<string> {
  const r = await runCli(['export', dir, '--format', format, '--out', out], env);
  if (r.status !== 0) throw new Error(`export --format ${format} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

beforeAll(async () => {
  ensureBuilt();
  const { store } = await handoffProject(root);
  dir = store.dir;
  store.close();
});

describe('storyboard export --format', () => {
  it("writes FCPXML that validates against Apple's DTD for FCPXML 1.10", async () => {
    const out = join(root, 'cut 剪辑.fcpxml');
    expect(await exportAs('fcpxml', out)).toBe(out);
    const r = spawnSync('xmllint', ['--noout', '--dtdvalid', DTD, out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<audition');
    expect(xml).toContain('Fade To Color');
    // The check can fail: the same file without its required format attribute on <sequence> does not validate.
    const broken = join(root, 'broken.fcpxml');
    execFileSync('sh', ['-c', `sed 's/<sequence format="r0"/<sequence/' "$1" > "$2"`, 'sh', out, broken]);
    expect(spawnSync('xmllint', ['--noout', '--dtdvalid', DTD, broken]).status).not.toBe(0);
  });

  it('writes OTIO, EDL and MLT files', async () => {
    for (const [format, check] of [
      ['otio', '"OTIO_SCHEMA": "Timeline.1"'],
      ['edl', 'FCM: NON-DROP FRAME'],
      ['mlt', '<mlt '],
    ] as const) {
      const out = join(root, `cut.${format}`);
      await exportAs(format, out);
      expect(readFileSync(out, 'utf8')).toContain(check);
    }
  });

  it('writes a JianYing draft folder', async () => {
    const out = join(root, 'Storyboard draft');
    await exportAs('jianying', out);
    expect(readdirSync(out).sort()).toEqual(['draft_content.json', 'draft_meta_info.json']);
    const content = JSON.parse(readFileSync(join(out, 'draft_content.json'), 'utf8')) as {
      tracks: { type: string; segments: unknown[] }[];
    };
    expect(content.tracks.map((t) => [t.type, t.segments.length])).toEqual([
      ['video', 3],
      ['audio', 1],
    ]);
  });

  it('prints a PDF storyboard whose every page renders, with Chinese text in an embedded CJK font', async () => {
    const out = join(root, 'storyboard 分镜.pdf');
    await exportAs('pdf', out);
    const pngs = join(root, 'pages');
    execFileSync('sh', ['-c', 'mkdir -p "$2" && pdftoppm -r 40 -png "$1" "$2/page"', 'sh', out, pngs]);
    // A title page and one page of three shots (3 × 2 cells for 16:9).
    expect(readdirSync(pngs).sort()).toEqual(['page-1.png', 'page-2.png']);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('夜晚的营地，篝火旁的笑声');
    expect(text).toContain('我们明天出发');
    expect(text).toContain('#3');
  });

  it('refuses an unknown format as a usage error and writes nothing', async () => {
    const out = join(root, 'cut.aaf');
    const r = await runCli(['export', dir, '--format', 'aaf', '--out', out], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of mp4, .*fcpxml, otio, edl, mlt, jianying, pdf/);
    expect(existsSync(out)).toBe(false);
  });
});
