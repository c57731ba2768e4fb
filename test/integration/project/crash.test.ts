/**
 * DATA-1 and DATA-9: a child process is killed with SIGKILL while editing or migrating; the
 * project must reopen sound with every acknowledged edit, and a schema fully old or fully new.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../electron/services/project/migrations/index.js';
import { KILL_HOOK_ENV } from '../../../electron/services/project/migrations/runner.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { tempDir } from '../../helpers/tmp.js';
import { INIT } from './fixtures.js';
import { buildChild, runChild, startChild } from './harness.js';
import { inspect, makeV1Project, V1_SHOT } from './v1.js';

const root = tempDir();
let script = '';
beforeAll(async () => {
  script = await buildChild(root);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('DATA-1: kill -9 during scripted editing', () => {
  it('keeps every acknowledged edit and a sound file over several random kills', async () => {
    const dir = join(root, 'editing 镜头');
    ProjectStore.create(dir, INIT).close();
    const added = new Set<string>();
    const removed = new Set<string>();
    const prompts = new Map<string, string>();
    let userEdits = 0;
    let totalAcks = 0;
    for (let round = 0; round < 10; round++) {
      const child = startChild(script, ['edit', dir]);
      await child.waitFor((l) => l.ready === true);
      await sleep(20 + Math.floor(Math.random() * 380));
      child.proc.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      const acks = child.lines.filter((l) => typeof l.op === 'string');
      totalAcks += acks.length;
      for (const a of acks) {
        const id = String(a.id);
        if (a.op === 'add') added.add(id);
        if (a.op === 'update') prompts.set(id, String(a.prompt));
        if (a.op === 'remove') removed.add(id);
      }

      const s = ProjectStore.open(dir);
      try {
        expect(s.checkIntegrity()).toEqual({ ok: true, problems: [] });
        const snap = s.snapshot();
        const live = new Map(snap.shots.map((x) => [x.id, x]));
        // The edit in flight at the kill may have committed without its acknowledgement: it
        // is the only allowed difference (an extra shot, or one more shot removed).
        const extra = snap.shots.filter((x) => !added.has(x.id)).map((x) => x.id);
        const missing = [...added].filter((id) => !removed.has(id) && !live.has(id));
        expect(
          extra.length + missing.length,
          `unacknowledged changes: +${extra.join()} -${missing.join()}`,
        ).toBeLessThanOrEqual(1);
        for (const id of extra) added.add(id);
        for (const id of missing) removed.add(id);
        for (const id of removed) expect(live.has(id), `removed shot ${id}`).toBe(false);
        for (const [id, prompt] of prompts)
          if (!removed.has(id)) expect(live.get(id)?.prompt, `prompt of ${id}`).toBe(prompt);
        expect(snap.shots.map((x) => x.position)).toEqual(snap.shots.map((_, i) => i));
        const edits = s.listProvenance({ subjectType: 'shot' }).length;
        expect(edits - userEdits - acks.length).toBeGreaterThanOrEqual(0);
        expect(edits - userEdits - acks.length).toBeLessThanOrEqual(1);
        userEdits = edits;
      } finally {
        s.close();
      }
    }
    expect(totalAcks).toBeGreaterThan(0);
    // The undo log is usable after the crashes.
    const s = ProjectStore.open(dir);
    try {
      const before = s.snapshot().shots;
      expect(s.undo()).toBe(true);
      expect(s.redo()).toBe(true);
      expect(s.snapshot().shots).toEqual(before);
    } finally {
      s.close();
    }
  });
});

describe('DATA-9: kill -9 during a schema migration', () => {
  it('leaves an upgrading project fully at the old version, then migrates normally', async () => {
    const dir = join(root, 'upgrade 镜头');
    const file = makeV1Project(dir);
    const v1 = inspect(file);
    expect(v1.version).toBe(1);

    const killed = await runChild(script, ['open', dir], { [KILL_HOOK_ENV]: '2' });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.lines).toEqual([]);
    const after = inspect(file);
    expect(after).toEqual({ ...v1, integrity: 'ok' });
    expect(after.indexes).not.toContain('shots_live_order');
    // The copy made before upgrading is there and is a sound version-1 file.
    expect(inspect(`${file}.v1.bak`)).toMatchObject({ version: 1, shots: 1, integrity: 'ok' });

    const done = await runChild(script, ['open', dir]);
    expect(done.lines).toEqual([{ ok: true, shots: 1 }]);
    const v2 = inspect(file);
    expect(v2.version).toBe(LATEST_VERSION);
    expect(v2.indexes).toContain('shots_live_order');
    const s = ProjectStore.open(dir);
    try {
      expect(s.snapshot().shots).toMatchObject([{ ...V1_SHOT, position: 0, durationFrames: 48 }]);
    } finally {
      s.close();
    }
  });

  it('the hook only fires inside the migration it names', async () => {
    const dir = join(root, 'hook inert');
    makeV1Project(dir);
    const res = await runChild(script, ['open', dir], { [KILL_HOOK_ENV]: '1' });
    expect([res.code, res.lines]).toEqual([0, [{ ok: true, shots: 1 }]]);
  });

  it('a create killed in its first migration leaves no project, and a new create works', async () => {
    const dir = join(root, 'create killed');
    const killed = await runChild(script, ['create', dir], { [KILL_HOOK_ENV]: '1' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'project.db'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('creating')).length).toBeGreaterThan(0);
    expect(() => ProjectStore.open(dir)).toThrow(/No Storyboard project/);
    const s = ProjectStore.create(dir, INIT);
    s.close();
    expect(readdirSync(dir).filter((f) => f.includes('creating'))).toEqual([]);
    expect(inspect(join(dir, 'project.db'))).toMatchObject({ version: LATEST_VERSION, integrity: 'ok' });
  });
});
