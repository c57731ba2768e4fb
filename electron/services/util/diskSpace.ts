/**
 * One clear line for a full disk (quality.md: "bad input: a clear, specific message, nothing
 * half-written"): which disk (the mount point holding the path), how much is free and, when it
 * can be estimated, how much more the operation needs. Callers remove what they half-wrote
 * before throwing this.
 */
import { statSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';

/** ENOSPC / EDQUOT on the error, or ffmpeg's "No space left on device" in its stderr tail. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || (typeof code === 'string' && code.startsWith('SQLITE_FULL')))
    return true;
  const tail = (err as { details?: { stderrTail?: unknown } } | null)?.details?.stderrTail;
  const text = `${typeof tail === 'string' ? tail : ''}\n${err instanceof Error ? err.message : ''}`;
  return /No space left on device|Disk quota exceeded/i.test(text);
}

/** The mount point holding `path` (its highest existing ancestor on the same device). */
export function mountPointOf(path: string): string {
  const devOf = (p: string): number | null => {
    try {
      return statSync(p).dev;
    } catch {
      return null;
    }
  };
  let at = resolve(path);
  let dev = devOf(at);
  while (dev === null && dirname(at) !== at) {
    at = dirname(at);
    dev = devOf(at);
  }
  for (;;) {
    const up = dirname(at);
    if (up === at || devOf(up) !== dev) return at;
    at = up;
  }
}

/** Free bytes for an unprivileged writer on the disk holding `path`, or null when unknown. */
export function freeBytes(path: string): number | null {
  let at = resolve(path);
  for (;;) {
    try {
      const s = statfsSync(at);
      return Number(s.bavail) * Number(s.bsize);
    } catch {
      const up = dirname(at);
      if (up === at) return null;
      at = up;
    }
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

/**
 * DISK_FULL for writing `what` at `path`. `neededBytes`: the estimated further space the
 * operation needs (null: unknown, the message then asks for "more space").
 */
export function diskFullError(path: string, what: string, neededBytes: number | null): AppError {
  const disk = mountPointOf(path);
  const free = freeBytes(path);
  const need =
    neededBytes !== null && neededBytes > 0
      ? `about ${formatBytes(neededBytes)} more is needed`
      : 'more space is needed';
  const freeText = free !== null ? ` (${formatBytes(free)} free)` : '';
  return new AppError(
    'DISK_FULL',
    `The disk ${disk} is full${freeText}: ${what} was not written; ${need}. Nothing half-written was kept.`,
    { disk, path, freeBytes: free, neededBytes, what, messageKey: 'hardening.error.diskFull' },
  );
}
