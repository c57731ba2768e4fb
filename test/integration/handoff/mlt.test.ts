/**
 * MLT hand-off rendered by melt (the Shotcut/Kdenlive engine) against our own MP4 export of the
 * same project: the same number of frames (± 1) and, at the middle of every shot, the same
 * picture: PSNR above 30 dB (the two differ only by scaler and encoder rounding; a wrong trim or
 * order is a different picture, below 15 dB). Measured with the system ffmpeg/ffprobe/melt.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/services/export/exportJob.js';
import type { ProjectStore } from '../../../electron/services/project/store.js';
import { buildHandoffCut, type HandoffCut } from '../../../shared/interchange/handoffCut.js';
import { writeMlt } from '../../../shared/interchange/mlt.js';
import { countVideoFrames } from '../../helpers/ffprobe.js';
import { frameN, psnrOf } from '../../helpers/psnr.js';
import { tempDir } from '../../helpers/tmp.js';
import { handoffProject } from './fixture.js';

export const PSNR_MIN_DB = 30;

/**
 * PSNR (dB, average of R, G, B) of frame n (0-based) of `a` against frame `m` of `b`, both
 * reduced to 320x180 by area averaging and compared in RGB: the test is about which picture is
 * on screen, not about scaling kernels or the YUV matrix (melt converts a BT.601 source to the
 * BT.709 profile and tags it; our MP4 keeps the source's values untagged, so their raw YUV
 * planes differ by ~10 dB on saturated colours although the decoded pictures agree).
 */
function psnr(a: string, b: string, n: number, m = n): number {
  return psnrOf(a, frameN(n), b, frameN(m));
}

describe('MLT hand-off rendered by melt', () => {
  const root = tempDir();
  let store: ProjectStore;
  let cut: HandoffCut;
  const ours = join(root, 'ours.mp4');
  const theirs = join(root, 'melt.mp4');

  beforeAll(async () => {
    ({ store } = await handoffProject(root));
    cut = buildHandoffCut(store.snapshot());
    await runExport(store, { outPath: ours, quality: 'draft' });
    const mlt = join(root, 'cut.mlt');
    writeFileSync(mlt, writeMlt(cut, { root: store.dir }));
    execFileSync(
      'melt',
      ['-quiet', mlt, '-consumer', `avformat:${theirs}`, 'vcodec=libx264', 'crf=16', 'preset=ultrafast', 'acodec=aac'],
      { stdio: 'pipe' },
    );
    // Two encodes of ~12 s of 720p on a shared 2-core machine: allow more than the default hook time.
  }, 360_000);

  afterAll(() => store.close());

  it('lasts as long as our MP4 (± 1 frame)', () => {
    const a = countVideoFrames(ours);
    const b = countVideoFrames(theirs);
    expect(a).toBe(cut.totalFrames);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
  });

  it(`shows the same picture at the middle of every shot (PSNR > ${PSNR_MIN_DB} dB)`, () => {
    const measured = cut.clips.map((c) => {
      const mid = c.startFrame + Math.floor(c.frames / 2);
      return { shot: c.number, frame: mid, psnr: Number(psnr(ours, theirs, mid).toFixed(2)) };
    });
    console.log('MLT vs MP4 PSNR at shot middles (dB):', JSON.stringify(measured));
    for (const m of measured) expect(m.psnr, `shot ${m.shot} at frame ${m.frame}`).toBeGreaterThan(PSNR_MIN_DB);
    // The measure can fail: the middle of shot 1 against the middle of shot 2 is far below it.
    const [one, two] = measured;
    if (!one || !two) throw new Error('the fixture has three shots');
    const wrong = psnr(ours, theirs, one.frame, two.frame);
    console.log('a wrong shot scores', wrong.toFixed(2), 'dB');
    expect(wrong).toBeLessThan(PSNR_MIN_DB - 10);
  });
});
