/**
 * Languages: every Chinese string is checked against the glossary (one word per term, no
 * English left but the allowed names, no "s" unit beside "秒"); every message key the services
 * send exists in both languages; a service error is shown in Chinese, not as the English
 * sentence under a Chinese headline; durations follow the locale.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { clipProblemKind } from '../../../../shared/export/plan';
import { dialogueIssueKey } from '../../../../shared/model/dialogueSpecs';
import { AppProvider } from '../../../../renderer/src/app/context';
import { ErrorMessage } from '../../../../renderer/src/components/ErrorMessage';
import { initI18n } from '../../../../renderer/src/i18n';
import { GLOSSARY, LITERAL_SYNTAX_KEYS, ZH_LATIN_ALLOWED } from '../../../../renderer/src/i18n/glossary';
import { en, flattenTree, zhCN } from '../../../../renderer/src/i18n/resources';
import { formatDecimal, formatSeconds, formatSecondsList } from '../../../../renderer/src/panels/format';
import { createAppStore } from '../../../../renderer/src/store/store';
import { fakeApi } from '../fixtures';

const services = import.meta.glob<string>(['../../../../electron/**/*.ts', '../../../../shared/**/*.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

const flatten = flattenTree;
/** Chinese prose: everything but the strings that show literal input syntax. */
const zh = new Map([...flatten(zhCN)].filter(([k]) => !LITERAL_SYNTAX_KEYS.includes(k)));
const enFlat = flatten(en);
const has = (m: Map<string, string>, key: string) => m.has(key) || m.has(`${key}_other`);

/** Latin words of a string, placeholders ({{x}}) and tags removed. */
function latinWords(text: string): string[] {
  return (
    text
      .replace(/\{\{[^}]+\}\}/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .match(/[A-Za-z][A-Za-z0-9._]*/g) ?? []
  );
}

describe('the glossary', () => {
  it('leaves no English in Chinese strings but provider and model names, formats and key names', () => {
    const left: string[] = [];
    for (const [key, text] of zh) {
      const words = latinWords(text).filter((w) => !ZH_LATIN_ALLOWED.some((re) => re.test(w.replace(/\.$/, ''))));
      if (words.length > 0) left.push(`${key}: ${words.join(' ')}`);
    }
    expect(left).toEqual([]);
  });

  it('translates each term one way only', () => {
    for (const [lang, flat] of [
      ['zh-CN', zh],
      ['en', enFlat],
    ] as const) {
      for (const [term, { avoid }] of Object.entries(GLOSSARY[lang])) {
        for (const [key, text] of flat) {
          for (const word of avoid)
            expect(text.includes(word), `${lang} ${key} says "${word}" for ${term}`).toBe(false);
        }
      }
    }
    // "take" is 素材 wherever a Chinese string names takes.
    expect([...zh.values()].some((v) => v.includes(GLOSSARY['zh-CN'].take!.use))).toBe(true);
  });

  it('never mixes "s" and 秒', () => {
    for (const [key, text] of zh) expect(/(\d|\}\})\s*s\b/.test(text), `zh-CN ${key}: ${text}`).toBe(false);
    for (const [key, text] of enFlat) expect(text.includes('秒'), `en ${key}`).toBe(false);
  });
});

describe('service messages', () => {
  it('every key a service sends exists in English and Chinese', () => {
    const keys = new Set<string>();
    for (const src of Object.values(services)) {
      for (const m of src.matchAll(/'((?:serviceErrors|hardening\.error|svc|dialogueErrors)\.[\w.]+)'/g))
        keys.add(m[1]!);
    }
    // Dialogue issues become dialogueErrors.<issue> or svc.dialogue.<issue> (shared/model/dialogueSpecs.ts dialogueIssueKey).
    for (const issue of ['empty', 'tooLong', 'unknownSpeaker', 'tooMany', 'noSpeaker', 'notCharacter', 'gainRange'])
      keys.add(dialogueIssueKey(issue));
    const kinds = ['noTake', 'takeMissing', 'mediaMissing', 'audioPicture', 'noPictureSize', 'emptyTrim'] as const;
    for (const k of kinds) keys.add(`serviceErrors.exportShot.${k}`);
    expect(keys.size).toBeGreaterThan(8);
    for (const key of keys) {
      expect(has(enFlat, key), `en ${key}`).toBe(true);
      expect(has(zh, key), `zh-CN ${key}`).toBe(true);
    }
    // The kinds listed are the ones the export plan can report.
    expect(clipProblemKind({ shot: { selectedTakeId: null } } as never)).toBe('noTake');
  });

  beforeAll(async () => {
    await initI18n('zh-CN');
  });

  it('shows a service error in Chinese, with its parameters, not the English sentence', () => {
    const store = createAppStore();
    // Server rendering reads the store's initial state: point it at the current one.
    vi.spyOn(store, 'getInitialState').mockImplementation(() => store.getState());
    store.getState().setError('export', {
      code: 'OUTPUT_NOT_WRITABLE',
      message: 'Cannot export to /films/cut.mp4: the folder /films does not exist.',
      localized: { key: 'serviceErrors.exportFolderMissing', params: { outPath: '/films/cut.mp4', folder: '/films' } },
    });
    const html = renderToStaticMarkup(
      <AppProvider value={{ api: fakeApi({}).api, store }}>
        <ErrorMessage place="export" />
      </AppProvider>,
    );
    expect(html).toContain('无法导出到 /films/cut.mp4：文件夹 /films 不存在。');
    expect(html).not.toMatch(/Cannot export|does not exist/);
    store.getState().setError('export', {
      code: 'EXPORT_INVALID',
      message: 'Shot 2 has no take: generate it or import a clip. (and 2 more shots with problems)',
      localized: { key: 'serviceErrors.exportShot.noTake', params: { number: 2, title: ' “夜景”', more: 2 } },
    });
    const html2 = renderToStaticMarkup(
      <AppProvider value={{ api: fakeApi({}).api, store }}>
        <ErrorMessage place="export" />
      </AppProvider>,
    );
    expect(html2).toContain('镜头 2 “夜景”还没有素材：请生成或导入视频片段。 （另有 2 个镜头有问题）');
  });

  it('formats durations for the locale: numbers by Intl, one unit word', () => {
    expect(formatSeconds(4, 'en')).toBe('4.0 s');
    expect(formatSeconds(4, 'zh-CN')).toBe('4.0 秒');
    expect(formatSecondsList([2, 10], true, 'zh-CN')).toBe('2–10 秒');
    expect(formatSecondsList([4, 6, 8], false, 'en')).toBe('4, 6, 8 s');
    // Seconds, bytes and decibels beside them: grouped for the locale, never toFixed's "3725.50".
    expect(formatSeconds(75.5, 'zh-CN')).toBe('1:15.5');
    expect(formatDecimal(3725.5, 2, 'en')).toBe('3,725.50');
    expect(formatDecimal(3725.5, 2, 'zh-CN')).toBe(
      new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2 }).format(3725.5),
    );
  });
});
