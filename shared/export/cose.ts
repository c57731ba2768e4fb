/**
 * The COSE_Sign1 signature of a C2PA claim (C2PA 2.1 §14 "Digital signatures"; RFC 9052 §4.2):
 * a tagged array [protected, unprotected, payload = nil (detached: the claim), signature], the
 * protected header holding the algorithm and the `x5chain` (RFC 9360, label 33: the signer's
 * certificate first). The signer of the C2PA SDK we use signs "directly" (it hands us the claim
 * bytes and embeds whatever we return in a box it reserved of exactly `reserveSize` bytes), so
 * the structure is filled to that size with a `pad` byte string in the unprotected header, as
 * c2pa-rs does itself (sdk/src/crypto/cose/sign.rs `pad_cose_sig`, labels "pad" and "pad2").
 * Only the few CBOR major types COSE needs are encoded here (RFC 8949 §3). Pure.
 */

/** COSE algorithm ids (IANA "COSE Algorithms"): the ones C2PA allows for claim signatures. */
export const COSE_ALG = { es256: -7, es384: -35, es512: -36, ps256: -37, ps384: -38, ps512: -39, ed25519: -8 } as const;
export type CoseAlg = keyof typeof COSE_ALG;

function head(major: number, n: number): Uint8Array {
  if (n < 24) return Uint8Array.of((major << 5) | n);
  if (n < 0x100) return Uint8Array.of((major << 5) | 24, n);
  if (n < 0x10000) return Uint8Array.of((major << 5) | 25, n >> 8, n & 0xff);
  return Uint8Array.of((major << 5) | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const int = (n: number): Uint8Array => (n >= 0 ? head(0, n) : head(1, -1 - n));
const bytes = (b: Uint8Array): Uint8Array => concat([head(2, b.length), b]);
/** ASCII labels only ("Signature1", "pad", "pad2"). */
const text = (s: string): Uint8Array => {
  const b = Uint8Array.from(s, (c) => c.charCodeAt(0));
  return concat([head(3, b.length), b]);
};
const NIL = Uint8Array.of(0xf6);
/** CBOR tag 18: COSE_Sign1. */
const TAG_SIGN1 = Uint8Array.of(0xd2);

/** The protected header's bytes: {1: alg, 33: x5chain}; one certificate as a bstr, several as an array. */
export function coseProtectedHeader(alg: CoseAlg, certsDer: readonly Uint8Array[]): Uint8Array {
  if (certsDer.length === 0) throw new Error('A C2PA signature needs the signing certificate.');
  const chain =
    certsDer.length === 1
      ? bytes(certsDer[0] as Uint8Array)
      : concat([head(4, certsDer.length), ...certsDer.map(bytes)]);
  return concat([head(5, 2), int(1), int(COSE_ALG[alg]), int(33), chain]);
}

/** What is signed: Sig_structure = ["Signature1", protected, external_aad = h'', payload] (RFC 9052 §4.4). */
export function coseToBeSigned(protectedHeader: Uint8Array, payload: Uint8Array): Uint8Array {
  return concat([head(4, 4), text('Signature1'), bytes(protectedHeader), bytes(new Uint8Array(0)), bytes(payload)]);
}

function sign1(protectedHeader: Uint8Array, signature: Uint8Array, pads: readonly number[]): Uint8Array {
  const unprotected = concat([
    head(5, pads.length),
    ...pads.flatMap((n, i) => [text(i === 0 ? 'pad' : 'pad2'), bytes(new Uint8Array(n))]),
  ]);
  return concat([TAG_SIGN1, head(4, 4), bytes(protectedHeader), unprotected, NIL, bytes(signature)]);
}

/**
 * The tagged COSE_Sign1 of exactly `size` bytes. Some sizes cannot be hit with one pad (the
 * length of a byte string's own header grows at 24, 256, 65536), so a second one takes the rest.
 */
export function coseSign1(protectedHeader: Uint8Array, signature: Uint8Array, size: number): Uint8Array {
  const bare = sign1(protectedHeader, signature, []).length;
  if (bare > size) {
    throw new Error(`The signature (${bare} bytes) does not fit the ${size} bytes reserved for it.`);
  }
  if (bare === size) return sign1(protectedHeader, signature, []);
  for (let n = size - bare; n >= 0; n -= 1) {
    const one = sign1(protectedHeader, signature, [n]);
    if (one.length === size) return one;
    if (one.length < size) {
      for (let m = 0; m <= size - one.length; m += 1) {
        const two = sign1(protectedHeader, signature, [n, m]);
        if (two.length === size) return two;
        if (two.length > size) break;
      }
    }
  }
  throw new Error(`No padding makes the signature exactly ${size} bytes.`);
}
