import { describe, expect, test } from 'vitest';
import {
  parseThresholdFlag,
  DEFAULT_DRIFT_THRESHOLDS,
  driftingShotIds,
  faceScore,
  imageScore,
  IMAGE_BOUNDARY,
  isDrift,
  takeScore,
  takeVerdicts,
  type ContinuityResult,
} from '../../../shared/continuity/score.js';

const result = (takeId: string, score: number, drift: boolean): ContinuityResult => ({
  shotId: 's',
  takeId,
  elementId: 'e',
  kind: 'character',
  score,
  drift,
  method: 'face',
  frames: 3,
  measured: 3,
});

describe('scores', () => {
  test('face distance 0.6 (face-api threshold) sits on 0.5; closer is higher, clamped to 0..1', () => {
    expect(faceScore(0.6)).toBeCloseTo(0.5);
    expect(faceScore(0)).toBe(1);
    expect(faceScore(0.3)).toBeCloseTo(0.75);
    expect(faceScore(2)).toBe(0);
    expect(faceScore(Number.NaN)).toBe(0);
  });

  test('image similarity at the calibrated boundary sits on 0.5', () => {
    expect(imageScore(IMAGE_BOUNDARY)).toBeCloseTo(0.5);
    expect(imageScore(IMAGE_BOUNDARY + 0.1)).toBeGreaterThan(0.5);
    expect(imageScore(0)).toBe(0);
    expect(imageScore(1)).toBe(1);
  });

  test('a take scores the median of its frames', () => {
    expect(takeScore([])).toBeNull();
    expect(takeScore([0.2])).toBe(0.2);
    expect(takeScore([0.9, 0.1, 0.8])).toBe(0.8);
    expect(takeScore([0.2, 0.4, 0.6, 0.8])).toBeCloseTo(0.5);
  });

  test('drift is a score below the kind threshold', () => {
    const t = { ...DEFAULT_DRIFT_THRESHOLDS, prop: 0.7 };
    expect(isDrift(0.49, 'character', t)).toBe(true);
    expect(isDrift(0.5, 'character', t)).toBe(false);
    expect(isDrift(0.6, 'prop', t)).toBe(true);
  });

  test('the shots to redo are those whose selected take drifts, in shot order', () => {
    const report = { results: [result('t1', 0.3, true), result('t2', 0.9, false), result('t3', 0.2, true)] };
    const shots = [
      { id: 'a', selectedTakeId: 't3' },
      { id: 'b', selectedTakeId: 't2' },
      { id: 'c', selectedTakeId: null },
      { id: 'd', selectedTakeId: 't1' },
    ];
    expect(driftingShotIds(report, shots)).toEqual(['a', 'd']);
  });

  test('a take verdict is its lowest score and any drift', () => {
    const v = takeVerdicts({ results: [result('t1', 0.8, false), result('t1', 0.3, true), result('t2', 0.7, false)] });
    expect(v.get('t1')).toEqual({ score: 0.3, drift: true });
    expect(v.get('t2')).toEqual({ score: 0.7, drift: false });
  });

  test('--threshold flags: <kind>=<0..1> for a checked kind, anything else named in the error', () => {
    expect(parseThresholdFlag('character=0.6')).toEqual(['character', 0.6]);
    expect(parseThresholdFlag(' prop = .25 ')).toEqual(['prop', 0.25]);
    expect(parseThresholdFlag('location=1')).toEqual(['location', 1]);
    for (const bad of ['style=0.5', 'character=1.5', 'character=-0.1', 'character', '=0.5', 'character=abc']) {
      expect(() => parseThresholdFlag(bad)).toThrow(/kind one of character, location, prop/);
    }
  });
});
