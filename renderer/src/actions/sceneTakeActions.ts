/** Scenes, takes and shot frames: one contract call (one undo step) each. */
import { setJobsUi } from '../store/jobsUi';
import { selection } from '../store/uiEditor';
import { generationActions } from './jobActions';
import { runAction, type Action } from './registry';

export const sceneAdd: Action<'scene.add'> = {
  id: 'scene.add', labelKey: 'editor.scene.add', place: 'app',
  predicate: (s, p) => s.snapshot !== null && p.heading.trim() !== '',
  async perform({ api, store }, p) {
    const input = p.index === undefined ? { heading: p.heading.trim() } : { heading: p.heading.trim(), index: p.index };
    store.getState().setSnapshot(await api.call('scenes.add', input));
  },
};

export const sceneRename: Action<'scene.rename'> = {
  id: 'scene.rename', labelKey: 'editor.scene.rename', place: 'app',
  predicate: (s, p) => p.heading.trim() !== '' && s.snapshot?.scenes.find((x) => x.id === p.sceneId)?.heading !== p.heading.trim(),
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('scenes.update', { sceneId: p.sceneId, patch: { heading: p.heading.trim() } }));
  },
};

export const sceneRemove: Action<'scene.remove'> = {
  id: 'scene.remove', labelKey: 'editor.scene.remove', place: 'app',
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('scenes.remove', p));
  },
};

export const shotSetScene: Action<'shot.setScene'> = {
  id: 'shot.setScene', labelKey: 'editor.scene.assign', place: 'shot',
  predicate: (_s, p) => p.shotIds.length > 0,
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('shots.setScene', p));
  },
};

export const takeRate: Action<'take.rate'> = {
  id: 'take.rate', labelKey: 'editor.takes.rate', place: 'shot',
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('takes.rate', p));
  },
};

export const takeRemove: Action<'take.remove'> = {
  id: 'take.remove', labelKey: 'editor.takes.remove', place: 'shot',
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('takes.remove', p));
  },
};

export const takeGenerate: Action<'take.generate'> = {
  id: 'take.generate', labelKey: 'editor.takes.generate', place: 'generate',
  predicate: (s, p) => s.snapshot?.shots.some((x) => x.id === p.shotId) === true,
  async perform(ctx, p) {
    const { api, store } = ctx;
    // Free takes start at once; one that costs money goes through the Generate dialog's estimate.
    const est = await api.call('generate.estimate', { shotIds: [p.shotId] });
    if (est.total > 0 || est.unpriced > 0 || est.overBudget) {
      selection.getState().select([p.shotId], 'replace', [p.shotId]);
      setJobsUi({ generateScope: 'regenerate' });
      await runAction(ctx, generationActions['generate.open'], undefined);
      return;
    }
    await api.call('generate.start', { shotIds: [p.shotId] });
    store.getState().setSnapshot(await api.call('project.current', {}));
  },
};

export const shotSetFrame: Action<'shot.setFrame'> = {
  id: 'shot.setFrame', labelKey: 'editor.inspector.setFrame', place: 'shot',
  async perform({ api, store }, p) {
    // Upload first: a refused file fails here and the document is untouched.
    const source = p.source === null ? null
      : 'file' in p.source ? { path: await api.importFile(p.source.file) }
        : p.source;
    store.getState().setSnapshot(await api.call('shots.setFrame', { shotId: p.shotId, which: p.which, source }));
  },
};

export const shotSetTrim: Action<'shot.setTrim'> = {
  id: 'shot.setTrim', labelKey: 'editor.inspector.trim', place: 'shot',
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('shots.setTrim', p));
  },
};
