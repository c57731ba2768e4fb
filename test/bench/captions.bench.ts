/**
 * NAMES-1: the labels of a 500-shot document with 40 elements, tags shown as element names
 * (shared/model/shotCaption.ts shotCaptions), computed once per document version — what every
 * edit costs the timeline, the viewer card and the storyboard cards. Baseline: the labels as
 * they were drawn before names (title, else the prompt's first line; no tag parsing), same run,
 * interleaved. Target: the whole document well inside one 16 ms frame; the ratio is reported.
 * Run: node test/bench/run.mjs captions (BENCH_CAPTIONS_RUNS, default 31).
 */
import { newElement, newShot } from '../../shared/model/factories.js';
import { shotCaptions } from '../../shared/model/shotCaption.js';
import { benchWanted, median, report } from './lib.js';

const RUNS = Math.max(5, Number(process.env.BENCH_CAPTIONS_RUNS ?? 31));
const elements = Array.from({ length: 40 }, (_, i) =>
  newElement({
    id: `e${i}`,
    kind: 'character',
    name: i % 2 ? `角色${i}` : `Person ${i}`,
    tag: i % 2 ? `@角色${i}` : `@Person_${i}`,
  }),
);
const shots = Array.from({ length: 500 }, (_, i) =>
  newShot({
    id: `s${i}`,
    title: i % 5 === 0 ? `Scene ${i}` : '',
    prompt: `@Person_${(i % 20) * 2} walks to @角色${(i % 20) * 2 + 1} at the harbour, wide shot, dusk ${i}\nthen turns`,
  }),
);

if (benchWanted('NAMES-1')) {
  const ours: number[] = [];
  const base: number[] = [];
  const cpu: number[] = [];
  let sink = 0;
  const timed = (fn: () => void, into: number[], cpuInto?: number[]) => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    into.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (cpuInto) {
      const d = process.cpuUsage(c0);
      cpuInto.push((d.user + d.system) / 1e6);
    }
  };
  // A new document version each run (new arrays): nothing is reused from the last one.
  const oursRun = () => {
    sink += shotCaptions({ shots: [...shots], elements: [...elements] }).size;
  };
  const baseRun = () => {
    for (const s of [...shots]) sink += (s.title.trim() || s.prompt.trim().split('\n')[0] || '').length;
  };
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      timed(oursRun, ours, cpu);
      timed(baseRun, base);
    } else {
      timed(baseRun, base);
      timed(oursRun, ours, cpu);
    }
  }
  const oursSec = median(ours);
  report({
    id: 'NAMES-1',
    workload: `labels of ${shots.length} shots with ${elements.length} elements, @tags as names, per document version`,
    oursSec,
    baselineSec: median(base),
    // Absolute: the document inside one frame (16 ms); as a ratio to a 0.2 ms baseline that is ~80x.
    targetRatio: 80,
    oursCpuSec: median(cpu),
    note: `${(oursSec * 1000).toFixed(2)} ms per version (target <= 16 ms); CPU ${(median(cpu) * 1000).toFixed(2)} ms; ${sink > 0 ? 'ok' : ''}`,
  });
}
