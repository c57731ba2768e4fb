/** Scenes, takes and shot frames: one contract call (one undo step) each. */
import { modelCapabilities } from '../../../shared/generation/capabilities';
import { takeOutputRef } from '../../../shared/generation/request';
import type { AppState } from '../store/state';
import { setJobsUi } from '../store/jobsUi';
import { selection } from '../store/uiEditor';
import { generationActions } from './generationActions';
import { selectedShotIds } from './selection';
import { runAction, type Action } from './registry';
import { onShots, onTakeOfCut } from './trackScopes';
import { applyCall, applyCallWith, performCall, reloadSnapshot } from './snapshotCall';

export const sceneAdd: Action<'scene.add'> = {
  id: 'scene.add',
  labelKey: 'editor.scene.add',
  place: 'app',
  tracks: 'none',
  predicate: (s, p) => s.snapshot !== null && p.heading.trim() !== '',
  async perform(ctx, p) {
    const input = p.index === undefined ? { heading: p.heading.trim() } : { heading: p.heading.trim(), index: p.index };
    await applyCall(ctx, 'scenes.add', input);
  },
};

export const sceneRename: Action<'scene.rename'> = {
  id: 'scene.rename',
  labelKey: 'editor.scene.rename',
  place: 'app',
  tracks: 'none',
  predicate: (s, p) =>
    p.heading.trim() !== '' && s.snapshot?.scenes.find((x) => x.id === p.sceneId)?.heading !== p.heading.trim(),
  async perform(ctx, p) {
    await applyCall(ctx, 'scenes.update', { sceneId: p.sceneId, patch: { heading: p.heading.trim() } });
  },
};

export const sceneRemove: Action<'scene.remove'> = {
  id: 'scene.remove',
  labelKey: 'editor.scene.remove',
  place: 'app',
  tracks: 'none',
  perform: performCall('scenes.remove'),
};

export const shotSetScene: Action<'shot.setScene'> = {
  id: 'shot.setScene',
  labelKey: 'editor.scene.assign',
  place: 'shot',
  tracks: 'none',
  predicate: (_s, p) => p.shotIds.length > 0,
  perform: performCall('shots.setScene'),
};

export const takeRate: Action<'take.rate'> = {
  id: 'take.rate',
  labelKey: 'editor.takes.rate',
  place: 'shot',
  tracks: 'none',
  perform: performCall('takes.rate'),
};

export const takeRemove: Action<'take.remove'> = {
  id: 'take.remove',
  labelKey: 'editor.takes.remove',
  place: 'shot',
  tracks: onTakeOfCut,
  perform: performCall('takes.remove'),
};

/**
 * Whether a take can be extended: its provider and model can extend their own clips (the
 * providers' capabilities) and the take keeps that provider's handle of its clip.
 */
export function canExtendTake(s: AppState, takeId: string): boolean {
  const take = s.snapshot?.takes.find((x) => x.id === takeId);
  const info = take ? s.providers?.find((p) => p.id === take.provider) : undefined;
  if (!take || !info || !takeOutputRef(take)) return false;
  const caps = info.capabilities as unknown as Parameters<typeof modelCapabilities>[0];
  return Array.isArray(caps.models) && modelCapabilities(caps, take.model).extend === true;
}

export const takeExtend: Action<'take.extend'> = {
  id: 'take.extend',
  labelKey: 'editor.takes.extend',
  place: 'shot',
  tracks: 'none',
  predicate: (s, p) => canExtendTake(s, p.takeId),
  async perform(ctx, p) {
    // One contract call = one undo step: the shot is inserted with provider, model, prompt and
    // `extends` set together. The new shot becomes the selection, ready to generate.
    const { shotId } = await applyCallWith(ctx, 'shots.extendTake', p.prompt === undefined ? { takeId: p.takeId } : p);
    selection.getState().select([shotId], 'replace', [shotId]);
  },
};

/** The take in the cut of the one selected shot, if it can be extended. */
function selectedExtendableTake(s: AppState): string | null {
  const ids = selectedShotIds(s);
  const take = ids.length === 1 ? (s.snapshot?.shots.find((x) => x.id === ids[0])?.selectedTakeId ?? null) : null;
  return take && canExtendTake(s, take) ? take : null;
}

export const takeExtendSelected: Action<'take.extendSelected'> = {
  id: 'take.extendSelected',
  labelKey: 'editor.takes.extend',
  place: 'shot',
  tracks: 'none',
  global: true,
  group: 'edit',
  predicate: (s) => selectedExtendableTake(s) !== null,
  async perform(ctx) {
    const takeId = selectedExtendableTake(ctx.store.getState());
    if (takeId) await takeExtend.perform(ctx, { takeId });
  },
};

export const takeGenerate: Action<'take.generate'> = {
  id: 'take.generate',
  labelKey: 'editor.takes.generate',
  place: 'generate',
  tracks: 'none',
  predicate: (s, p) => s.snapshot?.shots.some((x) => x.id === p.shotId) === true,
  async perform(ctx, p) {
    const { api } = ctx;
    // Free takes start at once; one that costs money goes through the Generate dialog's estimate.
    const est = await api.call('generate.estimate', { shotIds: [p.shotId] });
    if (est.total > 0 || est.unpriced > 0 || est.overBudget) {
      selection.getState().select([p.shotId], 'replace', [p.shotId]);
      setJobsUi({ generateScope: 'regenerate' });
      await runAction(ctx, generationActions['generate.open'], undefined);
      return;
    }
    await api.call('generate.start', { shotIds: [p.shotId] });
    await reloadSnapshot(ctx);
  },
};

export const shotSetFrame: Action<'shot.setFrame'> = {
  id: 'shot.setFrame',
  labelKey: 'editor.inspector.setFrame',
  place: 'shot',
  tracks: 'none',
  async perform(ctx, p) {
    const { api } = ctx;
    // Upload first: a refused file fails here and the document is untouched.
    const source =
      p.source === null ? null : 'file' in p.source ? { path: await api.importFile(p.source.file) } : p.source;
    await applyCall(ctx, 'shots.setFrame', { shotId: p.shotId, which: p.which, source });
  },
};

export const shotSetTrim: Action<'shot.setTrim'> = {
  id: 'shot.setTrim',
  labelKey: 'editor.inspector.trim',
  place: 'shot',
  tracks: onShots,
  perform: performCall('shots.setTrim'),
};
