import { describe, expect, it } from 'vitest';
import { contentRange, parseRange, unsatisfiedRange } from '../../../electron/main/protocol/mediaRange.js';

describe('parseRange (SEC-7)', () => {
  const size = 1000;

  it('serves the whole file without a Range header', () => {
    expect(parseRange(null, size)).toEqual({ kind: 'full' });
    expect(parseRange(undefined, size)).toEqual({ kind: 'full' });
  });

  it('answers open, closed and suffix ranges', () => {
    expect(parseRange('bytes=0-', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=100-199', size)).toEqual({ kind: 'partial', start: 100, end: 199 });
    expect(parseRange('bytes=-500', size)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(parseRange('bytes=999-999', size)).toEqual({ kind: 'partial', start: 999, end: 999 });
    expect(parseRange(' Bytes=5-9 ', size)).toEqual({ kind: 'partial', start: 5, end: 9 });
  });

  it('clamps an end or a suffix past the file', () => {
    expect(parseRange('bytes=900-5000', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=0-99999999999999999999999', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('is unsatisfiable when the start is at or beyond EOF, or the suffix is empty', () => {
    expect(parseRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5000-6000', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each(['bytes=abc', 'bytes=5-1', 'bytes=-', 'items=0-10', 'bytes=0-1,5-6', 'bytes=1.5-3', 'bytes=-1-2', '', 'bytes 0-10'])(
    'ignores the invalid or unsupported header %j and sends the whole file', (header) => {
      expect(parseRange(header, size)).toEqual({ kind: 'full' });
    },
  );

  it('formats Content-Range values', () => {
    expect(contentRange(100, 199, 1000)).toBe('bytes 100-199/1000');
    expect(unsatisfiedRange(1000)).toBe('bytes */1000');
  });
});
