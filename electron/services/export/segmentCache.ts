/**
 * The conformed-segment cache of fast re-export: encoded deliverable segments by the hash of
 * everything that affects their pixels (shared/export/segments.ts segmentKeyMaterial), and each
 * deliverable's finished sound by the hash of everything that affects its samples
 * (shared/export/deliveryAudio.ts audioKeyMaterial), held, bounded and cleared alike.
 *
 * An entry is `<key>.mov` plus `<key>.json` ({bytes, frames}); it is only ever made by
 * renaming a finished, fsynced temp file (`.<key>.<run>.sbtmp`) and the meta is written after
 * the rename, so a crash or a cancel leaves at most a temp (never read, swept later) or a
 * segment without meta (treated as missing). A lookup checks the file's size against the meta:
 * a truncated or replaced file is deleted, not used. Bounded: least recently used entries go
 * first once the folder is over its limit. Shared by every project (keys are content hashes).
 *
 * A run marks the folder while it uses it (`.run.<runId>.<pid>.lock`, held() below): clear()
 * refuses while a live mark exists, in this process or another (the CLI and the app share the
 * folder). A mark whose process is gone (kill -9) counts for nothing and is removed.
 */
import { createHash } from 'node:crypto';
import { keyedError } from '../../../shared/errors.js';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from './tempPath.js';

export interface SegmentMeta {
  bytes: number;
  frames: number;
  /** What the entry's maker needs back on a hit (a deliverable's sound: its loudness result). */
  data?: unknown;
}

export interface CacheUsage {
  dir: string;
  bytes: number;
  entries: number;
  maxBytes: number;
}

/** Default bound: 4 GiB (a minute of 1080p ProRes 422 is ~1 GiB; H.264 segments are far smaller). */
export const DEFAULT_CACHE_MAX_BYTES = 4 * 1024 ** 3;
/** A temp untouched this long belongs to a run that died (a writing ffmpeg touches it every second). */
const STALE_TEMP_MS = 10 * 60 * 1000;

export function segmentKey(material: string): string {
  return createHash('sha256').update(material).digest('hex');
}

export class SegmentCache {
  constructor(
    readonly dir: string,
    readonly maxBytes: number = DEFAULT_CACHE_MAX_BYTES,
  ) {}

  segmentPath(key: string): string {
    return join(this.dir, `${key}.mov`);
  }

