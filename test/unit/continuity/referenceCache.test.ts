import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FACE_API_VERSION } from '../../../electron/services/continuity/faces.js';
import {
  ReferenceCache,
  referenceCacheDir,
  referenceKey,
  type ComputeFeatures,
  type ReferenceFeatures,
} from '../../../electron/services/continuity/referenceCache.js';
import { COLOUR_BINS, STRUCTURE_LENGTH } from '../../../shared/continuity/similarity.js';
import faceApiPackage from '@vladmandic/face-api/package.json' with { type: 'json' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ref-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const size = { width: 256, height: 256 };
const bytes = new Uint8Array([1, 2, 3, 4]);

/** A stand-in for decoding and face search that counts its calls. */
function counting(): { compute: ComputeFeatures; calls: { wantFaces: boolean; known: boolean }[] } {
  const calls: { wantFaces: boolean; known: boolean }[] = [];
  const compute: ComputeFeatures = async (known, wantFaces) => {
    calls.push({ wantFaces, known: known !== null });
    const f: ReferenceFeatures = {
      faces: wantFaces ? [Float32Array.from({ length: 128 }, (_, i) => i / 1000)] : (known?.faces ?? null),
      signature: known?.signature ?? {
        colour: Float64Array.from({ length: COLOUR_BINS }, (_, i) => i / COLOUR_BINS),
        structure: Float64Array.from({ length: STRUCTURE_LENGTH }, () => 0.1),
      },
    };
    return f;
  };
  return { compute, calls };
}

describe('reference features cache', () => {
  test('computed once per picture content: memory for the process, disk for the next run', async () => {
    const { compute, calls } = counting();
    const a = new ReferenceCache(dir);
    const first = await a.get(bytes, size, true, compute);
    const again = await a.get(bytes, size, true, compute);
    expect(again).toBe(first);
    expect(calls).toHaveLength(1);
    expect(a.stats).toEqual({ memory: 1, disk: 0, computed: 1 });

    const nextRun = new ReferenceCache(dir);
    const fromDisk = await nextRun.get(bytes, size, true, compute);
    expect(calls).toHaveLength(1);
    expect(nextRun.stats).toEqual({ memory: 0, disk: 1, computed: 0 });
    expect(Array.from(fromDisk.faces![0]!)).toEqual(Array.from(first.faces![0]!));
    expect(Array.from(fromDisk.signature.colour)).toEqual(Array.from(first.signature.colour));
  });

  test('other bytes or another working size are another entry', async () => {
    const { compute, calls } = counting();
    const c = new ReferenceCache(dir);
    await c.get(bytes, size, false, compute);
    await c.get(new Uint8Array([1, 2, 3, 5]), size, false, compute);
    await c.get(bytes, { width: 128, height: 128 }, false, compute);
    expect(calls).toHaveLength(3);
    expect(referenceKey(bytes, 256, 256)).not.toBe(referenceKey(bytes, 128, 128));
  });

  test('a picture first read for a prop gets its faces added later, keeping its signature', async () => {
    const { compute, calls } = counting();
    const c = new ReferenceCache(dir);
    const plain = await c.get(bytes, size, false, compute);
    expect(plain.faces).toBeNull();
    const withFaces = await c.get(bytes, size, true, compute);
    expect(calls).toEqual([
      { wantFaces: false, known: false },
      { wantFaces: true, known: true },
    ]);
    expect(withFaces.faces).toHaveLength(1);
    expect(withFaces.signature).toBe(plain.signature);
  });

  test('concurrent asks share one computation', async () => {
    const { compute, calls } = counting();
    const c = new ReferenceCache(null);
    await Promise.all([1, 2, 3].map(() => c.get(bytes, size, true, compute)));
    expect(calls).toHaveLength(1);
  });

  test('a damaged entry on disk is recomputed and rewritten, never trusted', async () => {
    const { compute, calls } = counting();
    await new ReferenceCache(dir).get(bytes, size, true, compute);
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry!), '{"faces": [[1, 2]], "colour": [], "structure": []}');
    const c = new ReferenceCache(dir);
    await c.get(bytes, size, true, compute);
    expect(calls).toHaveLength(2);
    expect(c.stats.computed).toBe(1);
    expect(readdirSync(dir)).toEqual([entry]); // no temp left behind
    await new ReferenceCache(dir).get(bytes, size, true, compute);
    expect(calls).toHaveLength(2);
  });

  test('memory only (null folder) writes nothing', async () => {
    const { compute } = counting();
    await new ReferenceCache(null).get(bytes, size, true, compute);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('the folder follows STORYBOARD_CACHE_DIR, then XDG_CACHE_HOME', () => {
    expect(referenceCacheDir({ STORYBOARD_CACHE_DIR: '/c' })).toBe('/c/continuity');
    expect(referenceCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/storyboard/continuity');
  });

  test('the key names the face-api release actually installed', () => {
    expect(FACE_API_VERSION).toBe(faceApiPackage.version);
  });
});
