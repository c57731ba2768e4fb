/** Contract handlers of C2PA signing (shared/api/c2pa.ts): Settings → C2PA signing. */
import { C2paSigningSettings } from '../settings/c2paSigning.js';
import { envSecretStore, type SecretStore } from '../settings/secrets.js';
import type { NamespaceHandlers } from './session.js';

export function c2paHandlers(host: { secrets?: SecretStore } = {}): NamespaceHandlers<'c2pa'> {
  const signing = new C2paSigningSettings(host.secrets ?? envSecretStore());
  return {
    'c2pa.signing': async () => signing.view(),
    'c2pa.setSigning': async ({ paths }) => signing.update(paths),
  };
}
