/** The variant matrix plan (shared/template/matrix.ts): names, missing values, reframing, tables. */
import { describe, expect, it } from 'vitest';
import {
  closestAspect,
  fileNameFor,
  formatTable,
  parseAspect,
  planMatrix,
  safeName,
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
      modelAspects: ['16:9', '9:16'],
      modelLabel: 'Veo',
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
      { aspect: '16:9', fileName: 'row01_16x9.mp4', sourceAspect: '16:9', reframeNote: null },
      {
        aspect: '1:1',
        fileName: 'row01_1x1.mp4',
        sourceAspect: '16:9',
        reframeNote: 'Veo cannot make 1:1: reframed from 16:9',
      },
    ]);
  });

  it('uses the id column and the pattern, and refuses a pattern that names two outputs alike', () => {
    const rows = [
      { id: 'spring sale!', product: 'Lumo' },
      { id: 'spring sale!', product: 'Nova' },
    ];
    const base = { variables: vars, projectAspect: '9:16' as const, modelAspects: null, modelLabel: 'x' };
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
