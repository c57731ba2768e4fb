/**
 * Waveform peaks (media.waveform), fetched once per asset and bucket count and kept in a small
 * store shared by every item that plays the file. While a finer set loads, the item shows the
 * best set it already has for that asset.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { fetchWaveform } from './audioApi';

/** Peaks of the whole file (0..1), one per bucket. */
export type Peaks = readonly number[];

const loaded = new Map<string, Peaks>();
const pending = new Map<string, Promise<Peaks | null>>();
/** The largest set loaded per asset: the fallback while another bucket count loads. */
const bestByAsset = new Map<string, Peaks>();
const MAX_ENTRIES = 64;
const RETRY_MS = 15_000;

function remember(key: string, assetId: string, peaks: Peaks): void {
  loaded.set(key, peaks);
  if (loaded.size > MAX_ENTRIES) loaded.delete(loaded.keys().next().value as string);
  const best = bestByAsset.get(assetId);
  if (!best || best.length < peaks.length) bestByAsset.set(assetId, peaks);
}

export function loadPeaks(api: ApiClient, assetId: string, buckets: number): Promise<Peaks | null> {
  const key = `${assetId}:${buckets}`;
  const have = loaded.get(key);
  if (have) return Promise.resolve(have);
  let p = pending.get(key);
  if (!p) {
    p = fetchWaveform(api, assetId, buckets)
      .then((w) => {
        if (!Array.isArray(w.peaks)) return null;
        remember(key, assetId, w.peaks);
        return w.peaks as Peaks;
      })
      .catch(() => {
        // No waveform is not worth a banner (the item still shows its name); ask again later.
        setTimeout(() => pending.delete(key), RETRY_MS);
        return null;
      })
      .finally(() => {
        if (loaded.has(key)) pending.delete(key);
      });
    pending.set(key, p);
  }
  return p;
}

export function usePeaks(api: ApiClient, assetId: string, buckets: number): Peaks | null {
  const key = `${assetId}:${buckets}`;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (loaded.has(key)) return;
    let live = true;
    void loadPeaks(api, assetId, buckets).then((peaks) => {
      if (live && peaks) setTick((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [api, assetId, buckets, key]);
  return loaded.get(key) ?? bestByAsset.get(assetId) ?? null;
}
