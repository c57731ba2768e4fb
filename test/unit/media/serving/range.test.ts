/**
 * SEC-7 for every server: cases merged from the former test/unit/electron/mediaRange.test.ts
 * and the parseRange part of test/unit/host/pure.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  byteResponse,
  contentRange,
  parseRange,
  unsatisfiedRange,
} from '../../../../electron/services/media/serving/range.js';

describe('parseRange (SEC-7)', () => {
  const size = 1000;

  it('serves the whole file without a Range header', () => {
    expect(parseRange(null, size)).toEqual({ kind: 'full' });
    expect(parseRange(undefined, size)).toEqual({ kind: 'full' });
  });

  it('answers open, closed and suffix ranges', () => {
    expect(parseRange('bytes=0-', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=900-', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=0-99', size)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=100-199', size)).toEqual({ kind: 'partial', start: 100, end: 199 });
    expect(parseRange('bytes=-500', size)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(parseRange('bytes=-100', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=999-999', size)).toEqual({ kind: 'partial', start: 999, end: 999 });
  });

  it('tolerates case and whitespace around the unit', () => {
    expect(parseRange(' Bytes=5-9 ', size)).toEqual({ kind: 'partial', start: 5, end: 9 });
    expect(parseRange('bytes = 5-9', size)).toEqual({ kind: 'partial', start: 5, end: 9 });
  });

  it('clamps an end or a suffix past the file', () => {
    expect(parseRange('bytes=900-5000', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', size)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(parseRange('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=0-99999999999999999999999', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('is unsatisfiable when the start is at or beyond EOF, or the suffix is empty', () => {
    expect(parseRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5000-6000', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=99999999999999999999-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each(['bytes=5-1', 'bytes=abc', 'bytes=x-1', 'bytes=-', 'bytes=', 'bytes=1.5-3', 'bytes=-1-2', 'bytes=0x10-'])(
    'rejects the malformed bytes range %j (416, not the whole file)',
    (header) => {
      expect(parseRange(header, size)).toEqual({ kind: 'unsatisfiable' });
    },
  );

  it.each(['items=0-10', 'bytes=0-1,5-6', '', 'bytes 0-10', 'bytesx=0-1'])(
    'ignores the unsupported header %j and sends the whole file',
    (header) => {
      expect(parseRange(header, size)).toEqual({ kind: 'full' });
    },
  );

  it('formats Content-Range values', () => {
    expect(contentRange(100, 199, 1000)).toBe('bytes 100-199/1000');
    expect(unsatisfiedRange(1000)).toBe('bytes */1000');
  });
});

describe('byteResponse', () => {
  it('is 200 with the whole file and its length when there is no Range', () => {
    expect(byteResponse(undefined, 4096, 'GET')).toEqual({
      status: 200,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '4096' },
      body: { start: 0, end: 4095 },
    });
  });

  it('is 206 with Content-Range and exactly the requested span', () => {
    expect(byteResponse('bytes=100-199', 4096, 'GET')).toEqual({
      status: 206,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '100', 'Content-Range': 'bytes 100-199/4096' },
      body: { start: 100, end: 199 },
    });
    expect(byteResponse('bytes=-500', 4096, 'GET')).toMatchObject({
      status: 206,
      headers: { 'Content-Range': 'bytes 3596-4095/4096', 'Content-Length': '500' },
      body: { start: 3596, end: 4095 },
    });
  });

  it('is 416 with bytes */size and no body, beyond EOF or malformed', () => {
    for (const header of ['bytes=5000-', 'bytes=50-10']) {
      expect(byteResponse(header, 4096, 'GET')).toEqual({
        status: 416,
        headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '0', 'Content-Range': 'bytes */4096' },
        body: null,
      });
    }
  });

  it('sends the headers of a GET but no body for HEAD', () => {
    expect(byteResponse('bytes=0-9', 4096, 'HEAD')).toEqual({
      status: 206,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '10', 'Content-Range': 'bytes 0-9/4096' },
      body: null,
    });
    expect(byteResponse(null, 4096, 'HEAD')).toMatchObject({
      status: 200,
      headers: { 'Content-Length': '4096' },
      body: null,
    });
  });

  it('sends an empty file as an empty 200, and refuses any range of it', () => {
    expect(byteResponse(null, 0, 'GET')).toEqual({
      status: 200,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '0' },
      body: null,
    });
    expect(byteResponse('bytes=0-', 0, 'GET').status).toBe(416);
  });
});