  private metaPath(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The hidden temp a run writes the segment to before commit(). */
  tempPath(key: string, runId: string): string {
    return join(this.dir, `.${key}.${runId}${TEMP_SUFFIX}`);
  }

  async ensure(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  /** The entry's path when it is whole (size matches its meta), else null (and a bad entry is removed). */
  async lookup(key: string): Promise<string | null> {
    const meta = await this.readMeta(key);
    const file = this.segmentPath(key);
    const info = await stat(file).catch(() => null);
    if (!meta || !info?.isFile() || info.size !== meta.bytes || meta.bytes === 0) {
      if (info || meta) await this.remove(key);
      return null;
    }
    // Recently used: eviction goes by modification time.
    const now = new Date();
    await utimes(file, now, now).catch(() => {});
    return file;
  }

  async frames(key: string): Promise<number | null> {
    return (await this.readMeta(key))?.frames ?? null;
  }

  /** The data committed with the entry (undefined when none or no entry). */
  async data(key: string): Promise<unknown> {
    return (await this.readMeta(key))?.data;
  }

  private async readMeta(key: string): Promise<SegmentMeta | null> {
    try {
      const m = JSON.parse(await readFile(this.metaPath(key), 'utf8')) as Partial<SegmentMeta>;
      return typeof m.bytes === 'number' && typeof m.frames === 'number'
        ? { bytes: m.bytes, frames: m.frames, ...(m.data !== undefined && { data: m.data }) }
        : null;
    } catch {
      return null;
    }
  }

  /** Moves a finished temp into the cache: fsync, rename, then the meta (temp + rename too). */
  async commit(key: string, tempPath: string, frames: number, data?: unknown): Promise<string> {
    const fh = await open(tempPath, 'r+');
    let bytes: number;
    try {
      bytes = (await fh.stat()).size;
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (bytes === 0) throw new Error(`segment ${key} is empty`);
    const file = this.segmentPath(key);
    await rename(tempPath, file);
    const metaTemp = join(this.dir, `.${key}.meta.${process.pid}${TEMP_SUFFIX}`);
    await writeFile(
      metaTemp,
      JSON.stringify({ bytes, frames, ...(data !== undefined && { data }) } satisfies SegmentMeta),
    );
    await rename(metaTemp, this.metaPath(key));
    return file;
  }

  async remove(key: string): Promise<void> {
    await rm(this.metaPath(key), { force: true });
    await rm(this.segmentPath(key), { force: true });
  }

  private async entries(): Promise<{ key: string; bytes: number; mtimeMs: number }[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: { key: string; bytes: number; mtimeMs: number }[] = [];
    for (const name of names) {
      const m = /^([0-9a-f]{64})\.mov$/.exec(name);
      if (!m?.[1]) continue;
      const info = await stat(join(this.dir, name)).catch(() => null);
      if (info) out.push({ key: m[1], bytes: info.size, mtimeMs: info.mtimeMs });
    }
    return out;
  }

  async usage(): Promise<CacheUsage> {
    const all = await this.entries();
    return { dir: this.dir, bytes: all.reduce((s, e) => s + e.bytes, 0), entries: all.length, maxBytes: this.maxBytes };
  }

  /** Least recently used first, until the cache fits its bound; entries in `keep` (this run's) stay. */
  async evict(keep: ReadonlySet<string> = new Set()): Promise<number> {
    const all = (await this.entries()).sort((a, b) => a.mtimeMs - b.mtimeMs);
    let total = all.reduce((s, e) => s + e.bytes, 0);
    let removed = 0;
    for (const e of all) {
      if (total <= this.maxBytes) break;
      if (keep.has(e.key)) continue;
      await this.remove(e.key);
      total -= e.bytes;
      removed += 1;
    }
    return removed;
  }

  /** Marks the folder as used by a run until the returned release is called. */
  async hold(runId: string): Promise<() => Promise<void>> {
    const path = join(this.dir, `.run.${runId}.${process.pid}.lock`);
    await writeFile(path, String(process.pid));
    return () => rm(path, { force: true });
  }

  /** How many live runs use the folder; marks of dead processes are removed. */
  async runsInUse(): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    let live = 0;
    for (const name of names) {
      const m = /^\.run\.[\w-]+\.(\d+)\.lock$/.exec(name);
      if (!m?.[1]) continue;
      if (processAlive(Number(m[1]))) live += 1;
      else await rm(join(this.dir, name), { force: true });
    }
    return live;
  }

  /** Deletes every entry and every stale temp; refused while an export uses the cache. */
  async clear(): Promise<CacheUsage> {
    if ((await this.runsInUse()) > 0)
      throw keyedError(
        'EXPORT_INVALID',
        'delivery.errors.cacheInUse',
        {},
        'An export is using the segment cache: clear it when the export has finished.',
      );
    for (const e of await this.entries()) await this.remove(e.key);
    await this.sweepTemps(0);
    return this.usage();
  }

  /** Temps (and orphaned metas) a dead run left; `olderThanMs` keeps those a live run may still write. */
  async sweepTemps(olderThanMs = STALE_TEMP_MS): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const now = Date.now();
    for (const name of names) {
      const path = join(this.dir, name);
      const isTemp = name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
      const meta = /^([0-9a-f]{64})\.json$/.exec(name);
      if (isTemp) {
        const info = await stat(path).catch(() => null);
        if (info && now - info.mtimeMs >= olderThanMs) await rm(path, { force: true });
      } else if (meta?.[1] && !(await stat(this.segmentPath(meta[1])).catch(() => null))) {
        await rm(path, { force: true });
      }
    }
  }
}

/** Signal 0 checks the process exists (EPERM: it exists, owned by someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
