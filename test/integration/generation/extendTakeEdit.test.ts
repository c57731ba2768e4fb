/**
 * "Extend this take" as an edit: the contract's shots.extendTake (through dispatch, real
 * SQLite) inserts the extension shot after its source as ONE undo step, and the CLI's
 * `storyboard add-shot <dir> --extend <takeId>` does the same from the built binary.
 * The source takes here are stored directly (provider handle included); the generation path
 * that stores them is covered by extendTake.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Take } from '../../../shared/model/entities.js';
import { newTake } from '../../../shared/model/factories.js';
import { floorFrames } from '../../../shared/model/time.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { CLI, ensureBuilt } from '../../helpers/cli.js';
import { call, services } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { realMedia } from '../../helpers/realMedia.js';

const root = tempDir();
const CLIP = realMedia('ai-clip-kitten-720x480-8fps.mp4');

beforeAll(() => ensureBuilt());

/** A project with shots A, B (B has a Luma take with its generation id), C; closed again. */
async function projectWithLumaTake(
  name: string,
  ref: string | null,
): Promise<{ dir: string; shotIds: string[]; take: Take; sourceSec: number }> {
  const dir = join(root, name);
  const store = ProjectStore.create(dir, { name, aspect: '16:9', resolution: '720p', fps: { num: 8, den: 1 } });
  try {
    const shotIds = ['A', 'B', 'C'].map(
      (p) => store.shots.add({ prompt: `shot ${p}`, durationFrames: 40, provider: 'luma', model: 'ray-2' }).id,
    );
    const asset = await importFile(store, CLIP, 'generated');
    const take: Take = newTake({
      id: randomUUID(),
      shotId: shotIds[1]!,
      assetId: asset.id,
      provider: 'luma',
      model: 'ray-2',
      request: { prompt: 'shot B', ...(ref ? { providerOutput: { ref } } : {}) },
      cost: 0,
      createdAt: new Date().toISOString(),
    });
    store.addTake(take, { selectIfNone: true });
    return { dir, shotIds, take, sourceSec: asset.info.durationSec };
  } finally {
    store.close();
  }
}

describe('shots.extendTake', () => {
  it('inserts the extension after the source shot with provider, model, prompt, extends and trim, as one undo step', async () => {
    const { dir, shotIds, take, sourceSec } = await projectWithLumaTake(
      'facade',
      'c0ffee00-0000-4000-8000-000000000001',
    );
    const s = services();
    const opened = await call(s, 'project.open', { dir });
    const { shotId, snapshot } = await call(s, 'shots.extendTake', { takeId: take.id });
    expect(snapshot.shots.map((x) => x.id)).toEqual([shotIds[0], shotIds[1], shotId, shotIds[2]]);
    expect(snapshot.shots[2]).toMatchObject({
      prompt: 'shot B',
      provider: 'luma',
      model: 'ray-2',
      extendsTakeId: take.id,
      durationFrames: 40,
      trimInFrames: floorFrames(sourceSec, { num: 8, den: 1 }),
      selectedTakeId: null,
    });
    expect(snapshot.history.revision).toBe(opened.history.revision + 1);
    const undone = await call(s, 'history.undo', {});
    expect(undone.shots.map((x) => x.id)).toEqual(shotIds);
    expect(undone.history.canUndo).toBe(opened.history.canUndo);
    const redone = await call(s, 'history.redo', {});
    expect(redone.shots[2]).toMatchObject({ id: shotId, extendsTakeId: take.id });
    // A given prompt wins over the source shot's.
    const second = await call(s, 'shots.extendTake', { takeId: take.id, prompt: 'the kitten leaps' });
    expect(second.snapshot.shots.find((x) => x.id === second.shotId)?.prompt).toBe('the kitten leaps');
  });

  it("refuses a take without the provider's clip handle, and changes nothing", async () => {
    const { dir, take } = await projectWithLumaTake('no handle', null);
    const s = services();
    const opened = await call(s, 'project.open', { dir });
    await expect(call(s, 'shots.extendTake', { takeId: take.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `Take "${take.id}" of shot 2 has no stored Luma Dream Machine clip id (made before extension was supported), so Luma Dream Machine cannot continue it; generate a new take first.`,
    });
    expect((await call(s, 'project.current', {}))?.history.revision).toBe(opened.history.revision);
  });
});

describe('storyboard add-shot --extend', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') },
    });

  it("prints the new shot id, placed after the take's shot with the given prompt", async () => {
    const { dir, shotIds, take } = await projectWithLumaTake('cli', 'c0ffee00-0000-4000-8000-000000000002');
    const r = cli(['add-shot', dir, '--extend', take.id, '--prompt', '镜头 "继续" 100%']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const id = r.stdout.trim();
    const store = ProjectStore.open(dir);
    try {
      expect(store.snapshot().shots.map((x) => x.id)).toEqual([shotIds[0], shotIds[1], id, shotIds[2]]);
      expect(store.getShot(id)).toMatchObject({ prompt: '镜头 "继续" 100%', extendsTakeId: take.id, provider: 'luma' });
    } finally {
      store.close();
    }
  });

  it('takes only --prompt with --extend, and names an unknown take', async () => {
    const { dir } = await projectWithLumaTake('cli bad', 'c0ffee00-0000-4000-8000-000000000003');
    const mixed = cli(['add-shot', dir, '--extend', randomUUID(), '--video', CLIP]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain(
      "--extend takes only --prompt (the new shot continues the take's clip), not --video",
    );
    const unknown = randomUUID();
    const missing = cli(['add-shot', dir, '--extend', unknown]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain(unknown);
  });
});
