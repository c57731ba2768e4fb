/**
 * The project's style through dispatch(), on real SQLite and real ffprobe: the prompt and the
 * pictures (imported or reused, reordered, removed), each call one undo step that undo/redo
 * restore; a broken or non-image picture refused with nothing written; and the generation
 * plan's request carrying the style prompt and the style pictures after the element pictures.
 */
import { writeFileSync } from 'node:fs';
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

describe('project style contract', () => {
  it('sets the prompt and the pictures (add, reorder, remove), one undo step each', async () => {
    const s = await project('set');
    const prompt = '水彩画, warm "evening" light, 100% grain';
    const p1 = await call(s, 'project.setStyle', { stylePrompt: prompt });
    expect(p1.project.stylePrompt).toBe(prompt);
    expect((await call(s, 'history.state', {})).undoLabel).toBe('project.setStyle');

    const p2 = await call(s, 'project.setStyle', { pictures: [{ path: pngImage() }, { path: jpegImage() }] });
    const [a, b] = p2.project.styleRefAssetIds;
    expect(p2.project.styleRefAssetIds).toHaveLength(2);
    expect(p2.assets.filter((x) => x.id === a || x.id === b).map((x) => x.info.kind)).toEqual(['image', 'image']);
    expect(p2.project.stylePrompt).toBe(prompt); // pictures alone leave the prompt as it was

    // Reuse an image already in the project (an element's picture), then reorder and remove.
    const el = (await call(s, 'elements.create', { name: 'Mara', picturePaths: [REAL_CLIPS.firstFrame] })).element;
    const c = el.refAssetIds[0]!;
    const p3 = await call(s, 'project.setStyle', { pictures: [{ assetId: c }, { assetId: b! }, { assetId: a! }] });
    expect(p3.project.styleRefAssetIds).toEqual([c, b, a]);
    const p4 = await call(s, 'project.setStyle', { pictures: [{ assetId: c }, { assetId: a! }] });
    expect(p4.project.styleRefAssetIds).toEqual([c, a]);

    // Nothing changed: no undo entry.
    const before = await call(s, 'history.state', {});
    await call(s, 'project.setStyle', { stylePrompt: prompt, pictures: [{ assetId: c }, { assetId: a! }] });
    expect(await call(s, 'history.state', {})).toEqual(before);

    expect((await call(s, 'history.undo', {})).project.styleRefAssetIds).toEqual([c, b, a]);
    expect((await call(s, 'history.undo', {})).project.styleRefAssetIds).toEqual([a, b]);
    await call(s, 'history.undo', {}); // the element
    const noPictures = await call(s, 'history.undo', {});
    expect(noPictures.project).toMatchObject({ stylePrompt: prompt, styleRefAssetIds: [] });
    expect((await call(s, 'history.undo', {})).project.stylePrompt).toBe('');
    expect((await call(s, 'history.redo', {})).project.stylePrompt).toBe(prompt);
    expect((await call(s, 'history.redo', {})).project.styleRefAssetIds).toEqual([a, b]);
    await closeServices(s);

    // Stored, not only in memory.
    const store = ProjectStore.open(join(root, 'set'));
    try {
      expect(store.project()).toMatchObject({ stylePrompt: prompt, styleRefAssetIds: [a, b] });
    } finally {
      store.close();
    }
  });

  it('refuses a broken, non-image or unknown picture, and too many, with nothing written', async () => {
    const s = await project('broken');
    await call(s, 'project.setStyle', { stylePrompt: 'ink', pictures: [{ path: pngImage() }] });
    const snap = await call(s, 'project.current', {});
    const history = await call(s, 'history.state', {});
    const fake = join(root, 'not a picture «1».png');
    writeFileSync(fake, 'this is text, not a PNG');

    const broken = await failure(
      call(s, 'project.setStyle', { stylePrompt: 'changed', pictures: [{ path: jpegImage() }, { path: fake }] }),
    );
    expect(broken.code).toMatch(/^MEDIA_(CORRUPT|UNSUPPORTED)$/);
    expect(broken.message).toContain('not a picture «1».png');
    const video = await failure(call(s, 'project.setStyle', { pictures: [{ path: REAL_CLIPS.horse }] }));
    expect(video).toMatchObject({ code: 'MEDIA_UNSUPPORTED', message: expect.stringContaining('is a video') });
    const clip = await call(s, 'media.import', { path: cfrClip() });
    const asVideo = await failure(
      call(s, 'project.setStyle', { stylePrompt: 'changed', pictures: [{ assetId: clip.id }] }),
    );
    expect(asVideo).toMatchObject({
      code: 'MEDIA_UNSUPPORTED',
      message: expect.stringContaining('a style picture must be an image'),
    });
    const unknown = await failure(call(s, 'project.setStyle', { pictures: [{ assetId: 'no-such-asset' }] }));
    expect(unknown.code).toBe('NOT_FOUND');
    const seven = Array.from({ length: 7 }, () => ({ assetId: snap!.project.styleRefAssetIds[0]! }));
    expect((await failure(call(s, 'project.setStyle', { pictures: seven }))).code).toBe('INVALID_INPUT');

    const after = await call(s, 'project.current', {});
    expect(after?.project).toEqual(snap?.project);
    expect(await call(s, 'history.state', {})).toEqual(history);
  });

  it("the plan sends the style prompt and the style pictures after the shot's element pictures", async () => {
    const s = await project('plan');
    const dir = join(root, 'plan');
    const ming = (await call(s, 'elements.create', { name: '小明', picturePaths: [pngImage()] })).element;
    const styled = await call(s, 'project.setStyle', {
      stylePrompt: 'pencil sketch',
      pictures: [{ path: jpegImage() }, { path: REAL_CLIPS.firstFrame }],
    });
    const styleIds = styled.project.styleRefAssetIds;
    const { shotId } = await call(s, 'shots.add', { prompt: `${ming.tag} waves` });
    await closeServices(s);

    const store = ProjectStore.open(dir);
    try {
      const [planned] = planBatch(
        { store, importFile: () => Promise.reject(new Error('unused')) },
        { shotIds: [shotId], providerId: 'animatic' },
      );
      const request = planned!.request!;
      expect(request.stylePrompt).toBe('pencil sketch');
      expect(request.references!.map((r) => r.assetId)).toEqual([ming.refAssetIds[0], ...styleIds]);
      expect(request.references!.map((r) => r.kind)).toEqual(['character', 'style', 'style']);
      expect(request.references![2]!.path).toBe(store.absPath(store.getAsset(styleIds[1]!).path));
    } finally {
      store.close();
    }
  });
});
