/** DATA-10: the same project opened twice is refused with a clear "in use" message. */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { tempDir } from '../../helpers/tmp.js';
import { INIT } from './fixtures.js';
import { buildChild, runChild, startChild, type Child } from './harness.js';

const root = tempDir();
let script = '';
let n = 0;
const stores: ProjectStore[] = [];
const children: Child[] = [];

beforeAll(async () => {
  script = await buildChild(root);
});
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  for (const c of children.splice(0)) {
    c.proc.kill('SIGKILL');
    await c.exited;
  }
});

function track(s: ProjectStore): ProjectStore {
  stores.push(s);
  return s;
}

function newProject(): string {
  const dir = join(root, `lock ${++n} 镜头`);
  ProjectStore.create(dir, INIT).close();
  return dir;
}

function openError(dir: string): AppError {
  try {
    track(ProjectStore.open(dir));
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('second open was not refused');
}

const inUse = (dir: string) => `Project "${dir}" is already open in another Storyboard window or process.`;

describe('single open', () => {
  it('refuses a second open in the same process, also through another path spelling', () => {
    const dir = newProject();
    const first = track(ProjectStore.open(dir));
    const err = openError(dir);
    expect(err.code).toBe('PROJECT_IN_USE');
    expect(err.message).toBe(inUse(dir));
    const link = join(root, `link ${n}`);
    symlinkSync(dir, link);
    expect(openError(link).code).toBe('PROJECT_IN_USE');
    expect(openError(`${dir}/./`).code).toBe('PROJECT_IN_USE');
    // The refused opens did not disturb the first.
    first.shots.add({ durationFrames: 24 });
    first.close();
    expect(track(ProjectStore.open(link)).snapshot().shots).toHaveLength(1);
  });

  it('refuses an open from another process while this one holds it', async () => {
    const dir = newProject();
    const first = track(ProjectStore.open(dir));
    const res = await runChild(script, ['try', dir]);
    expect(res.code).toBe(0);
    expect(res.lines).toEqual([{ ok: false, code: 'PROJECT_IN_USE', message: inUse(dir) }]);
    first.shots.add({ durationFrames: 24 });
    first.close();
    expect((await runChild(script, ['try', dir])).lines).toEqual([{ ok: true, shots: 1 }]);
  });

  it('is refused here while another process holds it, and free once it closes', async () => {
    const dir = newProject();
    const holder = startChild(script, ['hold', dir]);
    children.push(holder);
    await holder.waitFor((l) => l.held === true);
    // This process has no record of the open: the refusal comes from SQLite's OS lock.
    const err = openError(dir);
    expect([err.code, err.message]).toEqual(['PROJECT_IN_USE', inUse(dir)]);
    holder.proc.stdin?.end();
    await holder.waitFor((l) => l.closed === true);
    await holder.exited;
    expect(track(ProjectStore.open(dir)).snapshot().shots).toEqual([]);
  });

  it('is free again after the holder is killed with SIGKILL (no stale lock)', async () => {
    const dir = newProject();
    const holder = startChild(script, ['hold', dir]);
    children.push(holder);
    await holder.waitFor((l) => l.held === true);
    expect(openError(dir).code).toBe('PROJECT_IN_USE');
    holder.proc.kill('SIGKILL');
    expect((await holder.exited).signal).toBe('SIGKILL');
    const s = track(ProjectStore.open(dir));
    expect(s.checkIntegrity()).toEqual({ ok: true, problems: [] });
  });
});
