/** Service records: assets, takes, jobs, export runs, provenance and settings (not undoable). */
import { describe, expect, it } from 'vitest';
import { fakeAsset, fakeJob, fakeTake } from './fixtures.js';
import { codeOf, storeFactory } from './stores.js';

const { fresh, reopen } = storeFactory('r');

describe('assets', () => {
  it('inserts once per sha256 id and keeps the first record', () => {
    const s = fresh();
    const a = fakeAsset('one');
    expect(s.upsertAsset(a)).toEqual(a);
    const again = s.upsertAsset({ ...a, originalName: 'renamed.mp4', origin: 'imported' });
    expect(again).toEqual(a);
    s.upsertAsset(fakeAsset('two'));
    expect(
      s
        .listAssets()
        .map((x) => x.id)
        .sort(),
    ).toEqual([a.id, fakeAsset('two').id].sort());
    expect(reopen(s).getAsset(a.id)).toEqual(a);
  });

  it('refuses absolute or escaping paths and malformed records', () => {
    const s = fresh();
    for (const path of ['/tmp/x.mp4', '../x.mp4', 'media\\x.mp4', 'media/../../x.mp4', 'C:/x.mp4']) {
      expect(codeOf(() => s.upsertAsset(fakeAsset(path, { path })))).toMatch(/^INVALID_INPUT/);
    }
    expect(codeOf(() => s.upsertAsset({ ...fakeAsset(), bytes: -1 }))).toMatch(/^INVALID_INPUT/);
    expect(s.listAssets()).toEqual([]);
    expect(codeOf(() => s.getAsset('nope'))).toMatch(/^NOT_FOUND: Asset "nope"/);
  });
});

describe('takes', () => {
  it('selects the first take only when asked and when none is selected', () => {
    const s = fresh();
    const shot = s.shots.add({ durationFrames: 24 });
    const asset = s.upsertAsset(fakeAsset());
    const t0 = s.addTake(fakeTake(shot.id, asset.id), { selectIfNone: false });
    expect(s.getShot(shot.id).selectedTakeId).toBeNull();
    const t1 = s.addTake(fakeTake(shot.id, asset.id), { selectIfNone: true });
    expect(s.getShot(shot.id).selectedTakeId).toBe(t1.id);
    s.addTake(fakeTake(shot.id, asset.id), { selectIfNone: true });
    expect(s.getShot(shot.id).selectedTakeId).toBe(t1.id);
    expect(s.getTake(t0.id)).toEqual(t0);
    expect(s.snapshot().takes).toHaveLength(3);
  });

  it('is not an undoable edit but does change the revision', () => {
    const s = fresh();
    const shot = s.shots.add({ durationFrames: 24 });
    s.undo();
    const before = s.historyState();
    s.redo();
    const asset = s.upsertAsset(fakeAsset());
    s.addTake(fakeTake(shot.id, asset.id), { selectIfNone: true });
    const after = s.historyState();
    expect(after.canRedo).toBe(false);
    expect(after.revision).toBeGreaterThan(before.revision + 1);
    s.undo(); // undoes the add shot, not the take
    expect(s.snapshot().shots).toEqual([]);
  });

  it('refuses takes pointing at unknown records', () => {
    const s = fresh();
    const shot = s.shots.add({ durationFrames: 24 });
    const asset = s.upsertAsset(fakeAsset());
    expect(codeOf(() => s.addTake(fakeTake('ghost', asset.id), { selectIfNone: true }))).toMatch(
      /^NOT_FOUND: Shot "ghost"/,
    );
    expect(codeOf(() => s.addTake(fakeTake(shot.id, 'b'.repeat(64)), { selectIfNone: true }))).toMatch(
      /^NOT_FOUND: Asset/,
    );
    expect(codeOf(() => s.addTake(fakeTake(shot.id, asset.id, { jobId: 'j' }), { selectIfNone: true }))).toMatch(
      /^NOT_FOUND: Job "j"/,
    );
    expect(codeOf(() => s.addTake(fakeTake(shot.id, asset.id, { rating: 9 }), { selectIfNone: true }))).toMatch(
      /^INVALID_INPUT/,
    );
    const t = s.addTake(fakeTake(shot.id, asset.id), { selectIfNone: false });
    expect(codeOf(() => s.addTake(t, { selectIfNone: false }))).toMatch(/^INVALID_INPUT: Take .* already exists/);
    expect(codeOf(() => s.getTake('zz'))).toMatch(/^NOT_FOUND: Take "zz"/);
  });

  it('keeps a take that arrives for a removed shot', () => {
    const s = fresh();
    const shot = s.shots.add({ durationFrames: 24 });
    s.shots.remove(shot.id);
    const asset = s.upsertAsset(fakeAsset());
    const take = s.addTake(fakeTake(shot.id, asset.id), { selectIfNone: true });
    expect(s.snapshot().takes).toEqual([]);
    s.undo();
    expect(s.getShot(shot.id).selectedTakeId).toBe(take.id);
  });
});

