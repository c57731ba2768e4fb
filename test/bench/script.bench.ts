/**
 * SCRIPT-1: import a 120-page screenplay (test/helpers/screenplay.ts, made up with a fixed
 * seed): parse + proposal (pure, what `script.propose` does) and applying it to a fresh project
 * as ONE undo step (what `script.apply` does: scenes, shots, characters, dialogue lines, change
 * log, history, provenance). Absolute target <= 1 s for both together. Baseline: the least any
 * parser must do: split the text into lines and test each against the scene-heading pattern.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from '../../electron/services/project/store.js';
import { proposeScript } from '../../shared/script/index.js';
import { screenplay } from '../helpers/screenplay.js';
import { INIT } from '../integration/project/fixtures.js';
import { median, report } from './lib.js';

const RUNS = Math.max(3, Number(process.env.BENCH_SCRIPT_RUNS ?? 7));
const play = screenplay(120);
const root = mkdtempSync(join(tmpdir(), 'storyboard-bench-script-'));
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
/** CPU ms of this process since `c0` (user + system): steadier than wall time on a shared machine. */
const cpuMs = (c0: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};

try {
  const propose: number[] = [];
  const apply: number[] = [];
  const base: number[] = [];
  const cpu: number[] = [];
  let shots = 0;
  for (let i = 0; i < RUNS; i++) {
    const store = ProjectStore.create(join(root, `p${i}`), INIT);
    try {
      const c0 = process.cpuUsage();
      let t0 = process.hrtime.bigint();
      const proposal = proposeScript(play.text, { fileName: 'long.fountain', elements: [] });
      propose.push(ms(t0));
      t0 = process.hrtime.bigint();
      const applied = store.script.apply(proposal);
      apply.push(ms(t0));
      cpu.push(cpuMs(c0));
      shots = applied.shotIds.length;
    } finally {
      store.close();
    }
    const t0 = process.hrtime.bigint();
    let headings = 0;
    for (const line of play.text.split('\n')) if (/^(?:INT|EXT|EST|I\/E)[.\s]/iu.test(line)) headings++;
    base.push(ms(t0));
    if (headings !== play.scenes) throw new Error(`baseline counted ${headings} headings, expected ${play.scenes}`);
  }
  const total = propose.map((p, i) => p + (apply[i] ?? 0));
  report({
    id: 'SCRIPT-1',
    workload: `import a ${play.pages}-page screenplay (${play.scenes} scenes, ${shots} shots, ${play.dialogueLines} dialogue lines, ${play.characters} characters): parse + proposal + apply as one undo step`,
    oursSec: median(total) / 1000,
    baselineSec: median(base) / 1000,
    targetRatio: 1000,
    note: `absolute target <= 1 s: median ${median(total).toFixed(0)} ms (parse + proposal ${median(propose).toFixed(0)} ms, apply ${median(apply).toFixed(0)} ms), max ${Math.max(...total).toFixed(0)} ms over ${RUNS} runs; CPU time median ${median(cpu).toFixed(0)} ms`,
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
