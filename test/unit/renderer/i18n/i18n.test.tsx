import { describe, expect, it } from 'vitest';
import { QualitySchema } from '../../../../shared/api/contract';
import { ERROR_CODES } from '../../../../shared/errors';
import { CAMERA_MOVES, IN_FLIGHT_JOB_STATES } from '../../../../shared/model/entities';
import { DIRECTIONS, TRANSITION_FAMILIES } from '../../../../shared/model/transitionKinds';
import { initialLanguage } from '../../../../renderer/src/i18n';

import { en, flattenTree, zhCN as zh, sourceFiles } from '../../../../renderer/src/i18n/resources';
const sources = import.meta.glob<string>('../../../../renderer/src/**/*.{ts,tsx}', {
  eager: true,
  query: '?raw',
  import: 'default',
});

const flatten = flattenTree;
/** i18next plural forms differ per language (English one/other, Chinese other only). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const keys = (m: Map<string, string>) => new Set([...m.keys()].map(base));
const enFlat = flatten(en);
const zhFlat = flatten(zh);

describe('translations', () => {
  it('have the same keys in English and Simplified Chinese', () => {
    expect([...keys(zhFlat)].sort()).toEqual([...keys(enFlat)].sort());
  });

  it('come from files that never define the same key twice', () => {
    for (const files of Object.values(sourceFiles)) {
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const [file, tree] of Object.entries(files)) {
        for (const key of flatten(tree).keys()) {
          const other = seen.get(key);
          if (other) clashes.push(`${key} in ${other} and ${file}`);
          seen.set(key, file);
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it('have the same files in both languages', () => {
    const names = (files: Record<string, unknown>) =>
      Object.keys(files)
        .map((f) => f.replace(/^.*\//, ''))
        .sort();
    expect(names(sourceFiles['zh-CN'])).toEqual(names(sourceFiles.en));
  });

  it('have no empty values', () => {
    for (const [k, v] of [...enFlat, ...zhFlat]) expect(v.trim(), k).not.toBe('');
  });

  it('keep the same {{placeholders}} in both languages', () => {
    // With their format ("{{bytes, number}}"): both languages format a number the same way.
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+(?:, *\w+)?)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of enFlat) {
      const zhValue = zhFlat.get(k) ?? zhFlat.get(k.replace(/_one$/, '_other'));
      expect(vars(zhValue ?? ''), k).toEqual(vars(v));
    }
  });

  it('are really translated (Chinese strings contain Chinese)', () => {
    const untranslated = [...zhFlat].filter(
      ([k, v]) => !/[\u4e00-\u9fff]/.test(v) && !['addShot.durationDefault'].includes(k),
    );
    expect(untranslated).toEqual([]);
  });

  it('cover every key the code uses literally', () => {
    const all = keys(enFlat);
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/labelKey: '([\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !all.has(k))).toEqual([]);
  });

  it('cover every key the code builds from domain values', () => {
    const all = keys(enFlat);
    const built = [
      ...CAMERA_MOVES.map((m) => `camera.${m}`),
      ...ERROR_CODES.map((c) => `errors.${c}`),
      ...QualitySchema.options.map((q) => `export.qualities.${q}`),
      ...IN_FLIGHT_JOB_STATES.map((s) => `status.${s}`),
      ...TRANSITION_FAMILIES.map((k) => `editor.inspector.transitions.${k}`),
      ...DIRECTIONS.map((d) => `editor.inspector.directions.${d}`),
      ...['text', 'image', 'clip'].map((s) => `addShot.sources.${s}`),
    ];
    expect(built.filter((k) => !all.has(k))).toEqual([]);
  });
});

describe('initial language', () => {
  it('prefers the saved choice, then a Chinese browser, then English', () => {
    expect(initialLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(initialLanguage(null, 'zh-TW')).toBe('zh-CN');
    expect(initialLanguage('fr', 'en-GB')).toBe('en');
    expect(initialLanguage(null, undefined)).toBe('en');
  });
});
