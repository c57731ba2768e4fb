/**
 * The project's style: its prompt and its pictures, one contract call (one undo step) each.
 * The pictures are always sent as the whole new list (add, remove and reorder alike); picked
 * or dropped files are uploaded to the host first, so a broken file fails before the document
 * changes.
 */
import type { MethodInput } from '../../../shared/api/contract';
import type { Action, ActionMap } from './registry';

type Picture = NonNullable<MethodInput<'project.setStyle'>['pictures']>[number];

const styleSetPrompt: Action<'style.setPrompt'> = {
  id: 'style.setPrompt',
  labelKey: 'style.save',
  place: 'elements',
  tracks: 'none',
  predicate: (s, p) => !!s.snapshot && s.snapshot.project.stylePrompt !== p.stylePrompt,
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('project.setStyle', { stylePrompt: p.stylePrompt }));
  },
};

const styleSetPictures: Action<'style.setPictures'> = {
  id: 'style.setPictures',
  labelKey: 'style.pictures',
  place: 'elements',
  tracks: 'none',
  predicate: (s) => s.snapshot !== null,
  async perform({ api, store }, p) {
    const pictures: Picture[] = [];
    for (const x of p.pictures)
      pictures.push('file' in x ? { path: await api.importFile(x.file) } : { assetId: x.assetId });
    store.getState().setSnapshot(await api.call('project.setStyle', { pictures }));
  },
};

export const styleActions: Pick<ActionMap, 'style.setPrompt' | 'style.setPictures'> = {
  'style.setPrompt': styleSetPrompt,
  'style.setPictures': styleSetPictures,
};
