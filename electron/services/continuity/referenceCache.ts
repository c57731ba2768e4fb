/**
 * What the consistency check needs from an element's picture — its face descriptors and its
 * image signature — computed once per picture CONTENT and kept: in memory for the process (every
 * take of every check run reuses it) and on disk under the app's cache folder (the next run, the
 * CLI and the app alike). A picture is decoded and searched for faces at four detector sizes
 * (faces.ts REFERENCE_DETECTOR_SIZES), ~0.3 s of CPU that a project with N takes used to pay N
 * times per run.
 *
 * The key is the SHA-256 of the picture's bytes plus everything that shapes the features (the
 * working size, detector sizes and thresholds, the face-api version, the signature layout), so
 * a replaced picture or a changed method never reads a stale entry. Entries are written to a
 * temp name and renamed (a crash leaves the old entry or none) and read through a schema: a
 * damaged entry is recomputed, never trusted. Each is ~3 KB; they are derived data, safe to delete.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { WORK_SIZE } from '../../../shared/continuity/sampling.js';
import { COLOUR_BINS, STRUCTURE_LENGTH, type ImageSignature } from '../../../shared/continuity/similarity.js';
import { FACE_API_VERSION, MAX_FACES, MIN_FACE_SCORE, REFERENCE_DETECTOR_SIZES } from './faces.js';

export interface ReferenceFeatures {
  /** Descriptors of the faces found (largest first); null: faces were not looked for yet. */
  faces: Float32Array[] | null;
  signature: ImageSignature;
}

/** Bump when the features of a picture change for reasons the key does not see. */
const FORMAT = 1;
const METHOD = JSON.stringify({
  FORMAT,
  WORK_SIZE,
  REFERENCE_DETECTOR_SIZES,
  MIN_FACE_SCORE,
  MAX_FACES,
  FACE_API_VERSION,
  COLOUR_BINS,
  STRUCTURE_LENGTH,
});

const StoredSchema = z.object({
  faces: z.array(z.array(z.number()).length(128)).nullable(),
  colour: z.array(z.number()).length(COLOUR_BINS),
  structure: z.array(z.number()).length(STRUCTURE_LENGTH),
});

/** STORYBOARD_CACHE_DIR, else $XDG_CACHE_HOME/storyboard, else ~/.cache/storyboard; `continuity` below it. */
export function referenceCacheDir(env: Record<string, string | undefined> = process.env): string {
  const root = env.STORYBOARD_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'storyboard');
  return join(root, 'continuity');
}

/** The cache key of a picture's bytes decoded at `width` x `height`. */
export function referenceKey(bytes: Uint8Array, width: number, height: number): string {
  return createHash('sha256').update(`${METHOD}|${width}x${height}|`).update(bytes).digest('hex');
}

function toStored(f: ReferenceFeatures): z.infer<typeof StoredSchema> {
  return {
    faces: f.faces?.map((d) => Array.from(d)) ?? null,
    colour: Array.from(f.signature.colour),
    structure: Array.from(f.signature.structure),
  };
}

function fromStored(s: z.infer<typeof StoredSchema>): ReferenceFeatures {
  return {
    faces: s.faces?.map((d) => Float32Array.from(d)) ?? null,
    signature: { colour: Float64Array.from(s.colour), structure: Float64Array.from(s.structure) },
  };
}

/** Computes what is missing of a picture's features (faces only when `wantFaces`). */
export type ComputeFeatures = (known: ReferenceFeatures | null, wantFaces: boolean) => Promise<ReferenceFeatures>;

export class ReferenceCache {
  private readonly memory = new Map<string, ReferenceFeatures>();
  private readonly pending = new Map<string, Promise<ReferenceFeatures>>();

  /** `dir`: the folder of entries on disk; null keeps them in memory only. */
  constructor(readonly dir: string | null) {}

  /** Hits and misses since creation (tests and the bench read them). */
  readonly stats = { memory: 0, disk: 0, computed: 0 };

  /**
   * The features of `file` (its bytes already read), computing and storing what is missing.
   * Concurrent asks for one key share one computation.
   */
  async get(
    bytes: Uint8Array,
    size: { width: number; height: number },
    wantFaces: boolean,
    compute: ComputeFeatures,
  ): Promise<ReferenceFeatures> {
    const key = referenceKey(bytes, size.width, size.height);
    const enough = (f: ReferenceFeatures | null | undefined): f is ReferenceFeatures =>
      !!f && (!wantFaces || f.faces !== null);
    const inMemory = this.memory.get(key);
    if (enough(inMemory)) {
      this.stats.memory++;
      return inMemory;
    }
    const flight = `${key}:${wantFaces}`;
    let p = this.pending.get(flight);
    if (!p) {
      p = (async () => {
        const onDisk = inMemory ?? (await this.read(key));
        if (enough(onDisk)) {
          this.stats.disk++;
          this.memory.set(key, onDisk);
          return onDisk;
        }
        const made = await compute(onDisk, wantFaces);
        this.stats.computed++;
        this.memory.set(key, made);
        await this.write(key, made);
        return made;
      })().finally(() => this.pending.delete(flight));
      this.pending.set(flight, p);
    }
    return p;
  }

  private async read(key: string): Promise<ReferenceFeatures | null> {
    if (this.dir === null) return null;
    const text = await readFile(join(this.dir, `${key}.json`), 'utf8').catch(() => null);
    if (text === null) return null;
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(text));
      return parsed.success ? fromStored(parsed.data) : null;
    } catch {
      return null; // damaged: recomputed and rewritten
    }
  }

  /** Best effort: a read-only or full disk only costs the next run the computation. */
  private async write(key: string, f: ReferenceFeatures): Promise<void> {
    if (this.dir === null) return;
    const tmp = join(this.dir, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(tmp, JSON.stringify(toStored(f)));
      await rename(tmp, join(this.dir, `${key}.json`));
    } catch {
      await rm(tmp, { force: true }).catch(() => {});
    }
  }
}

const shared = new Map<string, ReferenceCache>();

/** One cache per folder for the whole process (the app's checks and the CLI's share it). */
export function referenceCache(dir: string | null = referenceCacheDir()): ReferenceCache {
  const k = dir ?? '';
  let c = shared.get(k);
  if (!c) {
    c = new ReferenceCache(dir);
    shared.set(k, c);
  }
  return c;
}