describe('jobs', () => {
  it('creates, merges updates, and filters', () => {
    const s = fresh();
    const a = s.shots.add({ durationFrames: 24 });
    const b = s.shots.add({ durationFrames: 24 });
    const j1 = s.createJob(
      fakeJob(a.id, { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' }),
    );
    s.createJob(fakeJob(b.id, { state: 'running' }));
    const updated = s.updateJob(j1.id, { state: 'submitted', taskId: 'task-1', progress: 0.25 });
    expect(updated).toMatchObject({
      id: j1.id,
      state: 'submitted',
      taskId: 'task-1',
      progress: 0.25,
      createdAt: j1.createdAt,
    });
    expect(updated.updatedAt > j1.updatedAt).toBe(true);
    expect(reopen(s).getJob(j1.id)).toEqual(updated);
  });

  it('lists by state and shot, oldest first', () => {
    const s = fresh();
    const a = s.shots.add({ durationFrames: 24 });
    const b = s.shots.add({ durationFrames: 24 });
    const j1 = s.createJob(fakeJob(a.id, { createdAt: '2024-01-01T00:00:00.000Z' }));
    const j2 = s.createJob(fakeJob(b.id, { state: 'running', createdAt: '2024-01-02T00:00:00.000Z' }));
    const j3 = s.createJob(fakeJob(a.id, { state: 'succeeded', createdAt: '2024-01-03T00:00:00.000Z' }));
    expect(s.listJobs().map((j) => j.id)).toEqual([j1.id, j2.id, j3.id]);
    expect(s.listJobs({ states: ['queued', 'running'] }).map((j) => j.id)).toEqual([j1.id, j2.id]);
    expect(s.listJobs({ shotId: a.id }).map((j) => j.id)).toEqual([j1.id, j3.id]);
    expect(s.listJobs({ states: ['succeeded'], shotId: b.id })).toEqual([]);
    expect(s.listJobs({ states: [] })).toEqual([]);
    expect(s.snapshot().jobs.map((j) => j.id)).toEqual([j1.id, j2.id, j3.id]);
  });

  it('refuses bad jobs and unknown ids', () => {
    const s = fresh();
    const a = s.shots.add({ durationFrames: 24 });
    const j = s.createJob(fakeJob(a.id));
    expect(codeOf(() => s.createJob(j))).toMatch(/^INVALID_INPUT: Job .* already exists/);
    expect(codeOf(() => s.createJob(fakeJob('ghost')))).toMatch(/^NOT_FOUND: Shot "ghost"/);
    expect(codeOf(() => s.updateJob(j.id, { state: 'exploded' as never }))).toMatch(/^INVALID_INPUT/);
    expect(codeOf(() => s.updateJob(j.id, { progress: 2 }))).toMatch(/^INVALID_INPUT/);
    expect(codeOf(() => s.updateJob(j.id, { resultAssetId: 'c'.repeat(64) }))).toMatch(/^NOT_FOUND: Result asset/);
    expect(codeOf(() => s.updateJob('nope', { state: 'failed' }))).toBe(
      'NOT_FOUND: Job "nope" not found in this project.',
    );
    expect(codeOf(() => s.getJob('nope'))).toMatch(/^NOT_FOUND/);
    expect(codeOf(() => s.listJobs({ states: ['bogus' as never] }))).toMatch(/^INVALID_INPUT/);
    expect(s.getJob(j.id)).toEqual(j);
  });

  it('links a job to its result asset and take', () => {
    const s = fresh();
    const a = s.shots.add({ durationFrames: 24 });
    const job = s.createJob(fakeJob(a.id));
    const asset = s.upsertAsset(fakeAsset());
    const take = s.addTake(fakeTake(a.id, asset.id, { jobId: job.id }), { selectIfNone: true });
    const done = s.updateJob(job.id, {
      state: 'succeeded',
      resultAssetId: asset.id,
      takeId: take.id,
      progress: 1,
      costActual: 0.4,
    });
    expect(done).toMatchObject({ resultAssetId: asset.id, takeId: take.id, costActual: 0.4 });
  });
});

describe('exports, provenance, settings', () => {
  it('tracks export runs so a crash can be swept at the next start', () => {
    let s = fresh();
    s.recordExportStart({ id: 'e1', outPath: '/out/film «1».mp4', tempPath: '/out/.film.tmp.mp4', pid: 4242 });
    s.recordExportStart({ id: 'e2', outPath: '/out/b.mp4', tempPath: '/out/.b.tmp.mp4', pid: null });
    s.recordExportStart({ id: 'e3', outPath: '/out/c.mp4', tempPath: '/out/.c.tmp.mp4', pid: 7 });
    s.updateExport('e2', { state: 'running', pid: 99 });
    s.updateExport('e3', { state: 'succeeded' });
    s = reopen(s);
    expect(s.unfinishedExports()).toEqual([
      { id: 'e1', outPath: '/out/film «1».mp4', tempPath: '/out/.film.tmp.mp4', pid: 4242 },
      { id: 'e2', outPath: '/out/b.mp4', tempPath: '/out/.b.tmp.mp4', pid: 99 },
    ]);
    s.updateExport('e1', { state: 'canceled', pid: null });
    expect(s.unfinishedExports().map((e) => e.id)).toEqual(['e2']);
    expect(codeOf(() => s.updateExport('nope', { state: 'failed' }))).toMatch(/^NOT_FOUND: Export run "nope"/);
    expect(codeOf(() => s.updateExport('e2', { state: 'weird' as never }))).toMatch(/^INVALID_INPUT/);
    expect(codeOf(() => s.recordExportStart({ id: 'e4', outPath: '', tempPath: 'x', pid: null }))).toMatch(
      /^INVALID_INPUT/,
    );
  });

  it('appends provenance entries with their details', () => {
    const s = fresh();
    const p = s.addProvenance({
      actor: 'provider:animatic',
      action: 'asset.generate',
      subjectType: 'asset',
      subjectId: 'abc',
      details: { model: null, cost: 0 },
    });
    expect(p.id).toBeGreaterThan(0);
    expect(s.listProvenance({ subjectType: 'asset' })).toEqual([p]);
    expect(s.listProvenance({ subjectId: 'other' })).toEqual([]);
  });

  it('stores settings as strings and overwrites them', () => {
    let s = fresh();
    expect(s.getSetting('export.quality')).toBeNull();
    s.setSetting('export.quality', 'high');
    s.setSetting('export.quality', 'draft');
    s.setSetting('名前', '値 "q" 100%');
    s = reopen(s);
    expect(s.getSetting('export.quality')).toBe('draft');
    expect(s.getSetting('名前')).toBe('値 "q" 100%');
    expect(codeOf(() => s.setSetting('', 'x'))).toMatch(/^INVALID_INPUT/);
  });
});
