import { describe, expect, it } from 'vitest';
import {
  buildTitleCardInvocation,
  fadeFrames,
  layoutTitleCard,
  lineBaselines,
  MAX_TITLE_LINES,
} from '../../../shared/animatic/titleCard.js';
import {
  charWidthEm,
  ELLIPSIS,
  normalizeParagraphs,
  textWidthEm,
  wrapParagraph,
} from '../../../shared/animatic/wrap.js';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import { animaticEncodeArgs } from './encodeArgs.js';

const ZH = '一个穿红色外套的女孩在雨夜的东京街头奔跑，霓虹灯倒映在积水中。';
const EN = 'A girl in a red coat runs through a rainy Tokyo street at night, neon reflected in the puddles.';
const CLOSING = [...'，。！？、；：）」』】》'];
const landscape = { width: 1280, height: 720 };
const portrait = { width: 1080, height: 1920 };

function maxEm(size: { width: number }, fontSize: number): number {
  return (size.width * 0.84) / fontSize;
}

describe('wrapParagraph', () => {
  it('breaks latin text at spaces only', () => {
    const lines = wrapParagraph(EN, 20);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(EN);
    for (const l of lines) {
      expect(textWidthEm(l)).toBeLessThanOrEqual(20);
      expect(l).toBe(l.trim());
    }
  });

  it('breaks Chinese between any characters', () => {
    const lines = wrapParagraph(ZH, 8);
    expect(lines.join('')).toBe(ZH);
    expect(lines[0]).toBe('一个穿红色外套的');
    for (const l of lines) expect(textWidthEm(l)).toBeLessThanOrEqual(8);
  });

  it('never starts a line with closing punctuation: the character before moves down with it', () => {
    expect(wrapParagraph('一二三四五，六七', 5)).toEqual(['一二三四', '五，六七']);
    expect(wrapParagraph('一二三四五。」六', 5)).toEqual(['一二三四', '五。」六']);
    for (const width of [4, 5, 6, 7, 9, 11, 13]) {
      for (const line of wrapParagraph(ZH, width)) expect(CLOSING, `${width}: ${line}`).not.toContain([...line][0]);
    }
  });

  it('never ends a line with opening punctuation', () => {
    expect(wrapParagraph('一二三四「五六」', 5)).toEqual(['一二三四', '「五六」']);
    expect(wrapParagraph('他说（笑）好的', 3)).toEqual(['他说', '（笑）', '好的']);
  });

  it('keeps latin words whole inside Chinese text and breaks around them', () => {
    const lines = wrapParagraph('镜头从Tokyo Tower缓缓推进', 6);
    expect(lines.join('').replace(/ /g, '')).toBe('镜头从TokyoTower缓缓推进');
    expect(lines.some((l) => l.includes('Tokyo'))).toBe(true);
    expect(lines.some((l) => l.includes('Tower'))).toBe(true);
  });

  it('hard-splits a word longer than a line', () => {
    const lines = wrapParagraph(`go ${'x'.repeat(30)}`, 5.5);
    expect(lines[0]).toBe('go');
    expect(lines.slice(1).join('')).toBe('x'.repeat(30));
    for (const l of lines) expect(textWidthEm(l)).toBeLessThanOrEqual(5.5);
  });

  it('never splits a surrogate pair', () => {
    const text = '𠀀𠀁𠀂𠀃𠀄';
    expect(wrapParagraph(text, 2)).toEqual(['𠀀𠀁', '𠀂𠀃', '𠀄']);
  });

  it('estimates CJK at 1 em and latin at 0.55 em', () => {
    expect(charWidthEm('雨')).toBe(1);
    expect(charWidthEm('，')).toBe(1);
    expect(charWidthEm('ア')).toBe(1);
    expect(charWidthEm('한')).toBe(1);
    expect(charWidthEm('a')).toBe(0.55);
  });
});

describe('normalizeParagraphs', () => {
  it('keeps newlines as paragraphs and turns tabs and control characters into spaces', () => {
    expect(normalizeParagraphs('  one\ttwo \u0007 three\r\n\n  第二段  ')).toEqual(['one two three', '第二段']);
  });
});

