/** The client over the Electron preload bridge (see bridge.ts for what the preload provides). */
import type { EventName, EventPayload, MethodName, MethodOutput } from '../../../shared/api/contract';
import { errorFromSerialized } from '../../../shared/api/dispatch';
import { AppError } from '../../../shared/errors';
import { electronMediaUrl, MENU_ACTION_EVENT, type StoryboardBridge } from './bridge';
import type { ApiClient } from './client';

export function createElectronClient(bridge: StoryboardBridge): ApiClient {
  return {
    kind: 'electron',
    status: 'open',
    async call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
      const r = await bridge.call(method, input);
      if (!r.ok) throw errorFromSerialized(r.error);
      return r.value as MethodOutput<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>));
    },
    mediaUrl: electronMediaUrl,
    onMenu: (listener) =>
      bridge.on(MENU_ACTION_EVENT, (payload) => {
        const id = (payload as { id?: unknown } | null)?.id;
        if (typeof id === 'string') listener(id);
      }),
    async importFile(file) {
      // Empty for files that exist only in memory (e.g. dragged from another app's canvas).
      const path = bridge.getPathForFile(file);
      if (!path)
        throw new AppError('MEDIA_MISSING', `${file.name} has no location on disk; save it to a folder first.`);
      return path;
    },
    onStatus: () => () => undefined,
  };
}
