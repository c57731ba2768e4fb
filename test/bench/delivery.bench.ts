/**
 * EXP-2 and EXP-5 (quality.md), each against a baseline measured in the same run with the same
 * code and ffmpeg:
 * - EXP-2: re-export after changing 1 of 12 shots (its trim) vs the first export of the same
 *   cut with an empty segment cache. EXP-2b: the same with a picture-only change (the shot's
 *   framing), where the deliverable's finished sound comes from the cache too. Each pair: the first export (timed, cache cleared before),
 *   then the re-export of the cut with shot k trimmed (timed; k differs per pair so it is never
 *   cached). One deliverable: YouTube 1080p (H.264, -14 LUFS, label shown).
 * - EXP-5: three deliverables (9:16 H.264 1080p, 1:1 HEVC, 16:9 ProRes) in ONE run vs the same
 *   three as three separate runs; every run starts from an empty cache.
 * Both check what they measured (segments reused/encoded, files made) so a ratio never hides
 * the wrong path.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDelivery } from '../../electron/services/export/deliveryRun.js';
import { SegmentCache } from '../../electron/services/export/segmentCache.js';
import { setFfmpegLogger } from '../../electron/services/ffmpeg/runner.js';
import { resolveTitleFont } from '../../electron/services/generation/fonts.js';
import { findPreset, type Deliverable } from '../../shared/export/deliverable.js';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import { FakeExportStore } from '../integration/export/fakeStore.js';
import { addClip } from '../integration/export/fixtures.js';
import { lavfiClip } from '../helpers/lavfiClip.js';
import { makeDoc, type ClipSpec } from '../unit/export/doc.js';
import { benchWanted, measure, medians, report, type Paired } from './lib.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

function preset(id: string, over: Partial<Deliverable> = {}): Deliverable {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return { ...p, ...over };
}

function toneClip(out: string, i: number, sec: number): void {
  lavfiClip(out, {
    video: `testsrc2=s=640x360:r=24:d=${sec}`,
    audio: `sine=f=${220 + 40 * i}:r=48000:d=${sec},volume=0.${2 + (i % 6)},aformat=channel_layouts=stereo`,
    preset: 'ultrafast',
    videoArgs: ['-g', '48'],
    shortest: true,
  });
}

function project(dir: string, shots: number, sec: number): ClipSpec[] {
  mkdirSync(join(dir, 'src'), { recursive: true });
  return Array.from({ length: shots }, (_, i) => {
    const src = join(dir, `src/c${i}.mp4`);
    toneClip(src, i, sec);
    return addClip(dir, `media/c${i}.mp4`, src);
  });
}

function doc(dir: string, clips: ClipSpec[], edit: (d: ProjectSnapshot) => void = () => {}): ProjectSnapshot {
  const d = makeDoc(clips, { dir, width: 1920, height: 1080, fps: { num: 24, den: 1 } });
  d.takes.forEach((t) => Object.assign(t, { provider: 'wan', model: 'wan2.6-t2v' }));
  edit(d);
  return d;
}

type Change = 'trim' | 'framing';

/** Shot k changed: its trim (picture AND sound change) or its framing (picture only). */
function changeShot(d: ProjectSnapshot, k: number, change: Change): void {
  const s = d.shots[k];
  if (!s) return;
  if (change === 'trim') s.trimInFrames = 6;
  else s.framing = { '16:9': { mode: 'fill', x: 0, y: 0.5 } };
}

