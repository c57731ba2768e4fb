/**
 * The project's style: its prompt and its pictures, one contract call (one undo step) each.
 * The pictures are always sent as the whole new list (add, remove and reorder alike); picked
 * or dropped files are uploaded to the host first, so a broken file fails before the document
 * changes.
 */
import type { MethodInput } from '../../../shared/api/contract';
import type { Action, ActionMap } from './registry';
import { applyCall } from './snapshotCall';

type Picture = NonNullable<MethodInput<'project.setStyle'>['pictures']>[number];

const styleSetPrompt: Action<'style.setPrompt'> = {
  id: 'style.setPrompt',
  labelKey: 'style.save',
  place: 'elements',
  tracks: 'none',
  predicate: (s, p) => !!s.snapshot && s.snapshot.project.stylePrompt !== p.stylePrompt,
  async perform(ctx, p) {
    await applyCall(ctx, 'project.setStyle', { stylePrompt: p.stylePrompt });
  },
};

const styleSetPictures: Action<'style.setPictures'> = {
  id: 'style.setPictures',
  labelKey: 'style.pictures',
  place: 'elements',
  tracks: 'none',
  predicate: (s) => s.snapshot !== null,
  async perform(ctx, p) {
    const { api } = ctx;
    const pictures: Picture[] = [];
    for (const x of p.pictures)
      pictures.push('file' in x ? { path: await api.importFile(x.file) } : { assetId: x.assetId });
    await applyCall(ctx, 'project.setStyle', { pictures });
  },
};

export const styleActions: Pick<ActionMap, 'style.setPrompt' | 'style.setPictures'> = {
  'style.setPrompt': styleSetPrompt,
  'style.setPictures': styleSetPictures,
};
