import { decode } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { coseProtectedHeader, coseSign1, coseToBeSigned } from '../../../shared/export/cose.js';

const cert = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill);

describe('COSE_Sign1 of a C2PA claim', () => {
  it('the protected header holds the algorithm and the x5chain, signer first', () => {
    const h = decode(coseProtectedHeader('es256', [cert(300, 1), cert(200, 2)])) as
      Map<number, unknown> | Record<string, unknown>;
    const get = (k: number): unknown => (h instanceof Map ? h.get(k) : (h as Record<string, unknown>)[k]);
    expect(get(1)).toBe(-7);
    const chain = get(33) as Uint8Array[];
    expect(chain.map((c) => [c.length, c[0]])).toEqual([
      [300, 1],
      [200, 2],
    ]);
    // One certificate is a bare byte string (RFC 9360 §2).
    const one = decode(coseProtectedHeader('ed25519', [cert(40, 3)])) as Record<string, unknown>;
    expect((one as Record<number, unknown>)[1]).toBe(-8);
    expect(((one as Record<number, Uint8Array>)[33] ?? new Uint8Array()).length).toBe(40);
  });

  it('signs ["Signature1", protected, h\'\', claim] (detached payload)', () => {
    const p = coseProtectedHeader('es256', [cert(10, 9)]);
    const tbs = decode(coseToBeSigned(p, Uint8Array.of(1, 2, 3))) as unknown[];
    expect(tbs[0]).toBe('Signature1');
    expect([...(tbs[1] as Uint8Array)]).toEqual([...p]);
    expect((tbs[2] as Uint8Array).length).toBe(0);
    expect([...(tbs[3] as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it('fills exactly the reserved size, whatever it is (one pad, or two where one cannot land)', () => {
    const p = coseProtectedHeader('es256', [cert(500, 5)]);
    const sig = cert(64, 7);
    for (let size = 600; size < 70_100; size += size < 2000 ? 1 : 997) {
      const out = coseSign1(p, sig, size);
      expect(out.length, `size ${size}`).toBe(size);
      expect(out[0]).toBe(0xd2); // tag 18
      const body = decode(out.subarray(1)) as unknown[];
      expect(body[2]).toBeNull();
      expect([...(body[3] as Uint8Array)]).toEqual([...sig]);
    }
    expect(() => coseSign1(p, sig, 100)).toThrow(/does not fit/);
  });
});
