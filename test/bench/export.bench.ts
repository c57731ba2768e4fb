/**
 * EXP-1 and EXP-3 (quality.md): our export (runExport: plan, argument builder, the runner,
 * fsync + rename) against ffmpeg commands written by hand, in the same run on the same
 * ffmpeg binary. Run by test/bench/run.mjs. EXP-1 must take the re-encode path (mixed clips)
 * and EXP-3 the stream-copy path (identical whole takes); each checks the mode it measured.
 * EXP-4: our export with crossfades against our same export with cuts only.
 *
 * EXP-3 measures a FIRST export of the clips (the clip-probe cache of copyProbe.ts cleared
 * before every run) as imported: each asset's info is what the import's probe stores, and its
 * clip facts are stored apart (asset_copy_facts, read through the export's store port), so the
 * export starts no clip probe. Beside it: the
 * same first export of assets imported before those facts were stored (every clip probed), and
 * a repeated export of the same takes. The baseline
 * stays the raw `-f concat -c copy`; it copies the clips' AAC as is (which drifts ~24 ms per
 * join) or writes no audio at all for silent clips. Ours copies the AAC too when every clip
 * has the same (EXP-3: checked by the logged reason), placed per clip so it does not drift
 * (shared/export/audioCopy.ts). EXP-3b reports the former like-for-like command (the same
 * concat copy plus an audio encode, one process), and EXP-3c the real AI clips (silent: the
 * audio is generated silence and encoded).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentFfPaths } from '../../electron/services/ffmpeg/binaries.js';
import { clearClipFactsCache } from '../../electron/services/export/copyProbe.js';
import { runExport, type ExportMode } from '../../electron/services/export/exportJob.js';
import { probeMedia } from '../../electron/services/media/probe.js';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import type { Fps } from '../../shared/model/time.js';
import { FakeExportStore } from '../integration/export/fakeStore.js';
import { addClip } from '../integration/export/fixtures.js';
import { makeDoc, type ClipSpec } from '../unit/export/doc.js';
import { benchWanted, interleaved, medians, report, type Paired } from './lib.js';
import { REAL_MEDIA_DIR, realMedia } from '../helpers/realMedia.js';
import { lavfiClip } from '../helpers/lavfiClip.js';
import { AAC_STEREO, FASTSTART, maps, x264Options } from '../helpers/exportArgs.js';

/** Runs per side; BENCH_RUNS=5 gives steadier medians on a busy machine. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const ffmpegBin = currentFfPaths().ffmpeg;

function ffmpeg(args: string[]): void {
  const r = spawnSync(ffmpegBin, ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
}

function frames(file: string): number {
  const out = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_packets',
      '-show_entries',
      'stream=nb_read_packets',
      '-of',
      'csv=p=0',
      file,
    ],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

function audioSec(file: string): string {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=duration', '-of', 'csv=p=0', file],
    { encoding: 'utf8' },
  );
  return Number(out.trim()).toFixed(3);
}

/** A generated clip with sound (testsrc2 + a tone), encoded fast: the bench is about the export. */
function makeClip(
  out: string,
  size: string,
  rate: number,
  sec: number,
  audio: { rate: number; channels: 1 | 2 },
): void {
  lavfiClip(
    out,
    {
      video: `testsrc2=s=${size}:r=${rate}:d=${sec}`,
      audio: `sine=f=330:r=${audio.rate}:d=${sec}`,
      preset: 'ultrafast',
      videoArgs: ['-g', String(rate * 2)],
      audioArgs: ['-ac', String(audio.channels)],
      shortest: true,
    },
    ffmpegBin,
  );
}

async function ours(
  dir: string,
  clips: ClipSpec[],
  width: number,
  height: number,
  fps: Fps,
  out: string,
  mode: ExportMode,
  edit: (doc: ProjectSnapshot) => void = () => undefined,
  reason?: RegExp,
  facts: ReadonlyMap<string, unknown> = new Map(),
): Promise<void> {
  const doc = makeDoc(clips, { dir, width, height, fps });
  edit(doc);
  const store = new FakeExportStore(dir, doc);
  for (const [id, f] of facts) store.facts.set(id, f);
  const result = await runExport(store, { outPath: out, quality: 'draft' });
  // A bench that silently measured the other path would report a meaningless ratio.
  if (result.mode !== mode) throw new Error(`expected the ${mode} path, got ${result.mode}: ${result.reason}`);
  if (reason && !reason.test(result.reason)) throw new Error(`expected ${String(reason)}, got: ${result.reason}`);
}

