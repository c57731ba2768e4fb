/**
 * Template variables (shared/api/template.ts): define or replace one, set one value, remove
 * one — one contract call (one undo step) each. A picked picture file is uploaded to the host
 * first, so a broken file fails before the document changes.
 */
import type { Action, ActionMap } from './registry';
import { applyCall } from './snapshotCall';

const templateSet: Action<'template.set'> = {
  id: 'template.set',
  labelKey: 'template.add',
  place: 'elements',
  tracks: 'none',
  predicate: (s) => s.snapshot !== null,
  async perform(ctx, p) {
    const { api } = ctx;
    const picture = p.picture
      ? 'file' in p.picture
        ? { path: await api.importFile(p.picture.file) }
        : p.picture
      : undefined;
    await applyCall(ctx, 'template.set', {
      name: p.name,
      kind: p.kind,
      value: p.value ?? '',
      ...(picture ? { picture } : {}),
      firstFrameShotIds: p.firstFrameShotIds ?? [],
    });
  },
};

const templateSetValue: Action<'template.setValue'> = {
  id: 'template.setValue',
  labelKey: 'template.value',
  place: 'elements',
  tracks: 'none',
  predicate: (s, p) => !!s.snapshot && s.snapshot.templateVariables?.find((v) => v.name === p.name)?.value !== p.value,
  async perform(ctx, p) {
    await applyCall(ctx, 'template.setValues', { text: { [p.name]: p.value } });
  },
};

const templateRemove: Action<'template.remove'> = {
  id: 'template.remove',
  labelKey: 'template.remove',
  place: 'elements',
  tracks: 'none',
  predicate: (s) => s.snapshot !== null,
  async perform(ctx, p) {
    await applyCall(ctx, 'template.remove', { name: p.name });
  },
};

export const templateActions: Pick<ActionMap, 'template.set' | 'template.setValue' | 'template.remove'> = {
  'template.set': templateSet,
  'template.setValue': templateSetValue,
  'template.remove': templateRemove,
};
