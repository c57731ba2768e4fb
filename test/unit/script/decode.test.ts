/** A script file's bytes: UTF-8 (BOM or not), UTF-16 with a BOM, GB18030/GBK as Chinese editors save it, else refused. */
import { describe, expect, it } from 'vitest';
import { decodeScriptBytes } from '../../../shared/script/decode';

// "清晨，小明走进厨房" in GBK (GB18030 is its superset), as Notepad on a Chinese Windows saves it.
const GBK = Uint8Array.from([
  0xc7, 0xe5, 0xb3, 0xbf, 0xa3, 0xac, 0xd0, 0xa1, 0xc3, 0xf7, 0xd7, 0xdf, 0xbd, 0xf8, 0xb3, 0xf8, 0xb7, 0xbf,
]);

describe('script bytes', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const text = 'INT. 厨房 - 清晨\n小明走进厨房';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeScriptBytes(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeScriptBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-16 by its byte-order mark', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0x0f, 0x5c, 0x0e, 0x66]); // 小明
    expect(decodeScriptBytes(le)).toEqual({ text: '小明', encoding: 'utf-16le' });
  });

  it('reads a GBK Chinese script instead of turning it into replacement characters', () => {
    expect(decodeScriptBytes(GBK)).toEqual({ text: '清晨，小明走进厨房', encoding: 'gb18030' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(decodeScriptBytes(Uint8Array.from([0x49, 0x4e, 0x54, 0x80, 0xff]))).toBeNull();
  });

  it('leaves binary bytes (a NUL) to the parser, which names the line', () => {
    const got = decodeScriptBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
    expect(got?.text).toContain('\u0000');
  });
});
