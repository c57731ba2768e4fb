/** Creating and opening projects, and each shot edit with its validation. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectSnapshotSchema } from '../../../shared/model/entities.js';
import { outputSize } from '../../../shared/model/format.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { fakeAsset, fakeTake, INIT } from './fixtures.js';
import { codeOf, storeFactory, titles } from './stores.js';

const { root, fresh, reopen, track } = storeFactory('p');

describe('create and open', () => {
  it('creates the folder with project.db and media/, sized by the aspect and resolution', () => {
    const s = fresh({ name: 'Vertical', aspect: '9:16', resolution: '720p', fps: { num: 30000, den: 1001 } });
    expect(statSync(join(s.dir, 'project.db')).isFile()).toBe(true);
    expect(statSync(join(s.dir, 'media')).isDirectory()).toBe(true);
    const p = s.project();
    expect({ w: p.width, h: p.height }).toEqual({
      w: outputSize('9:16', '720p').width,
      h: outputSize('9:16', '720p').height,
    });
    expect(p.width).toBe(720);
    expect(p.fps).toEqual({ num: 30000, den: 1001 });
    expect(p.name).toBe('Vertical');
    expect(readdirSync(s.dir).filter((f) => f.includes('creating'))).toEqual([]);
    expect(ProjectSnapshotSchema.parse(s.snapshot()).shots).toEqual([]);
  });

  it('refuses to create over an existing project, open or closed', () => {
    const s = fresh();
    expect(codeOf(() => ProjectStore.create(s.dir, INIT))).toBe(
      `PROJECT_EXISTS: A Storyboard project already exists in "${s.dir}".`,
    );
    s.close();
    expect(codeOf(() => ProjectStore.create(s.dir, INIT))).toMatch(/^PROJECT_EXISTS/);
  });

  it('rejects bad settings without leaving anything behind', () => {
    const dir = join(root, 'bad settings');
    expect(codeOf(() => ProjectStore.create(dir, { ...INIT, name: '   ' }))).toMatch(/^INVALID_INPUT/);
    expect(existsSync(join(dir, 'project.db'))).toBe(false);
  });

  it('ignores a -wal left without its database instead of applying it to the new file', () => {
    const other = fresh();
    other.shots.add({ title: 'from another project', durationFrames: 24 });
    const dir = join(root, 'orphan wal');
    mkdirSync(dir);
    copyFileSync(join(other.dir, 'project.db-wal'), join(dir, 'project.db-wal'));
    const s = track(ProjectStore.create(dir, INIT));
    expect(s.snapshot().shots).toEqual([]);
    expect(s.checkIntegrity().ok).toBe(true);
  });

  it('reports a folder without a project', () => {
    const dir = join(root, 'empty folder');
    expect(codeOf(() => ProjectStore.open(dir))).toBe(
      `NOT_FOUND: No Storyboard project in "${dir}" (project.db not found).`,
    );
  });

  it('refuses use after close with NO_PROJECT', () => {
    const s = fresh();
    s.close();
    s.close();
    expect(codeOf(() => s.snapshot())).toMatch(/^NO_PROJECT/);
  });

  it('maps project-relative paths and refuses ones that leave the folder', () => {
    const s = fresh();
    expect(s.absPath('media/ab/c d.mp4')).toBe(join(s.dir, 'media', 'ab', 'c d.mp4'));
    expect(s.relPath(join(s.dir, 'media', 'ab', 'c d.mp4'))).toBe('media/ab/c d.mp4');
    expect(codeOf(() => s.absPath('../outside.mp4'))).toMatch(/^FORBIDDEN/);
    expect(codeOf(() => s.absPath('/etc/passwd'))).toMatch(/^FORBIDDEN/);
  });
});

describe('shot edits', () => {
  it('appends and inserts shots with dense positions', () => {
    const s = fresh();
    s.shots.add({ title: 'B', durationFrames: 24 });
    s.shots.add({ title: 'D', durationFrames: 24 });
    s.shots.add({ title: 'A', durationFrames: 24, index: 0 });
    s.shots.add({ title: 'C', durationFrames: 24, index: 2 });
    s.shots.add({ title: 'E', durationFrames: 24, index: 99 });
    const snap = ProjectSnapshotSchema.parse(s.snapshot());
    expect(snap.shots.map((x) => x.title)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(snap.shots.map((x) => x.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('fills defaults and keeps Unicode, quotes and % as typed', () => {
    const s = fresh();
    const prompt = '镜头 "close" 100% <script>alert(1)</script> \'x\'';
    const shot = s.shots.add({ prompt, durationFrames: 48, camera: 'push_in' });
    expect(shot).toMatchObject({
      prompt,
      camera: 'push_in',
      durationFrames: 48,
      title: '',
      selectedTakeId: null,
      trimInFrames: 0,
    });
    expect(reopen(s).getShot(shot.id).prompt).toBe(prompt);
  });

  it('updates fields and validates the patch', () => {
    const s = fresh();
    const { id } = s.shots.add({ durationFrames: 24 });
    const updated = s.shots.update(id, { title: 'Kitchen', seed: 42, shotSize: 'close_up', model: null });
    expect(updated).toMatchObject({ title: 'Kitchen', seed: 42, shotSize: 'close_up' });
    expect(codeOf(() => s.shots.update(id, { durationFrames: 0 }))).toMatch(/^INVALID_INPUT/);
    expect(codeOf(() => s.shots.update(id, { position: 3 } as never))).toMatch(/^INVALID_INPUT/);
    expect(codeOf(() => s.shots.update('nope', { title: 'x' }))).toBe(
      'NOT_FOUND: Shot "nope" not found in this project.',
    );
    expect(s.getShot(id).title).toBe('Kitchen');
  });

  it('removes a shot and closes the gap', () => {
    const s = fresh();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => s.shots.add({ title, durationFrames: 24 }));
    s.shots.remove(b!.id);
    expect(s.snapshot().shots.map((x) => [x.title, x.position])).toEqual([
      ['A', 0],
      ['C', 1],
    ]);
    expect(codeOf(() => s.getShot(b!.id))).toMatch(/^NOT_FOUND: Shot/);
    expect(codeOf(() => s.shots.remove(b!.id))).toMatch(/^NOT_FOUND/);
    expect([a!.id, c!.id]).toEqual(s.snapshot().shots.map((x) => x.id));
  });

  it('moves shots like reorder() and refuses unknown ids', () => {
    const s = fresh();
    const ids = ['A', 'B', 'C', 'D'].map((title) => s.shots.add({ title, durationFrames: 24 }).id);
    s.shots.move(ids[0]!, 2);
    expect(titles(s)).toEqual(['B', 'C', 'A', 'D']);
    s.shots.move(ids[3]!, 0);
    expect(titles(s)).toEqual(['D', 'B', 'C', 'A']);
    s.shots.move(ids[1]!, 50);
    expect(titles(s)).toEqual(['D', 'C', 'A', 'B']);
    expect(s.snapshot().shots.map((x) => x.position)).toEqual([0, 1, 2, 3]);
    expect(codeOf(() => s.shots.move('ghost', 0))).toMatch(/^NOT_FOUND: Shot "ghost"/);
    expect(codeOf(() => s.shots.move(ids[0]!, -1))).toMatch(/^INVALID_INPUT/);
  });

  it('selects only a take of the same shot', () => {
    const s = fresh();
    const a = s.shots.add({ durationFrames: 24 });
    const b = s.shots.add({ durationFrames: 24 });
    const asset = s.upsertAsset(fakeAsset());
    const t1 = s.addTake(fakeTake(a.id, asset.id), { selectIfNone: false });
    const t2 = s.addTake(fakeTake(a.id, asset.id), { selectIfNone: false });
    const tb = s.addTake(fakeTake(b.id, asset.id), { selectIfNone: false });
    expect(s.shots.selectTake(a.id, t2.id).selectedTakeId).toBe(t2.id);
    expect(codeOf(() => s.shots.selectTake(a.id, tb.id))).toBe(
      `INVALID_INPUT: Take "${tb.id}" belongs to another shot, not to shot "${a.id}".`,
    );
    expect(codeOf(() => s.shots.selectTake(a.id, 'missing'))).toMatch(/^NOT_FOUND: Take "missing"/);
    expect(codeOf(() => s.shots.selectTake('missing', t1.id))).toMatch(/^NOT_FOUND: Shot "missing"/);
    expect(s.getShot(a.id).selectedTakeId).toBe(t2.id);
  });

  it('validates trims', () => {
    const s = fresh();
    const { id } = s.shots.add({ durationFrames: 24 });
    expect(s.shots.setTrim(id, 5, 20)).toMatchObject({ trimInFrames: 5, trimOutFrames: 20 });
    expect(s.shots.setTrim(id, 3, null)).toMatchObject({ trimInFrames: 3, trimOutFrames: null });
    expect(codeOf(() => s.shots.setTrim(id, 10, 10))).toMatch(/^INVALID_INPUT: Trim out point 10/);
    expect(codeOf(() => s.shots.setTrim(id, 10, 4))).toMatch(/^INVALID_INPUT/);
    expect(codeOf(() => s.shots.setTrim(id, -1, null))).toMatch(/^INVALID_INPUT/);
    expect(codeOf(() => s.shots.setTrim(id, 1.5, null))).toMatch(/^INVALID_INPUT/);
    expect(codeOf(() => s.shots.setTrim('nope', 0, 5))).toMatch(/^NOT_FOUND/);
    expect(s.getShot(id)).toMatchObject({ trimInFrames: 3, trimOutFrames: null });
  });

  it('refuses a first frame that is not in the media store', () => {
    const s = fresh();
    expect(codeOf(() => s.shots.add({ durationFrames: 24, firstFrameAssetId: 'f'.repeat(64) }))).toMatch(
      /^NOT_FOUND: First-frame asset/,
    );
    expect(codeOf(() => s.shots.add({ durationFrames: 0 }))).toMatch(/^INVALID_INPUT/);
    expect(s.snapshot().shots).toEqual([]);
    expect(s.historyState().canUndo).toBe(false);
  });

  it('writes one provenance row per edit, by the user', () => {
    const s = fresh();
    const { id } = s.shots.add({ durationFrames: 24 });
    s.shots.update(id, { prompt: 'p' });
    s.shots.setTrim(id, 1, null);
    const rows = s.listProvenance({ subjectType: 'shot', subjectId: id });
    expect(rows.map((r) => [r.actor, r.action])).toEqual([
      ['user', 'shot.add'],
      ['user', 'shot.update'],
      ['user', 'shot.setTrim'],
    ]);
    expect(rows[1]?.details).toEqual({ patch: { prompt: 'p' } });
  });
});
