/**
 * MEDIA-1 through the real CLI: kill -9 of `storyboard export` mid-encode leaves nothing at
 * the target, and the next start (any command that opens the project) removes the temp
 * file and the orphaned ffmpeg (which Debian's ffmpeg 5.1 would otherwise finish).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';
import { ensureBuilt, storyboard, storyboardAsync } from '../../helpers/cli.js';
import { realMedia } from '../../helpers/realMedia.js';

function ok(args: string[]): string {
  const r = storyboard(args);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

function ffmpegsWriting(fragment: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', fragment], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('kill -9 during a CLI export (MEDIA-1)', () => {
  const root = tempDir();
  const dir = join(root, 'crash project');
  const outDir = join(root, 'renders 输出');
  beforeAll(() => {
    ensureBuilt();
    ok(['new', dir, '--name', 'crash', '--resolution', '1080p', '--fps', '30']);
    for (let i = 0; i < 3; i++) ok(['add-shot', dir, '--video', realMedia('ai-clip-kitten-720x480-8fps.mp4')]);
    execFileSync('mkdir', ['-p', outDir]);
  });

  it('leaves no file at the target, and the next start sweeps the temp and the orphan ffmpeg', async () => {
    const target = join(outDir, 'final cut.mp4');
    const child = storyboardAsync(['export', dir, '--out', target, '--quality', 'high']);
    const temps = (): string[] => readdirSync(outDir).filter((f) => f.endsWith('.sbtmp'));
    expect(await until(() => temps().length === 1, 30_000)).toBe(true);
    const temp = temps()[0] as string;
    // The temp is reserved before ffmpeg starts: wait for ffmpeg itself (a loaded machine can
    // take a while), then let it write real, partial data.
    expect(await until(() => ffmpegsWriting(temp).length > 0, 30_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    expect(existsSync(target)).toBe(false);
    expect(ffmpegsWriting(temp).length).toBeGreaterThan(0); // the orphan is really there

    ok(['info', dir, '--json']); // "the next start"
    expect(await until(() => ffmpegsWriting(temp).length === 0, 5_000)).toBe(true);
    expect(temps()).toEqual([]);
    expect(existsSync(target)).toBe(false);

    // And the project still exports normally afterwards.
    expect(ok(['export', dir, '--out', target, '--quality', 'draft'])).toBe(target);
    expect(temps()).toEqual([]);
  });
});
