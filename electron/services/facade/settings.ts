/** Contract handlers of the `settings.*` namespace: app settings (not part of any project). */
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers } from './session.js';

export function settingsHandlers({ settings }: FacadeServices): NamespaceHandlers<'settings'> {
  return {
    'settings.get': async () => settings.view(),
    'settings.update': async (patch) => settings.update(patch),
  };
}
