/** The variant matrix plan (shared/template/matrix.ts): names, missing values, reframing, tables. */
import { describe, expect, it } from 'vitest';
import {
  closestAspect,
  fileNameFor,
  formatTable,
  parseAspect,
  planAspects,
  planMatrix,
  safeName,
  type ShotModel,
} from '../../../shared/template/matrix.js';
import type { TemplateVariable } from '../../../shared/template/variables.js';

const vars: TemplateVariable[] = [
  { name: 'product', kind: 'text', value: 'S', assetId: null, firstFrameShotIds: [] },
  { name: 'cta', kind: 'text', value: 'Buy', assetId: null, firstFrameShotIds: [] },
  { name: 'packshot', kind: 'picture', value: '', assetId: 'a', firstFrameShotIds: ['s1'] },
];

describe('variant matrix plan', () => {
  it('names rows, takes values and pictures, and lists a row with a missing value', () => {
    const plan = planMatrix({
      rows: [
        { product: 'Lumo', packshot: 'a.png', lang: 'en' },
        { product: '', packshot: 'b.png', lang: 'zh' },
        { product: 'Nova', packshot: '', lang: 'en' },
      ],
      variables: vars,
      aspects: ['16:9', '1:1'],
      projectAspect: '16:9',
      shots: [{ shotId: 's1', number: 1, label: 'Veo', aspects: ['16:9', '9:16'] }],
    });
    expect(plan.variants.map((v) => [v.rowId, v.missing])).toEqual([
      ['row01', []],
      ['row02', ['product']],
      ['row03', ['packshot']],
    ]);
    expect(plan.variants[0]).toMatchObject({ text: { product: 'Lumo' }, pictures: { packshot: 'a.png' } });
    expect(plan.unusedColumns).toEqual(['lang']);
    expect(plan.fromTemplate).toEqual(['cta']);
    expect(plan.variants[0]?.outputs).toEqual([
      {
        aspect: '16:9',
        fileName: 'row01_16x9.mp4',
        shots: [{ shotId: 's1', how: 'native', from: '16:9' }],
        reframeNote: null,
      },
      {
        aspect: '1:1',
        fileName: 'row01_1x1.mp4',
        shots: [{ shotId: 's1', how: 'reframe', from: '16:9' }],
        reframeNote: 'shot 1 (Veo) cannot make 1:1: reframed from 16:9',
      },
    ]);
    // Veo cannot make 1:1: one generation per row (the clip), nothing made only to be cropped.
    expect(plan.batches).toEqual([{ aspect: null, shotIds: ['s1'] }]);
  });

  it('uses the id column and the pattern, and refuses a pattern that names two outputs alike', () => {
    const rows = [
      { id: 'spring sale!', product: 'Lumo' },
      { id: 'spring sale!', product: 'Nova' },
    ];
    const base = { variables: vars, projectAspect: '9:16' as const, shots: [] };
    const plan = planMatrix({ ...base, rows, aspects: ['9:16'], pattern: '{product}-{row}-{aspect}' });
    expect(plan.variants.map((v) => v.outputs[0]?.fileName)).toEqual([
      'Lumo-spring-sale-9x16.mp4',
      'Nova-spring-sale-2-9x16.mp4',
    ]);
    expect(() => planMatrix({ ...base, rows, aspects: ['9:16', '1:1'], pattern: '{product}' })).toThrow(
      /two outputs the same name/,
    );
    expect(() => fileNameFor('{nope}', { rowId: 'r', values: {} }, '1:1')).toThrow(/\{nope\}/);
  });

  it('finds the closest aspect, parses 16x9, keeps names safe and pads CJK in tables', () => {
    expect(closestAspect('1:1', ['16:9', '9:16', '4:5'])).toBe('4:5');
    expect(closestAspect('21:9', ['16:9', '9:16'])).toBe('16:9');
    expect(parseAspect('16x9')).toBe('16:9');
    expect(parseAspect('2:1')).toBeNull();
    expect(safeName('../etc/passwd')).toBe('etc-passwd');
    expect(safeName('轻到 可以')).toBe('轻到-可以');
    expect(formatTable(['a', 'b'], [['中文', 'x']]).split('\n')).toEqual(['a     b', '----  -', '中文  x']);
  });
});

