/**
 * The stream-copy decision remembers each clip's probe per file identity (copyProbe.ts), so a
 * second export of the same takes starts no clip probe, while a file rewritten under the same
 * name is probed again and judged on its new contents. ffprobe calls are counted by a wrapper
 * script that logs its arguments and runs the real ffprobe.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearClipFactsCache } from '../../../electron/services/export/copyProbe.js';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { currentFfPaths, setFfPaths } from '../../../electron/services/ffmpeg/binaries.js';
import { countVideoFrames } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { FakeExportStore } from './fakeStore.js';
import { addClip } from './fixtures.js';
import { markedClip } from './syncFixtures.js';

describe('clip probes are remembered per file identity', () => {
  const dir = tempDir();
  const log = join(dir, 'ffprobe-calls.log');
  let clips: ClipSpec[] = [];
  let other = '';

  beforeAll(() => {
    const real = currentFfPaths();
    const wrapper = join(dir, 'ffprobe-wrapper.sh');
    // One line per call: the clip-facts probe is the only one that asks for a data hash.
    writeFileSync(
      wrapper,
      `#!/bin/sh\ncase "$*" in *-show_data_hash*) echo clip >> '${log}';; *) echo other >> '${log}';; esac\nexec '${real.ffprobe}' "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    setFfPaths({ ...real, ffprobe: wrapper });
    clearClipFactsCache();
    const src = join(dir, 'src');
    const base = markedClip(join(src, 'base.mp4'));
    other = markedClip(join(src, 'crf30.mp4'), { x264: ['-crf', '30'] });
    clips = [addClip(dir, 'media/a.mp4', base), addClip(dir, 'media/b.mp4', base)];
  });
  afterAll(() => setFfPaths(null));

  const calls = (): string[] => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const exportOnce = async (
    name: string,
  ): Promise<{ mode: string; reason: string; clipProbes: number; file: string }> => {
    writeFileSync(log, '');
    const store = new FakeExportStore(dir, makeDoc(clips, { dir, width: 320, height: 240, fps: { num: 24, den: 1 } }));
    mkdirSync(join(dir, 'out'), { recursive: true });
    const file = join(dir, 'out', name);
    const result = await runExport(store, { outPath: file, quality: 'draft' });
    return { mode: result.mode, reason: result.reason, clipProbes: calls().filter((c) => c === 'clip').length, file };
  };

  it('probes each clip once, then not again; a rewritten file is probed again and refused on its new SPS', async () => {
    const first = await exportOnce('first.mp4');
    expect(first).toMatchObject({ mode: 'copy', clipProbes: 2 });
    // The copy is still verified every time: one probe of the output.
    expect(calls().filter((c) => c === 'other')).toHaveLength(1);

    const second = await exportOnce('second.mp4');
    expect(second).toMatchObject({ mode: 'copy', clipProbes: 0 });
    expect(calls()).toEqual(['other']);
    expect(countVideoFrames(second.file)).toBe(48);

    // Same name and size class, other x264 settings: the project's records (MediaInfo) can't tell.
    copyFileSync(other, join(dir, 'media/b.mp4'));
    const third = await exportOnce('third.mp4');
    expect(third.clipProbes).toBe(1);
    expect(third.mode).toBe('reencode');
    expect(third.reason).toMatch(/different H\.264 settings \(SPS\/PPS\)/);
    expect(countVideoFrames(third.file)).toBe(48);
  });
});
