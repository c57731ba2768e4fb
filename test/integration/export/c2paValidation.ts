/**
 * An INDEPENDENT check of a C2PA-signed MP4/MOV: @trustnxt/c2pa-ts (pure TypeScript; our signer
 * is c2pa-rs compiled to wasm) reads the manifest store and validates the active manifest, and
 * the BMFF hash is recomputed here from the spec. Shared by the delivery and export C2PA tests.
 */
import { createHash } from 'node:crypto';
import { BMFF } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ActionAssertion, BMFFHashAssertion, ManifestStore } from '@trustnxt/c2pa-ts/manifest';

// c2pa-ts reads BMFF files of HEIF brands only (a private allow-list); MP4 and MOV join it here.
const brands = (BMFF as unknown as { canReadBrands: Set<string> }).canReadBrands;
for (const brand of ['isom', 'mp42', 'qt  ']) brands.add(brand);

export interface Validation {
  /** c2pa-ts's status codes, "+" success / "-" failure. */
  codes: string[];
  assertions: string[];
  actions: { action: string; digitalSourceType?: string }[];
  ingredients: number;
  generator: string | null;
  /** The BMFF v3 hash recomputed here from the spec matches the one in the signed claim. */
  hashMatches: boolean;
}

/**
 * C2PA 2.1 §18.6.3 BMFF hash (v2/v3), top-level exclusions only: SHA-256 over each top-level
 * box that no exclusion matches, in file order, each preceded by its file offset as 8 bytes
 * big-endian. An exclusion with `data` matches only boxes whose bytes at `offset` are `value`;
 * every matching box is excluded. (c2pa-ts's own check excludes a path only when exactly ONE
 * top-level box has that type — BMFF#getBoxByPath — so a file with a C2PA uuid box and an XMP
 * uuid box fails there although c2pa-rs and this recomputation agree: its hash verdict is
 * replaced by this one, everything else is its own.)
 */
export function bmffHash(bytes: Uint8Array, exclusions: BMFFHashAssertion['exclusions']): Buffer {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const hash = createHash('sha256');
  for (let at = 0; at < b.length;) {
    const small = b.readUInt32BE(at);
    const size = small === 1 ? Number(b.readBigUInt64BE(at + 8)) : small === 0 ? b.length - at : small;
    const type = b.toString('latin1', at + 4, at + 8);
    const excluded = exclusions.some(
      (e) =>
        e.xpath === `/${type}` &&
        (e.data ?? []).every((d) => b.subarray(at + d.offset, at + d.offset + d.value.length).equals(d.value)),
    );
    if (!excluded) {
      const marker = Buffer.alloc(8);
      marker.writeBigUInt64BE(BigInt(at));
      hash.update(marker);
      hash.update(b.subarray(at, at + size));
    }
    at += size;
  }
  return hash.digest();
}

/** @trustnxt/c2pa-ts: parse the file's manifest store and validate the active manifest. */
export async function independentValidation(bytes: Uint8Array): Promise<Validation | null> {
  const asset = new BMFF(bytes);
  const jumbf = asset.getManifestJUMBF();
  if (!jumbf) return null;
  const store = ManifestStore.read(SuperBox.fromBuffer(new Uint8Array(jumbf)));
  const m = store.getActiveManifest();
  const result = await store.validate(asset);
  const assertions = m?.assertions?.assertions ?? [];
  const actions = assertions.find((a) => a instanceof ActionAssertion);
  const bmff = assertions.find((a) => a instanceof BMFFHashAssertion);
  const expected = bmff?.hash ? Buffer.from(bmff.hash) : null;
  return {
    codes: result.statusEntries.map((e) => `${e.success ? '+' : '-'}${e.code}`),
    assertions: assertions.map((a) => a.label ?? ''),
    actions: (actions?.actions ?? []).map((a) => ({
      action: a.action,
      ...(a.digitalSourceType ? { digitalSourceType: a.digitalSourceType } : {}),
    })),
    ingredients: assertions.filter((a) => a.label?.startsWith('c2pa.ingredient')).length,
    generator: m?.claim?.claimGeneratorName ?? null,
    hashMatches:
      expected !== null && bmff?.algorithm === 'SHA-256' && bmffHash(bytes, bmff.exclusions).equals(expected),
  };
}

export function flipMdatByte(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const at = Buffer.from(copy.buffer).indexOf('mdat') + 64;
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}
