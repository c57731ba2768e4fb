import { describe, expect, it } from 'vitest';
import { escapeFilterGraph, escapeFilterOption, escapeFilterValue } from '../../../shared/animatic/escape.js';

describe('filter graph escaping', () => {
  it('escapes the option level: backslash, quote and colon', () => {
    expect(escapeFilterOption(`C:\\Fonts\\it's.ttf`)).toBe(`C\\:\\\\Fonts\\\\it\\'s.ttf`);
  });

  it('escapes the graph level: brackets, comma, semicolon, quote, backslash', () => {
    expect(escapeFilterGraph(`a[b],c;d'e\\f`)).toBe(`a\\[b\\]\\,c\\;d\\'e\\\\f`);
  });

  it('matches the worked example of the ffmpeg docs (both levels)', () => {
    // https://ffmpeg.org/ffmpeg-filters.html#Notes-on-filtergraph-escaping
    const value = `this is a 'string': may contain one, or more, special characters`;
    expect(escapeFilterValue(value)).toBe(
      `this is a \\\\\\'string\\\\\\'\\\\: may contain one\\, or more\\, special characters`,
    );
  });

  it('leaves plain paths alone', () => {
    expect(escapeFilterValue('/usr/share/fonts/a-b_c.ttf')).toBe('/usr/share/fonts/a-b_c.ttf');
    expect(escapeFilterValue('/tmp/镜头 1/line-0.txt')).toBe('/tmp/镜头 1/line-0.txt');
  });

  it('rejects values the parsers would alter', () => {
    expect(() => escapeFilterValue('')).toThrow(/empty/);
    expect(() => escapeFilterValue(' lead')).toThrow(/whitespace/);
    expect(() => escapeFilterValue('trail ')).toThrow(/whitespace/);
    expect(() => escapeFilterValue('a\nb')).toThrow(/control/);
  });
});
