/**
 * Embeds a signed C2PA manifest in a finished MP4/MOV (before it is renamed over its target).
 * The SDK is c2pa-rs itself, compiled to WebAssembly (`@contentauth/c2pa-wasm`, the package the
 * Content Authenticity Initiative publishes for browsers and Node): it writes the manifest box
 * after `ftyp`, binds it to the file with a `c2pa.hash.bmff.v3` hash (C2PA 2.1 §18.6.3
 * "BMFF-based hash") and moves the chunk offsets of `moov`. `@contentauth/c2pa-node`, the
 * native binding, cannot be installed here: its install script downloads a prebuilt binary from
 * GitHub (or builds c2pa-rs from crates.io); the wasm package ships its binary in the npm tarball.
 *
 * The wasm SDK reads its source through the browser's `Blob` + `FileReaderSync`; Node has
 * neither a synchronous Blob read nor FileReaderSync, so the source is given as a file-backed
 * slice (size + slice()) and a FileReaderSync that reads it with fs.readSync: the file is read in
 * the pieces the SDK asks for, never all at once. The signed file comes back whole in memory,
 * so files above MAX_SIGN_BYTES are left unsigned with a note (wasm32 memory is 4 GiB).
 * Signing is one at a time (one wasm instance).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initSync, WasmBuilder, WasmReader } from '@contentauth/c2pa-wasm';
import type { C2paManifestDefinition } from '../../../shared/export/c2paManifest.js';
import type { C2paSigner } from './c2paSigner.js';

export const MAX_SIGN_BYTES = 1024 * 1024 * 1024;

/** A byte range of an open file, shaped like the Blob the SDK reads (size, slice). */
class FileSlice {
  constructor(
    readonly fd: number,
    readonly start: number,
    readonly end: number,
  ) {}
  get size(): number {
    return this.end - this.start;
  }
  slice(from = 0, to = this.size): FileSlice {
    const a = Math.max(0, Math.min(from, this.size));
    const b = Math.max(a, Math.min(to, this.size));
    return new FileSlice(this.fd, this.start + a, this.start + b);
  }
}

class FileSliceReader {
  readAsArrayBuffer(s: FileSlice): ArrayBuffer {
    const out = new Uint8Array(s.size);
    let at = 0;
    while (at < out.length) {
      const n = readSync(s.fd, out, at, out.length - at, s.start + at);
      if (n === 0) throw new Error('The file ended while the C2PA signer read it.');
      at += n;
    }
    return out.buffer;
  }
}

let ready = false;
function init(): void {
  if (ready) return;
  const wasmPath = createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm');
  initSync({ module: readFileSync(wasmPath) });
  const g = globalThis as { FileReaderSync?: unknown };
  g.FileReaderSync ??= FileSliceReader;
  ready = true;
}

let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

/**
 * Signs `path` in place (it is a temp file of the run): the manifest is embedded and the file
 * rewritten. Returns false (file untouched) when it is too large to sign here.
 */
export function embedC2pa(path: string, manifest: C2paManifestDefinition, signer: C2paSigner): Promise<boolean> {
  return oneAtATime(async () => {
    init();
    const fd = openSync(path, 'r');
    let signed: Uint8Array;
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_SIGN_BYTES) return false;
      const builder = WasmBuilder.fromJson(JSON.stringify(manifest));
      try {
        signed = await builder.sign(
          {
            alg: signer.alg,
            reserveSize: signer.reserveSize,
            sign: (claim) => Promise.resolve(signer.signClaim(claim) as Uint8Array<ArrayBuffer>),
          },
          [],
          manifest.format,
          new FileSlice(fd, 0, size) as unknown as Blob,
        );
      } finally {
        builder.free();
      }
    } finally {
      closeSync(fd);
    }
    await writeFile(path, signed);
    return true;
  });
}

export interface C2paReading {
  /** The SDK's verdict: Valid (signature and hashes good; the trust list is not consulted), Invalid... */
  state: string;
  claimGenerator: string | null;
  assertions: string[];
  failures: string[];
}

/** Reads and validates a file's manifest with the same SDK (for `storyboard` checks and tests). */
export function readC2pa(bytes: Uint8Array, format: string): Promise<C2paReading | null> {
  return oneAtATime(async () => {
    init();
    let reader: WasmReader;
    try {
      reader = await WasmReader.fromBytes(format, bytes);
    } catch {
      return null;
    }
    try {
      const store = JSON.parse(reader.json()) as {
        active_manifest?: string;
        validation_state?: string;
        manifests?: Record<string, { claim_generator_info?: { name?: string }[]; assertions?: { label: string }[] }>;
        validation_results?: { activeManifest?: { failure?: { code: string }[] } };
      };
      const m = store.active_manifest ? store.manifests?.[store.active_manifest] : undefined;
      return {
        state: store.validation_state ?? 'Unknown',
        claimGenerator: m?.claim_generator_info?.[0]?.name ?? null,
        assertions: (m?.assertions ?? []).map((a) => a.label),
        failures: (store.validation_results?.activeManifest?.failure ?? []).map((f) => f.code),
      };
    } finally {
      reader.free();
    }
  });
}
