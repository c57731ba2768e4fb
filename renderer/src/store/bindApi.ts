/** Feeds contract events into the store; after a reconnect, fetches the state again. */
import { actions, runAction, runMenuAction, type ActionContext } from '../actions';
import i18next from 'i18next';
import type { Action } from '../actions/registry';
import { menuDescription } from '../actions/menuDescription';
import { applyDeliveryProgress } from './deliveryRun';

/** Every action the menu may hold: menuDescription picks the global ones and the leads. */
function globalAndLeads(): Action[] {
  return Object.values(actions) as Action[];
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
    api.on('delivery.progress', applyDeliveryProgress),
    api.onStatus((status) => {
      store.getState().setConnection(status);
      if (status === 'open' && wasOpen) void runAction(ctx, actions['app.load'], undefined);
      if (status === 'open') wasOpen = true;
    }),
  ];
  // Native menu items (electron/main/menu.ts) go through the same action registry as keys.
  if (api.onMenu) offs.push(api.onMenu((id) => void runMenuAction(ctx, id)));
  // The native menu is described here, from the registry in the UI language: now and on every
  // language change (Electron only; the browser has no native menu).
  if (api.kind === 'electron') {
    const describe = (): void => {
      void api
        .call(
          'menu.set',
          menuDescription(globalAndLeads(), (k) => i18next.t(k)),
        )
        .catch(() => undefined);
    };
    describe();
    i18next.on('languageChanged', describe);
    offs.push(() => i18next.off('languageChanged', describe));
  }
  store.getState().setConnection(api.status);
  return () => offs.forEach((off) => off());
}
