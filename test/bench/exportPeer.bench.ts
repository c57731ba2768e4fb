/**
 * EXP-peer (quality.md): our export of the EXP-1 cut against the same cut rendered by `melt`
 * (MLT, the engine of Shotcut and Kdenlive) with the same encoder settings, in the same run.
 * Theirs renders our MLT hand-off of the same document (shared/interchange/mlt.ts, as
 * test/integration/handoff/mlt.test.ts does), so both sides do the same work: decode the four
 * clips, conform them to 1080p24 (scale + pad, rate change, resample to 48 kHz stereo), encode
 * x264 veryfast crf 23 High 4:2:0 + AAC 192k, faststart MP4. Before reporting, ffprobe checks
 * that the two outputs have the same size, rate, codecs and frame count (± 1), else the bench
 * fails: a ratio of different work means nothing. CPU: user + system seconds of the finished
 * children (our ffmpeg; melt with its encoder threads). Run by test/bench/run.mjs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentFfPaths } from '../../electron/services/ffmpeg/binaries.js';
import { buildHandoffCut } from '../../shared/interchange/handoffCut.js';
import { writeMlt } from '../../shared/interchange/mlt.js';
import { QUALITY_PRESETS } from '../../shared/export/presets.js';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import { makeDoc } from '../unit/export/doc.js';
import { outputFacts, outputFactsText, type OutputFacts } from '../helpers/ffprobe.js';
import { exportCut, MIXED_CUT, mixedCutClips } from '../helpers/mixedCut.js';
import { benchWanted, interleaved, medians, report } from './lib.js';

/** Runs per side; BENCH_RUNS=5 gives steadier medians on a busy machine. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const MELT = process.env.MELT_PATH ?? 'melt';
const DRAFT = QUALITY_PRESETS.draft;

/**
 * melt's avformat consumer with our draft settings, written as its `name=value` properties
 * (`melt -query consumer=avformat`; unknown names go to the codec as AVOptions, like ffmpeg's
 * -preset and -crf). threads=0: libavcodec picks the encoder threads, as the ffmpeg command line
 * does for ours (the consumer's documented default is 1). real_time=-1 is melt's default: one
 * render thread, no frame dropped (a positive value may drop frames).
 */
const MELT_ENCODER = [
  'vcodec=libx264',
  `preset=${DRAFT.x264Preset}`,
  `crf=${DRAFT.crf}`,
  'pix_fmt=yuv420p',
  'vprofile=high',
  'acodec=aac',
  `ab=${DRAFT.audioBitrate}`,
  'ar=48000',
  'ac=2',
  'movflags=+faststart',
  'threads=0',
  'real_time=-1',
];

/** Our MLT hand-off of `doc` written into `dir`, rendered by melt to `out`. */
function meltRender(dir: string, doc: ProjectSnapshot, out: string): void {
  const mlt = join(dir, 'cut.mlt');
  writeFileSync(mlt, writeMlt(buildHandoffCut(doc), { root: dir }));
  const r = spawnSync(MELT, ['-quiet', mlt, '-consumer', `avformat:${out}`, ...MELT_ENCODER], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`melt failed (${r.status ?? r.signal}): ${r.stderr}`);
}

/** Throws unless both encodes are the same work: size, rate, codecs, profile, audio and frames ± 1. */
function sameWork(ours: OutputFacts, theirs: OutputFacts): void {
  const { frames: a, ...oursShape } = ours;
  const { frames: b, ...theirShape } = theirs;
  if (JSON.stringify(oursShape) !== JSON.stringify(theirShape) || Math.abs(a - b) > 1) {
    throw new Error(`not like for like: ours ${outputFactsText(ours)}; melt ${outputFactsText(theirs)}`);
  }
}

function meltVersion(): string {
  const r = spawnSync(MELT, ['--version'], { encoding: 'utf8' });
  return (r.stdout ?? '').split('\n')[0]?.trim() || 'melt';
}

async function expPeer(root: string): Promise<void> {
  const dir = join(root, 'peer');
  mkdirSync(dir, { recursive: true });
  const ffmpegBin = currentFfPaths().ffmpeg;
  const doc = makeDoc(mixedCutClips(dir, ffmpegBin), { dir, width: 1920, height: 1080, fps: { num: 24, den: 1 } });
  const oursOut = join(dir, 'ours.mp4');
  const meltOut = join(dir, 'melt.mp4');
  const t = await interleaved(
    RUNS,
    () => exportCut(dir, doc, oursOut, 'reencode'),
    () => meltRender(dir, doc, meltOut),
  );
  const ours = outputFacts(oursOut);
  const theirs = outputFacts(meltOut);
  sameWork(ours, theirs);
  report(
    {
      id: 'EXP-peer',
      workload: `${MIXED_CUT} -> 1080p24 x264 ${DRAFT.x264Preset} crf ${DRAFT.crf}; vs melt rendering our MLT hand-off of the same cut`,
      ...medians(t),
      targetRatio: 0.7,
      note:
        `melt rendered the whole cut (4 clips, cuts only, no audio lanes) from shared/interchange/mlt.ts with ${meltVersion()}: ${MELT_ENCODER.join(' ')}; ` +
        `ours: the draft export (${ffmpegBin}: libx264 -preset ${DRAFT.x264Preset} -crf ${DRAFT.crf} -pix_fmt yuv420p -profile:v high, aac ${DRAFT.audioBitrate} 48k stereo, +faststart). ` +
        `Outputs: ours ${outputFactsText(ours)}; melt ${outputFactsText(theirs)}. CPU s are the children's (our ffmpeg + probes; melt).`,
    },
    t,
  );
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'storyboard-bench-'));
  try {
    if (benchWanted('EXP-peer')) await expPeer(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
