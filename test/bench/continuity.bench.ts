/**
 * CON-1 / CON-2 (issue "Consistency and continuity": the check runs offline in <= 2 s per take
 * of 10 s): checkTakes on one 10 s 1280x720 24 fps take against one element's picture, a
 * character (face descriptors: detection, landmarks and a descriptor per sampled frame) and a
 * prop (image similarity only), against a same-run baseline of decoding the same sampled frames
 * alone (the same one ffmpeg command, run directly). The picture's features come from the
 * reference cache, as for every take after a picture's first (referenceCache.ts); face-api's
 * one-time load (wasm backend and three nets, once per process) and a cold first take (empty
 * cache, first inference) are measured apart and reported in the note.
 * CON-3: the sampled frames decoded in one pass (select) against the old way, an input per time
 * with -ss before -i (each decodes from the clip's one keyframe).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTakes, type CheckDoc } from '../../electron/services/continuity/check.js';
import { ReferenceCache } from '../../electron/services/continuity/referenceCache.js';
import { currentFfPaths } from '../../electron/services/ffmpeg/binaries.js';
import { decodeFramesInvocation, sampleTimes, workSize } from '../../shared/continuity/sampling.js';
import { toArgv } from '../../shared/ffmpeg/invocation.js';
import { newElement, newShot, newTake } from '../../shared/model/factories.js';
import { fixtureAsset, makeReference, makeTake } from '../helpers/continuityFixtures.js';
import { childCpuSec, interleaved, median, medians, report } from './lib.js';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const TARGET_SEC = 2;

function doc(kind: 'character' | 'prop', ref: string, take: string): CheckDoc {
  return {
    elements: [newElement({ id: 'el', kind, name: 'subject', tag: '@subject', refAssetIds: ['ref'] })],
    assets: [fixtureAsset('ref', ref, 'image', 256, 256, 0), fixtureAsset('take', take, 'video', 1280, 720, 10)],
    shots: [
      newShot({
        id: 'shot',
        durationFrames: 240,
        elementIds: ['el'],
        selectedTakeId: 'take',
      }),
    ],
    takes: [newTake({ id: 'take', shotId: 'shot', assetId: 'take' })],
  };
}

function loadAverage(): string {
  return `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'storyboard-bench-con-'));
  try {
    console.log('making 10 s 1280x720 takes...');
    const takes = { character: '', prop: '' };
    const refs = { character: makeReference('collins', root), prop: makeReference('coffee', root) };
    // The helper makes 640x360; scale up to 1280x720 for a provider-sized take.
    for (const [kind, subject] of [
      ['character', 'collins'],
      ['prop', 'coffee'],
    ] as const) {
      const small = makeTake(subject, root, { seconds: 10 });
      const big = join(root, `${subject}-720p.mp4`);
      const r = spawnSync(currentFfPaths().ffmpeg, [
        '-v',
        'error',
        '-y',
        '-i',
        small,
        '-vf',
        'scale=1280:720',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        big,
      ]);
      if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
      takes[kind] = big;
    }
    const times = sampleTimes(10);
    const { width, height } = workSize(1280, 720);
    const decodeArgv = (kind: 'character' | 'prop'): string[] =>
      toArgv(
        decodeFramesInvocation({
          input: takes[kind],
          times,
          output: join(root, `raw-${kind}.rgb`),
          width,
          height,
          isStillImage: false,
        }),
      );
    const ffmpeg = (argv: string[]): void => {
      const r = spawnSync(currentFfPaths().ffmpeg, argv);
      if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
    };

    // Cold: the process's first take (face-api load overlapping the decode, first inference,
    // the picture's features computed and stored).
    const cache = new ReferenceCache(join(root, 'cache'));
    const cold = await (async () => {
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      const k0 = childCpuSec() ?? 0;
      await checkTakes(doc('character', refs.character, takes.character), (p) => p, { cache });
      const c = process.cpuUsage(c0);
      return {
        wall: Number(process.hrtime.bigint() - t0) / 1e9,
        cpu: (c.user + c.system) / 1e6 + ((childCpuSec() ?? 0) - k0),
      };
    })();

    for (const kind of ['character', 'prop'] as const) {
      const d = doc(kind, refs[kind], takes[kind]);
      await checkTakes(d, (p) => p, { cache }); // warm: this picture's features are cached
      const argv = decodeArgv(kind);
      let last = { score: 0, method: '' };
      const ownCpu: number[] = [];
      const samples = await interleaved(
        RUNS,
        async () => {
          const c0 = process.cpuUsage();
          const r = await checkTakes(d, (p) => p, { cache });
          const c = process.cpuUsage(c0);
          ownCpu.push((c.user + c.system) / 1e6);
          last = { score: r.results[0]?.score ?? -1, method: r.results[0]?.method ?? 'none' };
        },
        () => ffmpeg(argv),
      );
      const m = medians(samples);
      const cpu = median(ownCpu) + (m.oursCpuSec ?? 0);
      report(
        {
          id: kind === 'character' ? 'CON-1' : 'CON-2',
          workload: `consistency check of one 10 s 720p take vs 1 ${kind} picture (${times.length} frames, ${last.method})`,
          ...m,
          targetRatio: Number((TARGET_SEC / m.baselineSec).toFixed(1)),
          note:
            `target <= ${TARGET_SEC} s per take (as a ratio to this run's decode); ours ${m.oursSec.toFixed(2)} s wall, ` +
            `CPU ${cpu.toFixed(2)} s (scoring ${median(ownCpu).toFixed(2)} s in process + ffmpeg ${(m.oursCpuSec ?? 0).toFixed(2)} s), ` +
            `score ${last.score}; cache hits ${cache.stats.memory}, computed ${cache.stats.computed}` +
            (kind === 'character'
              ? `; cold first take of a process ${cold.wall.toFixed(2)} s wall / ${cold.cpu.toFixed(2)} s CPU (face-api load, first inference, picture features)`
              : '') +
            `; ${loadAverage()}`,
        },
        samples,
      );
    }

    // CON-3: the decode itself, one pass against an input per time (the old command).
    const oldArgv = [
      '-hide_banner',
      '-nostdin',
      '-y',
      '-v',
      'error',
      ...times.flatMap((t) => ['-ss', t.toFixed(3), '-i', takes.character]),
      ...times.flatMap((_, i) => [
        '-map',
        `${i}:v:0`,
        '-frames:v',
        '1',
        '-vf',
        `scale=${width}:${height}:flags=area,setsar=1,format=rgb24`,
        '-f',
        'rawvideo',
        '-pix_fmt',
        'rgb24',
        join(root, `old-${i}.rgb`),
      ]),
    ];
    const newArgv = decodeArgv('character');
    const decodeSamples = await interleaved(
      RUNS,
      () => ffmpeg(newArgv),
      () => ffmpeg(oldArgv),
    );
    const dm = medians(decodeSamples);
    report(
      {
        id: 'CON-3',
        workload: `decode the ${times.length} sampled frames of a 10 s 720p take: one select pass vs an input per time (-ss)`,
        ...dm,
        targetRatio: 1,
        note: `one keyframe per clip, as AI clips come; ${loadAverage()}`,
      },
      decodeSamples,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
