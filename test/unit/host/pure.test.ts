import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../electron/host/api.js';
import { isInside } from '../../../electron/host/files.js';
import { parseRange } from '../../../electron/host/media.js';
import { newToken, splitTarget, tokenMatches } from '../../../electron/host/security.js';
import { cleanUploadName } from '../../../electron/host/upload.js';

describe('parseRange', () => {
  it('reads the three single-range forms, clamped to the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });
  it('ignores what it need not honour', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
  });
  it('marks unsatisfiable and malformed ranges', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('invalid');
    expect(parseRange('bytes=5-1', 1000)).toBe('invalid');
    expect(parseRange('bytes=-0', 1000)).toBe('invalid');
    expect(parseRange('bytes=-', 1000)).toBe('invalid');
    expect(parseRange('bytes=x-1', 1000)).toBe('invalid');
    expect(parseRange('bytes=0-', 0)).toBe('invalid');
  });
});

describe('tokens', () => {
  it('are 32 URL-safe characters and differ per run', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
  });
  it('match only exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', null)).toBe(false);
    expect(tokenMatches('abc', '')).toBe(false);
  });
});

describe('splitTarget', () => {
  it('keeps a protocol-relative target as a path', () => {
    expect(splitTarget('//evil.example/x?token=1').pathname).toBe('//evil.example/x');
    expect(splitTarget('/media/a%2Fb?token=t&x=1').query.get('token')).toBe('t');
  });
});

describe('isInside', () => {
  it('is strict and segment-aware', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(false);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
  });
});

describe('cleanUploadName', () => {
  it('keeps only the last segment, without control characters', () => {
    expect(cleanUploadName('../../etc/passwd')).toBe('passwd');
    expect(cleanUploadName('C:\\Users\\me\\帧 1.png')).toBe('帧 1.png');
    expect(cleanUploadName('a\u0000b\nc.mp4')).toBe('abc.mp4');
  });
  it('refuses empty and dot names', () => {
    expect(cleanUploadName(null)).toBeNull();
    expect(cleanUploadName('')).toBeNull();
    expect(cleanUploadName('..')).toBeNull();
    expect(cleanUploadName('dir/')).toBeNull();
    expect(cleanUploadName('x'.repeat(256))).toBeNull();
  });
});

describe('parseRequest', () => {
  const text = (s: string) => Buffer.from(s);
  it('accepts { id, method, payload }', () => {
    expect(parseRequest(text('{"id":1,"method":"app.info","payload":{}}'), false)).toEqual({ ok: true, id: 1, method: 'app.info', payload: {} });
  });
  it('says what is wrong, keeping the id when it had one', () => {
    expect(parseRequest(text('{'), false)).toMatchObject({ ok: false, id: null });
    expect(parseRequest(text('null'), false)).toMatchObject({ ok: false, id: null });
    expect(parseRequest(text('{"id":1.5,"method":"x"}'), false)).toMatchObject({ ok: false, id: null });
    expect(parseRequest(text(`{"id":"${'x'.repeat(65)}","method":"x"}`), false)).toMatchObject({ ok: false, id: null });
    expect(parseRequest(text('{"id":"q","method":7}'), false)).toMatchObject({ ok: false, id: 'q' });
    expect(parseRequest(text('{"id":1,"method":"app.info"}'), true)).toMatchObject({ ok: false, id: null });
  });
});
