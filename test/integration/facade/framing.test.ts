/**
 * A shot's framing per aspect through dispatch(), on real SQLite: one undo step per call,
 * each aspect kept apart, the default stored as nothing; refused input writes nothing; the
 * framing survives closing and reopening the project and reaches the export plan.
 */
import { describe, expect, it } from 'vitest';
import { buildExportPlan } from '../../../shared/export/plan.js';
import { call, closeServices, servicesWithProject } from '../../helpers/services.js';
import { REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();

describe('shots.setFraming', () => {
  it('sets one aspect as one undo step; undo and redo restore it; reopening keeps it', async () => {
    const s = await servicesWithProject(root, 'framing');
    const { shotId } = await call(s, 'shots.add', { videoPath: REAL_CLIPS.horse });
    const a = await call(s, 'shots.setFraming', { shotId, aspect: '9:16', framing: { mode: 'fill', x: 0.25, y: 0.5 } });
    expect(a.shots[0]?.framing).toEqual({ '9:16': { mode: 'fill', x: 0.25, y: 0.5 } });
    expect((await call(s, 'history.state', {})).undoLabel).toBe('shots.setFraming');
    const b = await call(s, 'shots.setFraming', { shotId, aspect: '16:9', framing: { mode: 'fill', x: 0.5, y: 0 } });
    expect(b.shots[0]?.framing).toEqual({
      '9:16': { mode: 'fill', x: 0.25, y: 0.5 },
      '16:9': { mode: 'fill', x: 0.5, y: 0 },
    });
    const undone = await call(s, 'history.undo', {});
    expect(undone.shots[0]?.framing).toEqual({ '9:16': { mode: 'fill', x: 0.25, y: 0.5 } });
    const redone = await call(s, 'history.redo', {});
    expect(redone.shots[0]?.framing?.['16:9']).toEqual({ mode: 'fill', x: 0.5, y: 0 });
    // The default (or null) removes the aspect's entry; the last one gone, the shot has none.
    await call(s, 'shots.setFraming', { shotId, aspect: '16:9', framing: { mode: 'fit', x: 0.5, y: 0.5 } });
    const cleared = await call(s, 'shots.setFraming', { shotId, aspect: '9:16', framing: null });
    expect(cleared.shots[0]?.framing).toBeUndefined();
    await call(s, 'history.undo', {});
    const dir = cleared.dir;
    await call(s, 'project.close', {});
    const reopened = await call(s, 'project.open', { dir });
    expect(reopened.shots[0]?.framing).toEqual({ '9:16': { mode: 'fill', x: 0.25, y: 0.5 } });
    await closeServices(s);
  });

  it('an unchanged framing records nothing; bad input is refused before anything is written', async () => {
    const s = await servicesWithProject(root, 'framing-bad');
    const { shotId } = await call(s, 'shots.add', { videoPath: REAL_CLIPS.horse });
    const before = (await call(s, 'history.state', {})).revision;
    await call(s, 'shots.setFraming', { shotId, aspect: '16:9', framing: null });
    expect((await call(s, 'history.state', {})).revision).toBe(before);
    await expect(
      call(s, 'shots.setFraming', { shotId, aspect: '16:9', framing: { mode: 'fill', x: 2, y: 0 } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(s, 'shots.setFraming', { shotId: 'nope', aspect: '16:9', framing: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await call(s, 'history.state', {})).revision).toBe(before);
    await closeServices(s);
  });

  it("the export plan takes the framing of the project's aspect", async () => {
    const s = await servicesWithProject(root, 'framing-plan');
    const { shotId } = await call(s, 'shots.add', { videoPath: REAL_CLIPS.horse });
    const doc = await call(s, 'shots.setFraming', {
      shotId,
      aspect: doc0Aspect(await call(s, 'project.current', {})),
      framing: { mode: 'fill', x: 0, y: 1 },
    });
    const plan = buildExportPlan(doc, { outPath: '/tmp/x.mp4', tempPath: '/tmp/x.tmp.mp4', quality: 'draft' });
    expect(plan.clips[0]?.framing).toEqual({ mode: 'fill', x: 0, y: 1 });
    await closeServices(s);
  });
});

function doc0Aspect(doc: { project: { aspect: '16:9' | '9:16' | '1:1' | '4:5' | '21:9' } } | null) {
  if (!doc) throw new Error('no project');
  return doc.project.aspect;
}
