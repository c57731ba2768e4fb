/**
 * Defect 7: a full disk during export printed a 20-line ffmpeg/x264 dump with "No space left on
 * device" buried in it. Here the disk really fills: the export goes to a 64 KiB tmpfs mounted
 * for the test (the test runs as root, as .ci/run does). The CLI prints one line naming the disk
 * and the space needed; nothing is left on that disk, and the target does not exist.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { cfrClip } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir('sb disk full-');
const disk = join(root, 'small disk');
const project = join(root, 'film');

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(disk);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
  expect(
    (await runCli(['new', project, '--name', 'Full', '--fps', '25', '--resolution', '720p'], process.env)).status,
  ).toBe(0);
  expect((await runCli(['add-shot', project, '--video', cfrClip()], process.env)).status).toBe(0);
});
afterAll(() => {
  execFileSync('umount', [disk]);
});

describe('export to a full disk', () => {
  it('fails with one line naming the disk and the space needed; nothing half-written is left', async () => {
    const out = join(disk, 'cut.mp4');
    const run = await runCli(['export', project, '--out', out, '--quality', 'draft'], process.env);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('export'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `The disk ${disk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is full \\(\\d+ KB free\\): the export "cut.mp4" was not written; about [\\d.]+ (KB|MB) more is needed`,
      ),
    );
    expect(run.stderr).not.toMatch(/x264|Conversion failed|Error muxing/);
    expect(readdirSync(disk)).toEqual([]);
  });
});
