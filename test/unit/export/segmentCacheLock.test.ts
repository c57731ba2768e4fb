/**
 * The segment cache is cleared only while no export uses it: a run's mark (hold) makes clear()
 * refuse with a translated message and delete nothing; a mark left by a killed process (its pid
 * gone) does not block, and is removed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SegmentCache } from '../../../electron/services/export/segmentCache.js';
import { AppError } from '../../../shared/errors.js';
import { tempDir } from '../../helpers/tmp.js';

const KEY = 'a'.repeat(64);

async function cacheWithEntry(): Promise<SegmentCache> {
  const cache = new SegmentCache(join(tempDir(), 'segments'));
  await cache.ensure();
  const temp = cache.tempPath(KEY, 'run');
  writeFileSync(temp, 'segment bytes');
  await cache.commit(KEY, temp, 24);
  return cache;
}

describe('segment cache: clear while an export runs', () => {
  it('refuses while a run holds the cache, keeps every entry, then clears once released', async () => {
    const cache = await cacheWithEntry();
    const release = await cache.hold('run-1');
    expect(await cache.runsInUse()).toBe(1);
    const err = await cache.clear().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details?.messageKey).toBe('delivery.errors.cacheInUse');
    expect(await cache.lookup(KEY)).not.toBeNull();
    await release();
    const after = await cache.clear();
    expect(after).toMatchObject({ bytes: 0, entries: 0 });
    expect(existsSync(cache.segmentPath(KEY))).toBe(false);
  });

  it('ignores and removes the mark of a process that is gone (kill -9)', async () => {
    const cache = await cacheWithEntry();
    // A pid that existed and has exited: a finished child's.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    expect(pid).toBeGreaterThan(0);
    writeFileSync(join(cache.dir, `.run.crashed.${pid}.lock`), String(pid));
    expect(await cache.runsInUse()).toBe(0);
    expect(readdirSync(cache.dir).some((n) => n.endsWith('.lock'))).toBe(false);
    expect(await cache.clear()).toMatchObject({ entries: 0 });
  });
});
