/**
 * A take's card picture through media.thumbnail (a cached JPEG made by the services): one
 * small image per card instead of a video element, so a grid of hundreds of shots stays light.
 * Answers: null while loading, '' when the services could not make one (the card falls back).
 */
import { useEffect, useState } from 'react';
import { useAppContext } from '../app/context';

const cache = new Map<string, Promise<string>>();

export function useThumbnail(dir: string, assetId: string | null): string | null {
  const { api } = useAppContext();
  const key = assetId ? `${dir}\u0000${assetId}` : '';
  const [result, setResult] = useState<{ key: string; url: string } | null>(null);
  useEffect(() => {
    if (!assetId) return;
    let live = true;
    let pending = cache.get(key);
    if (!pending) {
      pending = api.call('media.thumbnail', { assetId }).then((r) => api.mediaUrl(r.path));
      cache.set(key, pending);
      // A failure is not remembered: the next mount (e.g. after a reconnect) asks again.
      pending.catch(() => cache.delete(key));
    }
    pending.then(
      (url) => live && setResult({ key, url }),
      () => live && setResult({ key, url: '' }),
    );
    return () => {
      live = false;
    };
  }, [api, assetId, key]);
  return result && result.key === key ? result.url : null;
}
