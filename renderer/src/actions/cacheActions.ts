/**
 * The segment cache of fast re-export (app-wide, not in the project): its size and "Clear
 * cache". Clearing is refused by the services while an export uses the cache (segmentCache.ts).
 * `onDone` hands the new usage to the Settings section that shows it.
 */
import type { MethodOutput } from '../../../shared/api/contract';
import { isExporting } from '../store/selectors';
import type { ActionMap } from './registry';

export type CacheUsage = MethodOutput<'delivery.cacheUsage'>;
export interface CachePayload {
  onDone?: (usage: CacheUsage) => void;
}

export const cacheActions: Pick<ActionMap, 'cache.usage' | 'cache.clear'> = {
  'cache.usage': {
    id: 'cache.usage',
    labelKey: 'delivery.cache.refresh',
    place: 'settings',
    tracks: 'none',
    async perform({ api }, p) {
      // Called first: `onDone?.(await …)` would skip the call when there is no onDone.
      const usage = await api.call('delivery.cacheUsage', {});
      p.onDone?.(usage);
    },
  },
  'cache.clear': {
    id: 'cache.clear',
    labelKey: 'delivery.cache.clear',
    place: 'settings',
    tracks: 'none',
    predicate: (s) => !isExporting(s),
    async perform({ api }, p) {
      const usage = await api.call('delivery.clearCache', {});
      p.onDone?.(usage);
    },
  },
};
