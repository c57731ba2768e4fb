/** Feeds contract events into the store; after a reconnect, fetches the state again. */
import { actions, runAction, runMenuAction, type ActionContext } from '../actions';
import { applyDeliveryProgress } from './deliveryRun';

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
    api.on('delivery.progress', applyDeliveryProgress),
    api.onStatus((status) => {
      store.getState().setConnection(status);
      if (status === 'open' && wasOpen) void runAction(ctx, actions['app.load'], undefined);
      if (status === 'open') wasOpen = true;
    }),
  ];
  // Native menu items (electron/main/menu.ts) go through the same action registry as keys.
  if (api.onMenu) offs.push(api.onMenu((id) => void runMenuAction(ctx, id)));
  store.getState().setConnection(api.status);
  return () => offs.forEach((off) => off());
}
