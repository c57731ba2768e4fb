/** The pure rules of multi-shot generation: what can be sent, and where the one clip is cut. */
import { describe, expect, it } from 'vitest';
import {
  cutSegments,
  multiShotProblem,
  parseSceneCuts,
  type MultiShotCapability,
} from '../../../shared/generation/multiShot.js';
import { sceneCutInvocation } from '../../../shared/generation/multiShotSplit.js';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import { costShares } from '../../../electron/services/generation/multiShotTakes.js';

const cap: MultiShotCapability = { maxShots: 6, minTotalSec: 3, maxTotalSec: 15, cuts: 'planned' };
const order = ['a', 'b', 'c', 'd'];
const secs = (n: number) => () => n;

describe('multiShotProblem', () => {
  it('accepts consecutive shots in any selection order', () => {
    expect(multiShotProblem(cap, order, ['c', 'b'], secs(4))).toBeNull();
  });
  it.each([
    ['no capability', undefined, ['a', 'b'], 4, { reason: 'model' }],
    ['one shot', cap, ['a'], 4, { reason: 'count', count: 1 }],
    ['a gap', cap, ['a', 'c'], 4, { reason: 'consecutive', gapAfter: 1 }],
    ['too long', cap, ['a', 'b', 'c', 'd'], 4, { reason: 'length', total: 16 }],
    ['too short', cap, ['a', 'b'], 1, { reason: 'length', total: 2 }],
  ] as const)('refuses %s', (_n, c, sel, s, want) => {
    expect(multiShotProblem(c, order, sel, secs(s))).toMatchObject(want);
  });
});

describe('cutSegments', () => {
  const base = { shotIds: ['a', 'b', 'c'], plannedSec: [2, 3, 2], cuts: 'planned' as const };
  it('prefers reported cuts', () => {
    const r = cutSegments({ ...base, actualSec: 7, reported: [2.2, 5.1], detected: [1, 6] });
    expect(r.source).toBe('reported');
    expect(r.segments.map((s) => s.endSec)).toEqual([2.2, 5.1, 7]);
  });
  it('takes the detected cut nearest each planned one, within reach', () => {
    const r = cutSegments({ ...base, actualSec: 7, detected: [0.1, 2.4, 4.9, 6.95] });
    expect(r.source).toBe('detected');
    expect(r.segments.map((s) => [s.startSec, s.endSec])).toEqual([
      [0, 2.4],
      [2.4, 4.9],
      [4.9, 7],
    ]);
  });
  it('keeps a planned cut no detected cut is near, scaled onto the real length', () => {
    const r = cutSegments({ ...base, actualSec: 14, detected: [13.9] });
    expect(r.source).toBe('planned');
    expect(r.segments.map((s) => s.endSec)).toEqual([4, 10, 14]);
  });
  it('a model that places its own cuts reaches further', () => {
    const far = { ...base, actualSec: 12, plannedSec: [4, 4, 4], detected: [2.3, 9.7] };
    expect(cutSegments({ ...far, cuts: 'planned' }).source).toBe('planned');
    expect(cutSegments({ ...far, cuts: 'model' }).segments.map((s) => s.endSec)).toEqual([2.3, 9.7, 12]);
  });
});

describe('scene cut detection', () => {
  it('runs select=gt(scene) with metadata=print into the null muxer', () => {
    expect(toArgv(sceneCutInvocation('/p/a b.mp4', 0.3))).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-i',
      '/p/a b.mp4',
      '-map',
      '0:v:0',
      '-vf',
      "select='gt(scene,0.3)',metadata=print",
      '-an',
      '-f',
      'null',
      '-',
    ]);
  });
  it('reads pts_time lines from the log (progress lines between them)', () => {
    const log =
      '[Parsed_metadata_1 @ 0x1] frame:0    pts:32768   pts_time:2\n[Parsed_metadata_1 @ 0x1] lavfi.scene_score=1.000\nframe=    1 fps=0.0 q=-0.0 size=N/A time=00:00:02.12 bitrate=N/A speed= 279x    [Parsed_metadata_1 @ 0x1] frame:1    pts:81920   pts_time:5.041667';
    expect(parseSceneCuts(log)).toEqual([2, 5.041667]);
  });
});

describe('costShares', () => {
  it('splits the one cost by seconds, summing exactly', () => {
    const s = costShares(1, [2, 3, 2]);
    expect(s.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBeCloseTo(1, 10);
    expect(costShares(null, [2, 3])).toEqual([null, null]);
  });
});
