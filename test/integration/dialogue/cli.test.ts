/**
 * The dialogue acceptance path through the BUILT CLI, checked independently of our own code
 * (system ffmpeg/ffprobe, the sidecar files, the project database): two characters with
 * offline voices, three shots with Chinese and English lines -> voiced; a timing warning on the
 * too-short shot; fixed by `fit`; exported with burned-in subtitles and SRT/WebVTT sidecars.
 * Every cue lies inside its line's voice-over item and inside the export, the subtitle area
 * differs from an export without subtitles, and the audio has speech energy during each cue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { framesToSeconds } from '../../../shared/model/time.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { cueProblems, DIALOGUE_LINES } from '../../helpers/dialogueCues.js';
import { changedShare, grayRegion, meanVolume, parseCues } from '../../helpers/exportChecks.js';
import { ffprobeJson } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const env = { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') };

async function ok(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

beforeAll(() => ensureBuilt());

describe('dialogue through the CLI', () => {
  it('voices, warns, fits and exports with burned-in subtitles and SRT/WebVTT sidecars that match the voice-over', async () => {
    const dir = join(root, '对白 project');
    await ok(['new', dir, '--name', 'Dialogue', '--resolution', '720p', '--fps', '24']);
    await ok(['element', 'add', dir, '--name', '小明']);
    await ok(['element', 'add', dir, '--name', 'Anna Lee']);
    await ok(['cast', dir, '--speaker', '小明', '--voice', 'espeak:cmn+m3']);
    await ok(['cast', dir, '--speaker', '@Anna_Lee', '--voice', 'espeak:en-us+f3', '--speed', '1.1']);
    const s1 = (
      await ok([
        'add-shot',
        dir,
        '--prompt',
        '厨房',
        '--duration',
        '6',
        '--dialogue',
        '小明: 你好，今天我们去公园吧。',
        '--dialogue',
        'Anna Lee: Sounds great, let us go!',
      ])
    ).stdout.trim();
    const s2 = (
      await ok([
        'add-shot',
        dir,
        '--prompt',
        'the park',
        '--duration',
        '1',
        '--dialogue',
        'Anna Lee: Look at the ducks on the pond.',
        '--dialogue',
        '小明：真好玩。',
      ])
    ).stdout.trim();
    const s3 = (
      await ok(['add-shot', dir, '--prompt', 'sunset', '--duration', '5', '--dialogue', 'Narrator: The sun went down.'])
    ).stdout.trim();

    // Bad input through the CLI: clear, one line, exit 1, nothing written.
    const bad = await runCli(['add-shot', dir, '--dialogue', '小红: 你好'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/nobody in this project is called "小红"/);

    const voiced = await ok(['voice', dir]);
    expect(voiced.stdout).toContain('5 of 5 line(s) voiced');
    expect(voiced.stderr).toMatch(new RegExp(`warning: shot 2 \\(${s2}\\) is 1\\.00 s but its lines need`));
    expect(voiced.stderr).not.toContain(s1);
    const fit = await ok(['fit', dir]);
    expect(fit.stderr).not.toContain('warning');
    await ok(['generate', dir]);

    const withSubs = join(root, 'with subs.mp4');
    const without = join(root, 'without.mp4');
    await ok(['export', dir, '--out', withSubs, '--quality', 'draft', '--subtitles', 'burn']);
    await ok(['export', dir, '--out', without, '--quality', 'draft']);
    await ok(['export', dir, '--format', 'srt', '--out', join(root, 'subs.srt')]);
    await ok(['export', dir, '--format', 'vtt', '--out', join(root, 'subs.vtt')]);
    const srt = parseCues(readFileSync(join(root, 'subs.srt'), 'utf8'));
    const vttText = readFileSync(join(root, 'subs.vtt'), 'utf8');
    expect(vttText.startsWith('WEBVTT')).toBe(true);
    const vtt = parseCues(vttText);
    expect(srt.map((c) => c.text)).toEqual(DIALOGUE_LINES);
    expect(vtt.map((c) => [c.start, c.end])).toEqual(srt.map((c) => [c.start, c.end]));

    // The project's own record of the voice-over items (read from the database, not the CLI).
    const store = ProjectStore.open(dir);
    let items: { start: number; end: number }[];
    try {
      const snap = store.snapshot();
      const fps = snap.project.fps;
      const lines = snap.dialogueLines ?? [];
      expect(lines.map((l) => l.shotId)).toEqual([s1, s1, s2, s2, s3]);
      items = lines.map((l) => {
        const item = snap.audioItems.find((i) => i.id === l.voiceItemId)!;
        const asset = snap.assets.find((a) => a.id === item.assetId)!;
        return {
          start: framesToSeconds(item.startFrame, fps),
          end: framesToSeconds(item.startFrame, fps) + asset.info.durationSec,
        };
      });
    } finally {
      store.close();
    }
    expect(
      ffprobeJson(withSubs)
        .streams.map((s) => s.codec_type)
        .sort(),
    ).toEqual(['audio', 'video']);
    // Each cue inside its voice-over and the film, with speech energy and a subtitle in the bottom fifth.
    expect(cueProblems(srt, items, withSubs, without)).toEqual([]);
    // A stretch with no line is silent (the animatic has no sound): the energy above is the speech.
    const gapStart = srt[0]!.end + 0.02;
    const gapEnd = srt[1]!.start - 0.02;
    expect(gapEnd - gapStart).toBeGreaterThan(0.1);
    expect(meanVolume(withSubs, gapStart, gapEnd)).toBeLessThan(-60);
    // The subtitles change only the bottom of the frame (cueProblems checked it changes there).
    for (const cue of srt) {
      const mid = (cue.start + cue.end) / 2;
      expect(
        changedShare(grayRegion(withSubs, mid, 'iw:ih/5:0:0'), grayRegion(without, mid, 'iw:ih/5:0:0')),
      ).toBeLessThan(0.001);
    }
  }, 240_000);
});
