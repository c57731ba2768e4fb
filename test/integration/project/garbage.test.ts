/**
 * media.collectGarbage on a real project folder with real files: it frees media nothing can
 * bring back, and never a file an undo or redo could need.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Asset, ProjectSnapshot } from '../../../shared/model/entities.js';
import { thumbRelPath } from '../../../shared/media/store.js';
import { collectGarbage } from '../../../electron/services/media/gc.js';
import { importFile } from '../../../electron/services/media/import.js';
import { makeThumbnail } from '../../../electron/services/media/frames.js';
import type { ProjectStore } from '../../../electron/services/project/store.js';
import { lavfiPicture } from '../../helpers/lavfiClip.js';
import { tempDir } from '../../helpers/tmp.js';
import { fakeJob, fakeTake } from './fixtures.js';
import { storeFactory } from './stores.js';

const { fresh, reopen } = storeFactory('gc');
const src = tempDir();
let n = 0;

/** A distinct tiny PNG (its colour makes its sha256 unique), imported into the project. */
async function image(s: ProjectStore): Promise<Asset> {
  const file = join(src, `still ${++n} 镜头.png`);
  lavfiPicture(file, `color=c=0x${((n * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}:s=32x24`);
  return importFile(s, file, 'imported');
}

const onDisk = (s: ProjectStore, a: Asset): boolean => existsSync(s.absPath(a.path));

/** Every asset the document points at (takes, frames) is recorded and its file is on disk. */
function assertResolvable(s: ProjectStore, snap: ProjectSnapshot): void {
  const assets = new Map(snap.assets.map((a) => [a.id, a]));
  const ids = [
    ...snap.takes.map((t) => t.assetId),
    ...snap.shots.flatMap((x) => [x.firstFrameAssetId, x.lastFrameAssetId]).filter((x): x is string => x !== null),
  ];
  for (const id of ids) {
    const a = assets.get(id);
    expect(a, `asset ${id} recorded`).toBeDefined();
    expect(onDisk(s, a!), `file of ${a!.originalName}`).toBe(true);
  }
}

describe('media.collectGarbage', () => {
  it('frees only what no row or history entry can bring back; every undo and redo still resolves', async () => {
    const s = fresh();
    const [kept, removedTake, removedShotMedia, frame, loose] = [
      await image(s),
      await image(s),
      await image(s),
      await image(s),
      await image(s),
    ];
    const thumbBytes = statSync(s.absPath(await makeThumbnail(s.dir, loose))).size;
    const a = s.shots.add({ title: 'A', durationFrames: 24 });
    const b = s.shots.add({ title: 'B', durationFrames: 24 });
    s.addTake(fakeTake(a.id, kept.id), { selectIfNone: true });
    const doomedTake = s.addTake(fakeTake(a.id, removedTake.id), { selectIfNone: false });
    s.addTake(fakeTake(b.id, removedShotMedia.id), { selectIfNone: true });
    s.takes.remove(doomedTake.id); // undoable: its media must stay
    s.shots.remove(b.id); // undoable: its take's media must stay
    s.shots.setFrame(a.id, 'first', frame.id);
    s.shots.setFrame(a.id, 'first', null); // only the history still names `frame`

    const result = await collectGarbage(s, { graceMs: 0 });
    expect(result).toEqual({ removedFiles: 2, freedBytes: loose.bytes + thumbBytes }); // `loose` and its thumbnail
    expect(onDisk(s, loose)).toBe(false);
    expect(existsSync(s.absPath(thumbRelPath(loose.id)))).toBe(false);
    expect(s.findAsset(loose.id)).toBeUndefined();
    for (const x of [kept, removedTake, removedShotMedia, frame]) expect(onDisk(s, x), x.originalName).toBe(true);

    // Walk the whole history back and forth: every state's media resolves.
    let steps = 0;
    while (s.undo()) {
      steps++;
      assertResolvable(s, s.snapshot());
    }
    const r = reopen(s);
    for (let i = 0; i < steps; i++) {
      expect(r.redo()).toBe(true);
      assertResolvable(r, r.snapshot());
    }
    expect((await collectGarbage(r, { graceMs: 0 })).removedFiles).toBe(0);
  });

  it('collects the takes of a shot no history entry can restore, unlinking its job but keeping the job', async () => {
    const s = fresh();
    const clip = await image(s);
    const shot = s.shots.add({ title: 'gone', durationFrames: 24 });
    const job = s.createJob(fakeJob(shot.id, { state: 'succeeded' }));
    const take = s.addTake(fakeTake(shot.id, clip.id, { jobId: job.id }), { selectIfNone: true });
    s.updateJob(job.id, { resultAssetId: clip.id, takeId: take.id });
    expect(s.undo()).toBe(true); // the add is undone: the shot is now only in the redo branch
    expect((await collectGarbage(s, { graceMs: 0 })).removedFiles).toBe(0);
    expect(onDisk(s, clip)).toBe(true);
    s.shots.add({ title: 'new edit', durationFrames: 24 }); // drops the redo branch
    expect(await collectGarbage(s, { graceMs: 0 })).toEqual({ removedFiles: 1, freedBytes: clip.bytes });
    expect(onDisk(s, clip)).toBe(false);
    expect(s.getJob(job.id)).toMatchObject({
      state: 'succeeded',
      resultAssetId: null,
      takeId: null,
      costEstimate: job.costEstimate,
    });
    expect(s.checkIntegrity()).toEqual({ ok: true, problems: [] });
  });

  it('keeps a take any remaining history entry names, even when its shot can no longer come back', async () => {
    let s = fresh();
    const clip = await image(s);
    const shot = s.shots.add({ title: 'S', durationFrames: 24 });
    s.shots.add({ title: 'other', durationFrames: 24 });
    const take = s.addTake(fakeTake(shot.id, clip.id), { selectIfNone: true });
    s.shots.remove(shot.id);
    s.takes.rate(take.id, 4); // a take of a removed shot can still be rated through the API
    // The removal's entry is lost (as when it falls off the end of the history).
    s.close();
    const db = new Database(join(s.dir, 'project.db'));
    db.prepare("DELETE FROM history WHERE label IN ('shot.remove', 'shot.add')").run();
    db.close();
    s = reopen(s);
    expect(await collectGarbage(s, { graceMs: 0 })).toEqual({ removedFiles: 0, freedBytes: 0 });
    expect(s.undo()).toBe(true); // the rating's undo finds its row
    expect(s.getTake(take.id).rating).toBeNull();
    expect(onDisk(s, clip)).toBe(true);
  });

  it('keeps fresh assets within the grace period and deletes old unrecorded store files', async () => {
    const s = fresh();
    const fresh1 = await image(s);
    const orphanDir = join(s.dir, 'media', 'ab');
    mkdirSync(orphanDir, { recursive: true });
    const orphan = join(orphanDir, `${'ab'.repeat(32)}.mp4`);
    writeFileSync(orphan, 'left by a crash');
    const recent = join(orphanDir, `${'ab'.repeat(31)}cd.mp4`);
    writeFileSync(recent, 'an import about to record it');
    const old = (Date.now() - 3_600_000) / 1000;
    utimesSync(orphan, old, old);
    expect(await collectGarbage(s)).toEqual({ removedFiles: 1, freedBytes: 'left by a crash'.length });
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(onDisk(s, fresh1)).toBe(true);
  });
});