/** The export a competent person would type: conform each input, concat, same encoder settings. */
function handWrittenExport(inputs: { file: string; hasAudio: boolean; sec: number }[], out: string): void {
  const parts: string[] = [];
  inputs.forEach((input, i) => {
    parts.push(
      `[${i}:v]scale=1920:1080:force_original_aspect_ratio=decrease,pad=1920:1080:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=24,format=yuv420p[v${i}]`,
    );
    parts.push(
      input.hasAudio
        ? `[${i}:a]aresample=48000,aformat=channel_layouts=stereo[a${i}]`
        : `anullsrc=r=48000:cl=stereo,atrim=duration=${input.sec}[a${i}]`,
    );
  });
  const pads = inputs.map((_, i) => `[v${i}][a${i}]`).join('');
  ffmpeg([
    ...inputs.flatMap((i) => ['-i', i.file]),
    '-filter_complex',
    `${parts.join(';')};${pads}concat=n=${inputs.length}:v=1:a=1[v][a]`,
    ...maps('[v]', '[a]'),
    ...x264Options('veryfast', '23', '24'),
    ...AAC_STEREO,
    ...FASTSTART,
    out,
  ]);
}

/** The concat demuxer's list format, with its quoting (https://ffmpeg.org/ffmpeg-formats.html#concat-1). */
function concatList(files: string[]): string {
  return files.map((f) => `file '${f.replace(/'/g, `'\\''`)}'\n`).join('');
}

async function exp1(root: string): Promise<void> {
  const dir = join(root, 'exp1');
  mkdirSync(join(dir, 'src'), { recursive: true });
  makeClip(join(dir, 'src/a1080.mp4'), '1920x1080', 30, 6, { rate: 48000, channels: 2 });
  makeClip(join(dir, 'src/b720.mp4'), '1280x720', 25, 6, { rate: 44100, channels: 1 });
  const clips = [
    addClip(dir, 'media/horse.mp4', realMedia('ai-clip-horse-720x480-8fps.mp4')),
    addClip(dir, 'media/a1080.mp4', join(dir, 'src/a1080.mp4')),
    addClip(dir, 'media/kitten.mp4', realMedia('ai-clip-kitten-720x480-8fps.mp4')),
    addClip(dir, 'media/b720.mp4', join(dir, 'src/b720.mp4')),
  ];
  const inputs = clips.map((c) => ({
    file: join(dir, c.path ?? ''),
    hasAudio: c.info?.hasAudio ?? false,
    sec: c.info?.durationSec ?? 0,
  }));
  const oursOut = join(dir, 'ours.mp4');
  const baseOut = join(dir, 'baseline.mp4');
  const t = await interleaved(
    RUNS,
    () => ours(dir, clips, 1920, 1080, { num: 24, den: 1 }, oursOut, 'reencode'),
    () => handWrittenExport(inputs, baseOut),
  );
  report(
    {
      id: 'EXP-1',
      workload:
        '2 real AI clips (720x480 8 fps, silent) + 1080p30/48k + 720p25/44.1k mono, 24.25 s -> 1080p24 x264 veryfast crf 23',
      ...medians(t),
      targetRatio: 1.15,
      note: `frames: ours ${frames(oursOut)}, baseline ${frames(baseOut)}`,
    },
    t,
  );
}

/** ours / baseline of paired samples, as the row would print it. */
function ratioText(p: Paired): string {
  const m = medians(p);
  return `${(m.oursSec / m.baselineSec).toFixed(2)}x (${m.oursSec.toFixed(2)} s / ${m.baselineSec.toFixed(3)} s)`;
}

interface Exp3Case {
  dir: string;
  clips: ClipSpec[];
  files: string[];
  width: number;
  height: number;
  fps: Fps;
  /** The audio part of the like-for-like command: its extra inputs and its graph ending in [a]. */
  audio: { inputs: string[]; graph: string };
  /** What our export must say about the audio (copied or encoded), so the path measured is known. */
  audioReason: RegExp;
}

/**
 * The clips as the import records them (the import's own probe) and the clip facts it stores,
 * by asset id (the file's sha256, as contentIds gives the assets).
 */
async function imported(dir: string, clips: ClipSpec[]): Promise<{ clips: ClipSpec[]; facts: Map<string, unknown> }> {
  const facts = new Map<string, unknown>();
  const out = await Promise.all(
    clips.map(async (c) => {
      const file = join(dir, c.path ?? '');
      const probed = await probeMedia(file);
      if (!probed.copyFacts) throw new Error(`the import stored no clip facts for ${c.path ?? ''}`);
      facts.set(createHash('sha256').update(readFileSync(file)).digest('hex'), probed.copyFacts);
      return { ...c, info: probed.info };
    }),
  );
  return { clips: out, facts };
}

/**
 * Gives each asset its real id, the sha256 of its file, as the import does (stored facts are
 * used only when it matches). Hashed here once, outside the timed runs.
 */
function contentIds(dir: string, clips: ClipSpec[]): (doc: ProjectSnapshot) => void {
  const ids = new Map(
    clips.map((c) => [
      c.path ?? '',
      createHash('sha256')
        .update(readFileSync(join(dir, c.path ?? '')))
        .digest('hex'),
    ]),
  );
  return (doc) =>
    doc.assets.forEach((a) => {
      const id = ids.get(a.path) ?? a.id;
      for (const t of doc.takes) if (t.assetId === a.id) t.assetId = id;
      a.id = id;
    });
}

/**
 * Our copy export cold and warm against the raw concat copy and the like-for-like command;
 * `legacy`: cold with clips recorded without facts (c.clips as addClip made them, so probed).
 */
async function exp3Runs(
  c: Exp3Case,
): Promise<{ cold: Paired; legacy: Paired; warm: Paired; like: Paired; out: string; base: string; likeOut: string }> {
  const withFacts = await imported(c.dir, c.clips);
  const realIds = contentIds(c.dir, c.clips);
  const list = join(c.dir, 'list.txt');
  writeFileSync(list, concatList(c.files));
  const out = join(c.dir, 'ours.mp4');
  const base = join(c.dir, 'baseline.mp4');
  const likeOut = join(c.dir, 'like.mp4');
  const first = (clips: ClipSpec[], facts?: ReadonlyMap<string, unknown>) => async (): Promise<void> => {
    clearClipFactsCache();
    await ours(c.dir, clips, c.width, c.height, c.fps, out, 'copy', realIds, c.audioReason, facts);
  };
  const cold = first(withFacts.clips, withFacts.facts);
  const warm = (): Promise<void> =>
    ours(c.dir, c.clips, c.width, c.height, c.fps, out, 'copy', undefined, c.audioReason);
  const raw = (): void =>
    ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-movflags', '+faststart', base]);
  const like = (): void =>
    ffmpeg([
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      ...c.audio.inputs,
      '-filter_complex',
      c.audio.graph,
      ...maps('0:v:0', '[a]'),
      '-c:v',
      'copy',
      ...AAC_STEREO,
      ...FASTSTART,
      likeOut,
    ]);
  const coldRaw = await interleaved(RUNS, cold, raw);
  const coldLike = await interleaved(RUNS, cold, like);
  const legacy = await interleaved(RUNS, first(c.clips), raw);
  await warm(); // fills the cache for sure
  const warmRaw = await interleaved(RUNS, warm, raw);
  return { cold: coldRaw, legacy, warm: warmRaw, like: coldLike, out, base, likeOut };
}

async function exp3(root: string): Promise<void> {
  const dir = join(root, 'exp3');
  mkdirSync(join(dir, 'src'), { recursive: true });
  const files = [0, 1, 2, 3].map((i) => join(dir, `src/clip${i}.mp4`));
  for (const f of files) makeClip(f, '1280x720', 30, 5, { rate: 48000, channels: 2 });
  const clips = files.map((f, i) => addClip(dir, `media/clip${i}.mp4`, f));
  const r = await exp3Runs({
    dir,
    clips,
    files: clips.map((c) => join(dir, c.path ?? '')),
    width: 1280,
    height: 720,
    fps: { num: 30, den: 1 },
    audio: {
      inputs: clips.flatMap((c) => ['-i', join(dir, c.path ?? '')]),
      graph: `${clips.map((_, i) => `[${i + 1}:a:0]`).join('')}concat=n=${clips.length}:v=0:a=1[a]`,
    },
    audioReason: /audio copied: identical AAC in every clip$/,
  });
  const path =
    'ours: stream-copy path (first export of imported clips: their facts stored at import, so no clip probe; one ffmpeg copying the video ' +
    'packets and the AAC packets, placed per clip by an audio concat list (shared/export/audioCopy.ts), then 1 output probe before the rename)';
  report(
    {
      id: 'EXP-3',
      workload: '4 identical-parameter clips (720p30 H.264 + AAC 48k, 5 s each), cuts only; vs raw -f concat -c copy',
      ...medians(r.cold),
      targetRatio: 2,
      note:
        `${path}. Baseline: plain -c copy, unverified, AAC copied as is. First export of clips imported without stored facts (4 probes beside the join): ${ratioText(r.legacy)}. ` +
        `Same export repeated (clip probes remembered): ${ratioText(r.warm)}. ` +
        `Like-for-like baseline (EXP-3b): ${ratioText(r.like)}. ` +
        `frames: ours ${frames(r.out)}, baseline ${frames(r.base)}; audio s: ours ${audioSec(r.out)}, baseline ${audioSec(r.base)}`,
    },
    r.cold,
  );
  report(
    {
      id: 'EXP-3b',
      workload:
        "EXP-3 against the like-for-like command: the same concat copy + the clips' audio joined and AAC-encoded in one hand-written ffmpeg",
      ...medians(r.like),
      targetRatio: 2,
      note: `first export, as EXP-3 (ours copies the audio now; this baseline encodes it, so it is no longer like for like); baseline unverified, audio not trimmed to exact samples; audio s: ours ${audioSec(r.out)}, like-for-like ${audioSec(r.likeOut)}`,
    },
    r.like,
  );
}

/** EXP-3 on the real AI clips (silent, 8 fps): the audio track is generated silence. */
async function exp3Real(root: string): Promise<void> {
  const dir = join(root, 'exp3c');
  mkdirSync(dir, { recursive: true });
  const names = ['horse', 'kitten', 'horse', 'kitten'];
  const clips = names.map((n, i) =>
    addClip(dir, `media/${n}${i}.mp4`, join(REAL_MEDIA_DIR, `ai-clip-${n}-720x480-8fps.mp4`)),
  );
  const samples = Math.round(clips.reduce((s, c) => s + (c.info?.durationSec ?? 0), 0) * 48000);
  const r = await exp3Runs({
    dir,
    clips,
    files: clips.map((c) => join(dir, c.path ?? '')),
    width: 720,
    height: 480,
    fps: { num: 8, den: 1 },
    audio: { inputs: [], graph: `anullsrc=r=48000:cl=stereo,atrim=end_sample=${samples}[a]` },
    audioReason: /audio encoded: .* has no audio$/,
  });
  report(
    {
      id: 'EXP-3c',
      workload: '4 real AI clips (720x480 8 fps H.264, no audio, 6.125 s each), cuts only; vs raw -f concat -c copy',
      ...medians(r.cold),
      targetRatio: 2,
      note:
        'ours: as EXP-3, the audio is AAC silence (raw copy writes no audio track). ' +
        `Without stored facts (4 clip probes): ${ratioText(r.legacy)}. Same export repeated (clip probes remembered): ${ratioText(r.warm)}. Like-for-like (concat copy + AAC silence, one command): ${ratioText(r.like)}. ` +
        `frames: ours ${frames(r.out)}, baseline ${frames(r.base)}`,
    },
    r.cold,
  );
}

async function exp4(root: string): Promise<void> {
  const dir = join(root, 'exp4');
  mkdirSync(join(dir, 'src'), { recursive: true });
  makeClip(join(dir, 'src/a.mp4'), '1280x720', 24, 5, { rate: 48000, channels: 2 });
  makeClip(join(dir, 'src/b.mp4'), '1280x720', 30, 5, { rate: 44100, channels: 1 });
  const clips = [
    addClip(dir, 'media/horse.mp4', realMedia('ai-clip-horse-720x480-8fps.mp4')),
    addClip(dir, 'media/a.mp4', join(dir, 'src/a.mp4')),
    addClip(dir, 'media/kitten.mp4', realMedia('ai-clip-kitten-720x480-8fps.mp4')),
    addClip(dir, 'media/b.mp4', join(dir, 'src/b.mp4')),
  ];
  const fadeOut = join(dir, 'fades.mp4');
  const cutOut = join(dir, 'cuts.mp4');
  const fps = { num: 24, den: 1 };
  // 12-frame (0.5 s) transitions into every clip after the first, alternating the two kinds.
  const fades = (doc: ProjectSnapshot): void =>
    doc.shots.forEach((shot, i) => {
      if (i > 0) shot.transitionIn = { kind: i % 2 ? 'crossfade' : 'dip_to_black', frames: 12 };
    });
  const t = await interleaved(
    RUNS,
    () => ours(dir, clips, 1280, 720, fps, fadeOut, 'reencode', fades),
    () => ours(dir, clips, 1280, 720, fps, cutOut, 'reencode'),
  );
  report(
    {
      id: 'EXP-4',
      workload:
        '2 real AI clips (720x480 8 fps) + 720p24/48k + 720p30/44.1k mono, ~22 s -> 720p24; 3 transitions of 12 frames vs cuts only',
      ...medians(t),
      targetRatio: 1.3,
      note: `frames: transitions ${frames(fadeOut)}, cuts ${frames(cutOut)} (36 fewer expected); audio s: ${audioSec(fadeOut)} vs ${audioSec(cutOut)}`,
    },
    t,
  );
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'storyboard-bench-'));
  try {
    if (benchWanted('EXP-1')) await exp1(root);
    if (benchWanted('EXP-3', ['EXP-3b'])) await exp3(root);
    if (benchWanted('EXP-3', ['EXP-3c'])) await exp3Real(root);
    if (benchWanted('EXP-4')) await exp4(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
