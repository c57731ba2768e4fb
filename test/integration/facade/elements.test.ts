/**
 * The Elements library through dispatch(), on real SQLite and real ffprobe: create (tags from
 * Unicode names, unique per project), update, delete with the shots' links, each one undo step
 * that undo/redo restore; pictures imported (broken ones refused with nothing written) or reused;
 * and the generation plan's references from picked + @tag elements.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../electron/services/app.js';
import { planBatch } from '../../../electron/services/generation/plan.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { call, closeServices, failure, servicesWithProject } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { cfrClip, jpegImage, pngImage, REAL_CLIPS } from '../../helpers/media.js';

const root = tempDir();

const project = (name: string): Promise<AppServices> => servicesWithProject(root, name);

function mediaFiles(dir: string): string[] {
  return readdirSync(join(dir, 'media'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

describe('elements contract', () => {
  it('derives unique tags from names (Chinese included) and refuses a tag in use', async () => {
    const s = await project('tags');
    const a = (await call(s, 'elements.create', { name: '小明' })).element;
    const b = (await call(s, 'elements.create', { name: '小明', kind: 'prop' })).element;
    const c = (await call(s, 'elements.create', { name: 'Mara Lee', kind: 'location', description: 'a harbour town' }))
      .element;
    expect([a.tag, b.tag, c.tag]).toEqual(['@小明', '@小明_2', '@Mara_Lee']);
    expect(c).toMatchObject({ kind: 'location', name: 'Mara Lee', description: 'a harbour town', refAssetIds: [] });
    const clash = await failure(call(s, 'elements.create', { name: 'Other', tag: '@mara_lee' }));
    expect(clash).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('already used by "Mara Lee"'),
    });
    const bad = await failure(call(s, 'elements.update', { elementId: a.id, patch: { tag: 'two words' } }));
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('cannot be a tag') });
    const renamed = await call(s, 'elements.update', { elementId: a.id, patch: { tag: 'Ming', name: '小明 (child)' } });
    expect(renamed.elements.find((e) => e.id === a.id)).toMatchObject({ tag: '@Ming', name: '小明 (child)' });
    expect(renamed.history).toMatchObject({ canUndo: true });
    const undone = await call(s, 'history.undo', {});
    expect(undone.elements.find((e) => e.id === a.id)).toMatchObject({ tag: '@小明', name: '小明' });
  });

  it('delete takes the element off its shots in one step; undo restores element, pictures and links in order', async () => {
    const s = await project('delete');
    const png = pngImage();
    const ming = (await call(s, 'elements.create', { name: '小明', picturePaths: [png, jpegImage()] })).element;
    const cup = (await call(s, 'elements.create', { name: 'Cup', kind: 'prop' })).element;
    expect(ming.refAssetIds).toHaveLength(2);
    const { shotId } = await call(s, 'shots.add', { prompt: 'one' });
    const { shotId: other } = await call(s, 'shots.add', { prompt: 'two' });
    await call(s, 'shots.setElements', { shotId, elementIds: [ming.id, cup.id] });
    const linked = await call(s, 'shots.setElements', { shotId: other, elementIds: [cup.id, ming.id] });
    expect(linked.shots.map((x) => x.elementIds)).toEqual([
      [ming.id, cup.id],
      [cup.id, ming.id],
    ]);
    const before = linked;

    const removed = await call(s, 'elements.remove', { elementId: ming.id });
    expect(removed.elements.map((e) => e.id)).toEqual([cup.id]);
    expect(removed.shots.map((x) => x.elementIds)).toEqual([[cup.id], [cup.id]]);
    expect((await call(s, 'history.state', {})).undoLabel).toBe('elements.remove');

    const undone = await call(s, 'history.undo', {});
    expect(undone.elements).toEqual(before.elements);
    expect(undone.shots.map((x) => x.elementIds)).toEqual([
      [ming.id, cup.id],
      [cup.id, ming.id],
    ]);
    const redone = await call(s, 'history.redo', {});
    expect(redone.shots.map((x) => x.elementIds)).toEqual([[cup.id], [cup.id]]);
    // Undo twice more: the links of `other`, then of `shotId`, go one step at a time.
    await call(s, 'history.undo', {});
    const oneStep = await call(s, 'history.undo', {});
    expect(oneStep.shots.map((x) => x.elementIds)).toEqual([[ming.id, cup.id], []]);
  });

  it('adds pictures by file or by an asset already in the project, removes one, all undoable', async () => {
    const s = await project('pictures');
    const el = (await call(s, 'elements.create', { name: 'Mara', picturePaths: [REAL_CLIPS.firstFrame] })).element;
    const first = el.refAssetIds[0]!;
    // The same file again is the same asset (content-addressed): skipped, not doubled.
    const snap = await call(s, 'elements.addPictures', {
      elementId: el.id,
      pictures: [{ path: pngImage() }, { assetId: first }],
    });
    const refs = snap.elements[0]!.refAssetIds;
    expect(refs).toHaveLength(2);
    expect(refs[0]).toBe(first);
    expect(snap.assets.find((a) => a.id === refs[1])?.info.kind).toBe('image');
    const less = await call(s, 'elements.removePicture', { elementId: el.id, assetId: first });
    expect(less.elements[0]!.refAssetIds).toEqual([refs[1]]);
    expect((await call(s, 'history.undo', {})).elements[0]!.refAssetIds).toEqual(refs);
    // A video asset is not a picture.
    const clip = await call(s, 'media.import', { path: cfrClip() });
    const err = await failure(call(s, 'elements.addPictures', { elementId: el.id, pictures: [{ assetId: clip.id }] }));
    expect(err).toMatchObject({
      code: 'MEDIA_UNSUPPORTED',
      message: expect.stringContaining('a reference picture must be an image'),
    });
  });

  it('refuses a broken or non-image picture with its own error and writes nothing', async () => {
    const s = await project('broken');
    const dir = join(root, 'broken');
    const fake = join(root, 'not a picture «1».png');
    writeFileSync(fake, 'this is text, not a PNG');
    const history = await call(s, 'history.state', {});
    const files = mediaFiles(dir);
    // One good picture before the broken one: nothing is created, and the edit is all or nothing.
    const broken = await failure(call(s, 'elements.create', { name: 'Ghost', picturePaths: [pngImage(), fake] }));
    expect(broken.code).toMatch(/^MEDIA_(CORRUPT|UNSUPPORTED)$/);
    expect(broken.message).toContain('not a picture «1».png');
    const video = await failure(call(s, 'elements.create', { name: 'Ghost', picturePaths: [REAL_CLIPS.horse] }));
    expect(video).toMatchObject({
      code: 'MEDIA_UNSUPPORTED',
      message: expect.stringContaining('is a video: a reference picture must be an image'),
    });
    const snap = await call(s, 'project.current', {});
    expect(snap?.elements).toEqual([]);
    expect(await call(s, 'history.state', {})).toEqual(history);
    // The good picture imported before the failure may stay in media (content-addressed,
    // collectable), but the video never got there.
    expect(mediaFiles(dir).filter((f) => f.endsWith('.mp4'))).toEqual(files.filter((f) => f.endsWith('.mp4')));
    const missing = await failure(
      call(s, 'shots.setElements', { shotId: '00000000-0000-4000-8000-000000000000', elementIds: [] }),
    );
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('the plan sends picked elements first, then @tag mentions in order of appearance; the prompt names them', async () => {
    const s = await project('plan');
    const dir = join(root, 'plan');
    const ming = (await call(s, 'elements.create', { name: '小明', picturePaths: [pngImage()] })).element;
    const cafe = (
      await call(s, 'elements.create', { name: 'Harbour Café', kind: 'location', picturePaths: [jpegImage()] })
    ).element;
    const cup = (await call(s, 'elements.create', { name: 'Cup', kind: 'prop', picturePaths: [REAL_CLIPS.firstFrame] }))
      .element;
    await call(s, 'elements.create', { name: 'Unused', picturePaths: [REAL_CLIPS.firstFrame] });
    const { shotId } = await call(s, 'shots.add', {
      prompt: `${ming.tag}走进${cafe.tag}，拿起@cup。${ming.tag} smiles.`,
    });
    await call(s, 'shots.setElements', { shotId, elementIds: [cup.id] });
    await closeServices(s);

    const store = ProjectStore.open(dir);
    try {
      const [planned] = planBatch(
        { store, importFile: () => Promise.reject(new Error('unused')) },
        { shotIds: [shotId], providerId: 'animatic' },
      );
      const refs = planned!.request!.references!;
      expect(refs.map((r) => r.assetId)).toEqual([cup.refAssetIds[0], ming.refAssetIds[0], cafe.refAssetIds[0]]);
      expect(refs.map((r) => [r.kind, r.name])).toEqual([
        ['prop', 'Cup'],
        ['character', '小明'],
        ['location', 'Harbour Café'],
      ]);
      expect(refs[0]!.path).toBe(store.absPath(store.getAsset(cup.refAssetIds[0]!).path));
      expect(planned!.request!.prompt).toBe('小明走进Harbour Café，拿起Cup。小明 smiles.');
    } finally {
      store.close();
    }
  });
});