describe('layoutTitleCard', () => {
  it('English on a 16:9 card: font from the short side, lines fit the width', () => {
    const l = layoutTitleCard(EN, landscape);
    expect(l.fontSize).toBe(40);
    expect(l.lineHeight).toBe(56);
    expect(l.lines.join(' ')).toBe(EN);
    expect(l.lines.length).toBe(2);
    for (const line of l.lines) expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm(landscape, l.fontSize));
  });

  it('Simplified Chinese on a 9:16 card wraps by character with punctuation rules', () => {
    const l = layoutTitleCard(ZH, portrait);
    expect(l.fontSize).toBe(60);
    expect(l.lines.join('')).toBe(ZH);
    expect(l.lines.length).toBeGreaterThan(1);
    for (const line of l.lines) {
      expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm(portrait, l.fontSize));
      expect(CLOSING).not.toContain([...line][0]);
    }
  });

  it('mixed text keeps words and punctuation together', () => {
    const text = '镜头从 Tokyo Tower 缓缓推进，(close-up) 女孩说：“我们走吧！”';
    const l = layoutTitleCard(text, portrait);
    expect(l.lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    for (const line of l.lines) expect(CLOSING).not.toContain([...line][0]);
    expect(l.lines.some((line) => line.includes('Tokyo Tower') || line.endsWith('Tokyo'))).toBe(true);
  });

  it('very long text shrinks first, then is cut to the line limit with an ellipsis', () => {
    const l = layoutTitleCard('雨'.repeat(500), landscape);
    expect(l.lines.length).toBe(MAX_TITLE_LINES);
    expect(l.fontSize).toBeLessThan(40);
    expect(l.lines.at(-1)?.endsWith(ELLIPSIS)).toBe(true);
    for (const line of l.lines) expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm(landscape, l.fontSize));
    // Text that fits after shrinking is not cut.
    const medium = layoutTitleCard(`${EN} ${EN} ${EN} ${EN} ${EN}`, landscape);
    expect(medium.fontSize).toBeLessThan(40);
    expect(medium.lines.join(' ')).toBe(`${EN} ${EN} ${EN} ${EN} ${EN}`);
  });

  it('an empty or blank prompt shows the placeholder', () => {
    expect(layoutTitleCard('', landscape).lines).toEqual(['Untitled shot']);
    expect(layoutTitleCard(' \n\t ', landscape).lines).toEqual(['Untitled shot']);
    expect(layoutTitleCard('', { ...landscape, placeholder: '未命名镜头' }).lines).toEqual(['未命名镜头']);
  });
});

describe('buildTitleCardInvocation', () => {
  const opts = {
    lines: ['Hello', '世界'],
    fontSize: 40,
    lineHeight: 56,
    fontFile: "C:\\Fonts\\it's:font.ttf",
    textFiles: ['/tmp/c d/line-0.txt', '/tmp/c d/line-1.txt'],
    width: 1280,
    height: 720,
    fps: { num: 24, den: 1 },
    frames: 48,
    output: '/o/card.mp4',
  };

  it('builds the exact argv: lavfi background, one drawtext per line, fades, still tuning', () => {
    // Level 1: \ -> \\, ' -> \', : -> \: ; level 2 escapes each of those backslashes and quotes again.
    const font = "C\\\\:\\\\\\\\Fonts\\\\\\\\it\\\\\\'s\\\\:font.ttf";
    const [b0, b1] = lineBaselines(2, 40, 56, 720);
    expect([b0, b1]).toEqual([347, 403]);
    const dt = (file: string, y: string) =>
      `drawtext=fontfile=${font}:textfile=${file}:expansion=none:fontsize=40:fontcolor=0xE8EAED:x=(w-text_w)/2:y=${y}`;
    expect(toArgv(buildTitleCardInvocation({ ...opts, labelFile: '/tmp/c d/label.txt' }))).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=c=0x111418:s=1280x720:r=24',
      '-filter_complex',
      `[0:v]${dt('/tmp/c d/line-0.txt', `${b0}-ascent`)},${dt('/tmp/c d/line-1.txt', `${b1}-ascent`)},` +
        `drawtext=fontfile=${font}:textfile=/tmp/c d/label.txt:expansion=none:fontsize=22:fontcolor=0x8A93A0:x=36:y=36,` +
        'fade=t=in:s=0:n=10:color=0x111418,fade=t=out:s=38:n=10:color=0x111418,format=yuv420p[v]',
      '-map',
      '[v]',
      '-an',
      '-frames:v',
      '48',
      '-r',
      '24',
      ...animaticEncodeArgs({ still: true }),
      '/o/card.mp4',
    ]);
  });

  it('short cards get short fades; a 2-frame card none', () => {
    expect(fadeFrames(48, { num: 24, den: 1 })).toBe(10);
    expect(fadeFrames(6, { num: 24, den: 1 })).toBe(2);
    const inv = buildTitleCardInvocation({ ...opts, frames: 2 });
    expect(inv.filterComplex).not.toContain('fade');
  });

  it('needs one text file per line', () => {
    expect(() => buildTitleCardInvocation({ ...opts, textFiles: ['/a'] })).toThrow(/one text file per line/);
  });

  it('centres the block of lines vertically', () => {
    const b = lineBaselines(3, 40, 56, 720);
    expect(b[1]! - b[0]!).toBe(56);
    // The middle line's body centre (baseline - 0.38 em) sits at the card's centre.
    expect(Math.abs(b[1]! - 0.38 * 40 - 360)).toBeLessThanOrEqual(1);
  });
});
