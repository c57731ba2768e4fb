/**
 * The order integration files start in. Vitest starts the files with the longest recorded
 * duration first, but a clean clone (CI) has no record, and then it starts the largest files
 * first: a short file that runs long (a table of CLI kill-and-resume rows) started last and ran
 * alone for minutes while the other worker idled. The files known to run longest start first
 * here, longest first; every other file keeps Vitest's order behind them.
 * https://vitest.dev/config/sequence#sequence-sequencer
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Integration files that take 19 s or more on a clean CI run (seconds from its JSON report, on
 * 2 workers), longest first. A file missing here still runs, only later; a unit test keeps
 * every path real.
 */
export const LONG_FILES: readonly string[] = [
  'test/integration/generation/providers/killResume.test.ts', // 145 s
  'test/integration/generation/providers/killResumeEndpoints.test.ts', // 64 s
  'test/integration/cli/jobs.test.ts', // 60 s
  'test/integration/cli/variants.test.ts', // 55 s
  'test/integration/dialogue/cloud.test.ts', // 52 s
  'test/integration/generation/camera.test.ts', // 50 s
  'test/integration/dialogue/cli.test.ts', // 47 s
  'test/integration/cli/variantsAspects.test.ts', // 45 s
  'test/integration/cli/session.test.ts', // 38 s
  'test/integration/keyframes/comfyImage.test.ts', // 36 s
  'test/integration/export/transitions.test.ts', // 33 s
  'test/integration/export/copy.test.ts', // 28 s
  'test/integration/export/deliveryCrash.test.ts', // 27 s
  'test/integration/keyframes/fluxKontext.test.ts', // 27 s
  'test/integration/cli/check.test.ts', // 26 s
  'test/integration/cli/elements.test.ts', // 23 s
  'test/integration/keyframes/bridge.test.ts', // 23 s
  'test/integration/export/deliverySound.test.ts', // 21 s
  'test/integration/media/longClip.test.ts', // 21 s
  'test/integration/continuity/check.test.ts', // 19 s
  'test/integration/export/framing.test.ts', // 19 s
];

export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const i = LONG_FILES.indexOf(relative(this.ctx.config.root, spec.moduleId));
      return i === -1 ? LONG_FILES.length : i;
    };
    // Projects stay in Vitest's order (they run one after another); only files within one move.
    const projects = [...new Set(base.map((spec) => spec.project.name))];
    return projects.flatMap((name) =>
      base.filter((spec) => spec.project.name === name).sort((a, b) => rank(a) - rank(b)),
    );
  }
}
