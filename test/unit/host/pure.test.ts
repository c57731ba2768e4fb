// Range parsing and the containment rule are shared with Electron and tested once in
// test/unit/media/serving/; this file covers the host's own pieces.
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../electron/host/api.js';
import { decodePath } from '../../../electron/host/files.js';
import { newToken, splitTarget, tokenMatches } from '../../../electron/host/security.js';
import { cleanUploadName } from '../../../electron/host/upload.js';

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

describe('decodePath', () => {
  it('decodes the whole path, encoded slashes included', () => {
    expect(decodePath('%2Fhome%2Fana%2FMy%20Film%20%E9%95%9C%2Fclip%20100%25.mp4')).toBe(
      '/home/ana/My Film 镜/clip 100%.mp4',
    );
    expect(decodePath('/assets/%2e%2e%2fsecret.txt')).toBe('/assets/../secret.txt');
  });
  it('refuses bad escapes and NUL bytes', () => {
    expect(decodePath('%E0%A4%A')).toBeNull();
    expect(decodePath('/a.mp4%00.png')).toBeNull();
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
    expect(parseRequest(text('{"id":1,"method":"app.info","payload":{}}'), false)).toEqual({
      ok: true,
      id: 1,
      method: 'app.info',
      payload: {},
    });
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
