/** Feeds contract events into the store; after a reconnect, fetches the state again. */
import { actions, runAction, type ActionContext } from '../actions';

/**
 * Native menu items (electron/main/menu.ts) by id. New/Open return to the start screen,
 * where both forms are; items whose panels don't exist yet are ignored.
 */
function runMenuAction(ctx: ActionContext, id: string): void {
  if (id === 'history.undo' || id === 'history.redo') void runAction(ctx, actions[id], undefined);
  if ((id === 'project.new' || id === 'project.open') && ctx.store.getState().snapshot) {
    void runAction(ctx, actions['project.close'], undefined);
  }
}

export function bindApi(ctx: ActionContext): () => void {
  const { api, store } = ctx;
  let wasOpen = api.status === 'open';
  const offs = [
    api.on('project.changed', (snapshot) => {
      const current = store.getState().snapshot;
      // A late event from a project the user has just closed or switched away from is stale.
      if (current && current.project.id === snapshot.project.id) store.getState().setSnapshot(snapshot);
    }),
    api.on('job.progress', (p) => store.getState().applyJobProgress(p)),
    api.on('export.progress', (p) => store.getState().applyExportProgress(p)),
    api.onStatus((status) => {
      store.getState().setConnection(status);
      if (status === 'open' && wasOpen) void runAction(ctx, actions['app.load'], undefined);
      if (status === 'open') wasOpen = true;
    }),
  ];
  if (api.onMenu) offs.push(api.onMenu((id) => runMenuAction(ctx, id)));
  store.getState().setConnection(api.status);
  return () => offs.forEach((off) => off());
}