describe('native generation per aspect', () => {
  const animatic: ShotModel = { shotId: 'card', number: 2, label: 'Animatic', aspects: null };
  const vidu: ShotModel = { shotId: 'pack', number: 1, label: 'Vidu viduq1', aspects: ['16:9', '9:16', '1:1'] };
  const veo: ShotModel = { shotId: 'hero', number: 3, label: 'Veo veo-3.1', aspects: ['16:9', '9:16'] };

  it('generates each shot at every output aspect its model makes, and reframes the rest from the nearest made', () => {
    const { perAspect, batches } = planAspects(['16:9', '9:16', '4:5', '1:1'], '16:9', [vidu, animatic, veo]);
    // One batch per aspect: the clips at the project's aspect, then each aspect's native shots.
    expect(batches).toEqual([
      { aspect: null, shotIds: ['pack', 'card', 'hero'] },
      { aspect: '9:16', shotIds: ['pack', 'card', 'hero'] },
      { aspect: '4:5', shotIds: ['card'] },
      { aspect: '1:1', shotIds: ['pack', 'card'] },
    ]);
    expect(perAspect.get('16:9')).toEqual({
      shots: ['pack', 'card', 'hero'].map((shotId) => ({ shotId, how: 'native', from: '16:9' })),
      note: null,
    });
    // 4:5: Vidu's nearest made aspect is its own 1:1; Veo makes no 1:1, so its nearest is 9:16.
    expect(perAspect.get('4:5')?.shots).toEqual([
      { shotId: 'pack', how: 'reframe', from: '1:1' },
      { shotId: 'card', how: 'native', from: '4:5' },
      { shotId: 'hero', how: 'reframe', from: '9:16' },
    ]);
    expect(perAspect.get('4:5')?.note).toBe(
      '1 shot(s) generated at 4:5; shot 1 (Vidu viduq1) cannot make 4:5: reframed from 1:1; ' +
        'shot 3 (Veo veo-3.1) cannot make 4:5: reframed from 9:16',
    );
    expect(perAspect.get('1:1')?.shots.map((x) => `${x.shotId} ${x.how} ${x.from}`)).toEqual([
      'pack native 1:1',
      'card native 1:1',
      'hero reframe 16:9',
    ]);
    expect(perAspect.get('9:16')?.note).toBe('3 shot(s) generated at 9:16');
  });

  it('never generates an aspect only to crop it: a model with no output aspect reframes from the project', () => {
    const { perAspect, batches } = planAspects(['4:5', '21:9'], '9:16', [veo]);
    expect(batches).toEqual([{ aspect: null, shotIds: ['hero'] }]);
    expect(perAspect.get('21:9')?.shots).toEqual([{ shotId: 'hero', how: 'reframe', from: '9:16' }]);
    expect(perAspect.get('4:5')?.note).toBe('shot 3 (Veo veo-3.1) cannot make 4:5: reframed from 9:16');
  });

  it('says so when a row generates nothing (every shot keeps the template take)', () => {
    const { perAspect, batches } = planAspects(['16:9', '1:1'], '16:9', []);
    expect(batches).toEqual([{ aspect: null, shotIds: [] }]);
    expect(perAspect.get('1:1')).toEqual({
      shots: [],
      note: 'reframed from 16:9 (no shot is generated per row)',
    });
  });

  it('plans the same per row and lists the batches once for the estimate', () => {
    const plan = planMatrix({
      rows: [{ product: 'A' }, { product: 'B' }],
      variables: vars.slice(0, 1),
      aspects: ['16:9', '1:1'],
      projectAspect: '16:9',
      shots: [animatic, veo],
    });
    expect(plan.batches).toEqual([
      { aspect: null, shotIds: ['card', 'hero'] },
      { aspect: '1:1', shotIds: ['card'] },
    ]);
    for (const v of plan.variants)
      expect(v.outputs[1]?.reframeNote).toBe(
        '1 shot(s) generated at 1:1; shot 3 (Veo veo-3.1) cannot make 1:1: reframed from 16:9',
      );
  });
});
