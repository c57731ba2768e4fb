/** Picks the binding: the Electron preload bridge when present, else the browser host. */
import { AppError } from '../../../shared/errors';
import type { ApiClient } from './client';
import { createElectronClient } from './electronClient';
import { createWsClient } from './wsClient';

export type { ApiClient, ConnectionStatus } from './client';
export { projectFile } from './client';

export function createApi(win: Window): ApiClient {
  if (win.storyboard) return createElectronClient(win.storyboard);
  const token = new URLSearchParams(win.location.search).get('token');
  if (!token) throw new AppError('FORBIDDEN', 'Open the URL printed by storyboard serve: it carries the access token.');
  return createWsClient({ origin: win.location.origin, token });
}
