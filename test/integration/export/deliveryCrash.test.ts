/**
 * Cancel and kill -9 during a multi-deliverable run (three targets): no partial file at any
 * target, the sweep stops the orphan ffmpeg and removes the temps, and the segment cache stays
 * consistent — the next run finds no half-written segment and writes correct files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDelivery } from '../../../electron/services/export/deliveryRun.js';
import { SegmentCache } from '../../../electron/services/export/segmentCache.js';
import { sweepInterruptedExports } from '../../../electron/services/export/sweep.js';
import { isCanceled } from '../../../shared/errors.js';
import { findPreset, type Deliverable } from '../../../shared/export/deliverable.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { deliveryFont, makeToneClip, probeStreams } from './deliveryFixtures.js';
import { FakeExportStore } from './fakeStore.js';
import { addClip } from './fixtures.js';
import { bundleChild, ffmpegAlive, killAll, processesWritingUnder, startChild, until } from './child/bundle.js';

const THREE = ['douyin-tiktok', 'instagram-1x1', 'broadcast-master']
  .map((id) => findPreset(id))
  .filter((d): d is Deliverable => d !== null);

/** Segment encodes at 1080p 'high' on a shared machine: wait up to 2 minutes. */
const SLOW = 120_000;

/** Every cache entry is whole: a .mov with a meta of its size; no temp left by a finished run. */
function cacheConsistent(dir: string): { entries: number; temps: string[] } {
  const names = readdirSync(dir);
  let entries = 0;
  for (const n of names.filter((x) => /^[0-9a-f]{64}\.mov$/.test(x))) {
    const meta = JSON.parse(readFileSync(join(dir, n.replace('.mov', '.json')), 'utf8')) as { bytes: number };
    expect(statSync(join(dir, n)).size).toBe(meta.bytes);
    entries += 1;
  }
  return { entries, temps: names.filter((x) => x.endsWith('.sbtmp')) };
}

describe('delivery: cancel and kill -9 during a three-deliverable run', () => {
  const dir = tempDir();
  const bundle = join(dir, 'deliveryChild.cjs');
  const pidsToReap: number[] = [];
  let clips: ClipSpec[];
  let font: string;
  const doc = () => {
    const d = makeDoc(clips, { dir, width: 1920, height: 1080, fps: { num: 24, den: 1 } });
    d.takes.forEach((t) => Object.assign(t, { provider: 'wan', model: 'wan2.6-t2v' }));
    return d;
  };

  beforeAll(async () => {
    mkdirSync(join(dir, 'src'));
    clips = [0, 1].map((i) => {
      makeToneClip(join(dir, `src/c${i}.mp4`), { color: 'navy', freq: 300 + 100 * i, volume: 0.3, sec: 4 });
      return addClip(dir, `media/c${i}.mp4`, join(dir, `src/c${i}.mp4`));
    });
    font = await deliveryFont();
    await bundleChild('deliveryChild.ts', bundle);
  }, 120_000);

  afterAll(() => killAll(pidsToReap));

  it('cancel: no file at any target, no temp, the cache whole', async () => {
    const out = join(dir, 'canceled');
    const cacheDir = join(dir, 'cache-cancel');
    const controller = new AbortController();
    let sawRunning = false;
    const run = runDelivery(new FakeExportStore(dir, doc()), new SegmentCache(cacheDir), {
      deliverables: THREE,
      out,
      quality: 'draft',
      fontFile: font,
      signal: controller.signal,
      onProgress: (p) => {
        // Cancel once the first segment's encode reports progress (ffmpeg is writing).
        if (!sawRunning && p.deliverables.some((d) => d.progress > 0)) {
          sawRunning = true;
          controller.abort();
        }
      },
    });
    const err = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCanceled(err)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
    expect(cacheConsistent(cacheDir).temps).toEqual([]);
  }, 240_000);

  it('kill -9: nothing at any target; the sweep stops the orphan; the cache holds no partial segment and the next run is right', async () => {
    const out = join(dir, 'killed');
    const cacheDir = join(dir, 'cache-kill');
    const storeFile = join(dir, 'store.json');
    new FakeExportStore(dir, doc(), storeFile);
    const { child, stderr, exited } = startChild(bundle, [storeFile, out, cacheDir, font]);
    // Wait until a segment's ffmpeg (not the sound's mix) is recorded with its pid and writing
    // (quality 'high': slow).
    let seg = { pid: null as number | null, tempPath: '' };
    await until(
      () => `a segment encode (${stderr()})`,
      () => {
        seg =
          FakeExportStore.load(storeFile)
            .unfinishedExports()
            .find(
              (r) => r.tempPath.startsWith(cacheDir) && !basename(r.tempPath).startsWith('.mix.') && r.pid !== null,
            ) ?? seg;
        return seg.pid !== null && existsSync(seg.tempPath) && statSync(seg.tempPath).size > 0;
      },
      SLOW,
    );
    const pid = seg.pid as number;
    pidsToReap.push(pid);
    child.kill('SIGKILL');
    await exited;
    expect(ffmpegAlive(pid, seg.tempPath)).toBe(true);
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual([]);

    const store = FakeExportStore.load(storeFile);
    // Segments encode in parallel (up to one ffmpeg per core): every orphan the dead run
    // recorded is killed, the one seen writing among them, and none is left running.
    const orphans = store
      .unfinishedExports()
      .filter((r) => r.pid !== null && r.tempPath.startsWith(cacheDir) && ffmpegAlive(r.pid, r.tempPath));
    pidsToReap.push(...orphans.map((r) => r.pid as number));
    const swept = await sweepInterruptedExports(store);
    expect(swept.killed).toContain(pid);
    // (The sweep may also find one by its temp alone: a run killed before its pid was recorded.)
    expect(swept.killed).toEqual(expect.arrayContaining(orphans.map((r) => r.pid)));
    await until(
      'the killed orphans to be gone',
      () => orphans.every((r) => !ffmpegAlive(r.pid as number, r.tempPath)),
      SLOW,
    );
    // Whatever the dead run had started (segments, the mix, the sound), nothing of it still runs.
    expect(processesWritingUnder(cacheDir)).toEqual([]);
    expect(swept.problems).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
    // Temps the dead run left in the cache are never read as segments, and go with a sweep.
    const cache = new SegmentCache(cacheDir);
    await cache.sweepTemps(0);
    expect(cacheConsistent(cacheDir).temps).toEqual([]);

    const report = await runDelivery(new FakeExportStore(dir, doc()), cache, {
      deliverables: THREE,
      out,
      quality: 'draft',
      fontFile: font,
    });
    for (const d of report.deliverables) expect(Number(probeStreams(d.outPath).video.nb_read_packets)).toBe(8 * 24);
  }, 300_000);
});
