/**
 * Settings → C2PA signing: save the certificate chain and key paths (checked by the services:
 * a chain/key that cannot sign is refused with its own translated message, shown in Settings)
 * or remove them (deliverables are then unsigned). `onSaved` hands the new view to the section.
 */
import type { C2paSigningView } from '../../../shared/api/c2pa';
import type { ActionMap } from './registry';

export interface C2paSigningPayload {
  /** null: remove the credentials. */
  paths: { certChainPath: string; privateKeyPath: string } | null;
  onSaved(view: C2paSigningView): void;
}

export const c2paActions: Pick<ActionMap, 'c2pa.saveSigning'> = {
  'c2pa.saveSigning': {
    id: 'c2pa.saveSigning',
    labelKey: 'c2pa.settings.save',
    place: 'settings',
    tracks: 'none',
    predicate: (_s, p) =>
      p.paths === null || (p.paths.certChainPath.trim() !== '' && p.paths.privateKeyPath.trim() !== ''),
    async perform({ api }, p) {
      p.onSaved(await api.call('c2pa.setSigning', { paths: p.paths }));
    },
  },
};