async function exp2(root: string, font: string, change: Change): Promise<void> {
  const id = change === 'trim' ? 'EXP-2' : 'EXP-2b';
  const dir = join(root, id);
  const clips = project(dir, 12, 2);
  const cache = new SegmentCache(join(dir, 'cache'));
  const dv = [preset('youtube-1080p')];
  const out = join(dir, 'out');
  const p: Paired = { ours: [], baseline: [] };
  const encoded: string[] = [];
  // What ran, to check the re-export took the path it claims (the sound made again or reused).
  let soundRuns = 0;
  setFfmpegLogger((e) => {
    if (e.event === 'start' && /ebur128/.test(e.commandLine)) soundRuns += 1;
  });
  for (let i = 0; i < RUNS; i++) {
    await cache.clear();
    p.baseline.push(
      await measure(() =>
        runDelivery(new FakeExportStore(dir, doc(dir, clips)), cache, {
          deliverables: dv,
          out,
          quality: 'draft',
          fontFile: font,
        }),
      ),
    );
    const changed = doc(dir, clips, (d) => changeShot(d, (i * 5) % 12, change));
    let r: Awaited<ReturnType<typeof runDelivery>> | null = null;
    soundRuns = 0;
    p.ours.push(
      await measure(async () => {
        r = await runDelivery(new FakeExportStore(dir, changed), cache, {
          deliverables: dv,
          out,
          quality: 'draft',
          fontFile: font,
        });
      }),
    );
    const d0 = (r as Awaited<ReturnType<typeof runDelivery>> | null)?.deliverables[0];
    if (!d0 || d0.segmentsEncoded !== 1 || d0.segmentsReused !== 11)
      throw new Error(`${id} measured the wrong path: ${JSON.stringify(d0)}`);
    if (soundRuns !== (change === 'trim' ? 1 : 0))
      throw new Error(`${id} measured the wrong path: the mix ran ${soundRuns} time(s)`);
    encoded.push(`${d0.segmentsReused} reused/${d0.segmentsEncoded} encoded`);
  }
  setFfmpegLogger(null);
  report(
    {
      id,
      workload: `12 shots x 2 s (640x360 24 fps + tone) -> YouTube 1080p H.264 draft, -14 LUFS two-pass, AI label; shot k ${
        change === 'trim' ? 'trimmed by 6 frames (picture and sound change)' : 'reframed (fill, left): picture only'
      }`,
      ...medians(p),
      targetRatio: 0.15,
      note: `ours: re-export (segment cache: ${encoded[0] ?? ''}; ${
        change === 'trim'
          ? 'the sound changed: mixed, measured and encoded again beside the segment encode, then joined by copy'
          : 'the sound from the cache: no mix, no loudness pass; joined by copy'
      }); baseline: first export, empty cache`,
    },
    p,
  );
}

async function exp5(root: string, font: string): Promise<void> {
  const dir = join(root, 'exp5');
  const clips = project(dir, 4, 3);
  const three = [
    preset('douyin-tiktok'),
    preset('instagram-1x1', { id: 'square-hevc', codec: 'hevc' }),
    preset('broadcast-master'),
  ];
  const cache = new SegmentCache(join(dir, 'cache'));
  const store = (): FakeExportStore => new FakeExportStore(dir, doc(dir, clips));
  const one = async (): Promise<void> => {
    await cache.clear();
    const r = await runDelivery(store(), cache, {
      deliverables: three,
      out: join(dir, 'one'),
      quality: 'draft',
      fontFile: font,
    });
    if (r.deliverables.length !== 3) throw new Error('EXP-5: expected three files');
  };
  const separate = async (): Promise<void> => {
    for (const dv of three) {
      await cache.clear();
      await runDelivery(store(), cache, {
        deliverables: [dv],
        out: join(dir, 'sep'),
        quality: 'draft',
        fontFile: font,
      });
    }
  };
  const p: Paired = { ours: [], baseline: [] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order so machine-load drift hits both alike.
    if (i % 2 === 0) {
      p.ours.push(await measure(one));
      p.baseline.push(await measure(separate));
    } else {
      p.baseline.push(await measure(separate));
      p.ours.push(await measure(one));
    }
  }
  report(
    {
      id: 'EXP-5',
      workload:
        '4 shots x 3 s (640x360 24 fps + tone), 16:9 1080p project -> 9:16 H.264 1080p + 1:1 HEVC 1080 + 16:9 ProRes 422 1080p, draft, loudness two-pass, AI label',
      ...medians(p),
      targetRatio: 0.8,
      note: 'ours: one run (each segment decoded once, split to three encoders; one mix + loudness measure); baseline: the same three deliverables as three runs, empty cache each',
    },
    p,
  );
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'storyboard-bench-delivery-'));
  try {
    const font = (await resolveTitleFont()).file;
    if (benchWanted('EXP-2')) await exp2(root, font, 'trim');
    if (benchWanted('EXP-2b')) await exp2(root, font, 'framing');
    if (benchWanted('EXP-5')) await exp5(root, font);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
