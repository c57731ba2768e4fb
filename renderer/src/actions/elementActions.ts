/**
 * The Elements library and a shot's picked elements: one contract call (one undo step) each.
 * Picked or dropped files are uploaded to the host first, so a broken file fails before the
 * document changes.
 */
import type { MethodInput } from '../../../shared/api/contract';
import type { ApiClient } from '../api/client';
import type { PictureSource } from './payloads';
import type { Action, ActionMap } from './registry';
import { applyCall, applyCallWith, performCall } from './snapshotCall';

type Picture = MethodInput<'elements.addPictures'>['pictures'][number];

async function upload(api: ApiClient, pictures: readonly PictureSource[]): Promise<Picture[]> {
  const out: Picture[] = [];
  for (const p of pictures) out.push('file' in p ? { path: await api.importFile(p.file) } : { assetId: p.assetId });
  return out;
}

const elementCreate: Action<'element.create'> = {
  id: 'element.create',
  labelKey: 'elements.add',
  place: 'elements',
  tracks: 'none',
  predicate: (s, p) => s.snapshot !== null && p.name.trim() !== '',
  async perform(ctx, p) {
    const { api } = ctx;
    const picturePaths: string[] = [];
    for (const f of p.files) picturePaths.push(await api.importFile(f));
    const input: MethodInput<'elements.create'> = { name: p.name.trim(), kind: p.kind };
    if (picturePaths.length) input.picturePaths = picturePaths;
    await applyCallWith(ctx, 'elements.create', input);
  },
};

const elementUpdate: Action<'element.update'> = {
  id: 'element.update',
  labelKey: 'elements.save',
  place: 'elements',
  tracks: 'none',
  predicate: (s, p) => {
    const el = s.snapshot?.elements.find((e) => e.id === p.elementId);
    return !!el && Object.entries(p.patch).some(([k, v]) => v !== undefined && el[k as keyof typeof el] !== v);
  },
  perform: performCall('elements.update'),
};

const elementRemove: Action<'element.remove'> = {
  id: 'element.remove',
  labelKey: 'elements.remove',
  place: 'elements',
  tracks: 'none',
  perform: performCall('elements.remove'),
};

const elementAddPictures: Action<'element.addPictures'> = {
  id: 'element.addPictures',
  labelKey: 'elements.addPictures',
  place: 'elements',
  tracks: 'none',
  predicate: (_s, p) => p.pictures.length > 0,
  async perform(ctx, p) {
    const { api } = ctx;
    const pictures = await upload(api, p.pictures);
    await applyCall(ctx, 'elements.addPictures', { elementId: p.elementId, pictures });
  },
};

const elementRemovePicture: Action<'element.removePicture'> = {
  id: 'element.removePicture',
  labelKey: 'elements.removePicture',
  place: 'elements',
  tracks: 'none',
  perform: performCall('elements.removePicture'),
};

const shotSetElements: Action<'shot.setElements'> = {
  id: 'shot.setElements',
  labelKey: 'elements.attach',
  place: 'shot',
  tracks: 'none',
  predicate: (s, p) => {
    const shot = s.snapshot?.shots.find((x) => x.id === p.shotId);
    return !!shot && shot.elementIds.join('\u0000') !== p.elementIds.join('\u0000');
  },
  perform: performCall('shots.setElements'),
};

export const elementActions: Pick<
  ActionMap,
  | 'element.create'
  | 'element.update'
  | 'element.remove'
  | 'element.addPictures'
  | 'element.removePicture'
  | 'shot.setElements'
> = {
  'element.create': elementCreate,
  'element.update': elementUpdate,
  'element.remove': elementRemove,
  'element.addPictures': elementAddPictures,
  'element.removePicture': elementRemovePicture,
  'shot.setElements': shotSetElements,
};
