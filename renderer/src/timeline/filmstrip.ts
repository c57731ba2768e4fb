/**
 * Filmstrip sprites (media.filmstrip) and first-frame pictures, loaded once per asset and
 * shared by every clip that shows them; at most two requests at a time so scrolling a long
 * film never floods the services.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { projectFile } from '../api/client';
import { fetchFilmstrip, type Filmstrip } from './api';
import { LAYOUT } from './geometry';

/** Height of the picture band of a clip; strips are asked at this height so tiles draw 1:1. */
export const FILM_H = LAYOUT.shotHeight - 22;

export interface Sprite {
  image: HTMLImageElement;
  /** Null for a single picture (a first frame): one tile, the whole image. */
  strip: Filmstrip | null;
}

const cache = new Map<string, Promise<Sprite | null>>();
/** Sprites already loaded, by key: a clip that mounts while the view pans shows its picture in its first render. */
const loaded = new Map<string, Sprite>();
/** A clip whose picture failed (the strip was still being made, the host was busy) asks again after 2, 4, 8 … 30 s. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;
const queue: (() => void)[] = [];
let running = 0;

function limited<T>(fn: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = () => {
      running++;
      fn()
        .then(resolve, reject)
        .finally(() => {
          running--;
          queue.shift()?.();
        });
    };
    if (running < 2) run();
    else queue.push(run);
  });
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new window.Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`could not load ${src}`));
    img.src = src;
  });
}

const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);

/** Key: 'strip:<assetId>' for a take's filmstrip, 'still:<assetId>' for a picture. */
function load(api: ApiClient, dir: string, key: string, assetId: string, path: string | null): Promise<Sprite | null> {
  let p = cache.get(key);
  if (!p) {
    p = limited(async () => {
      if (path !== null) return { image: await loadImage(api.mediaUrl(projectFile(dir, path))), strip: null };
      const strip = await fetchFilmstrip(api, assetId, FILM_H, 12);
      const file = isAbsolute(strip.path) ? strip.path : projectFile(dir, strip.path);
      return { image: await loadImage(api.mediaUrl(file)), strip };
    }).then(
      (sprite) => {
        loaded.set(key, sprite);
        return sprite;
      },
      () => {
        // A missing strip falls back to the title (not an error worth a banner); the clip asks
        // again later (useSprite), so a strip that failed once never stays blank for good.
        cache.delete(key);
        return null;
      },
    );
    cache.set(key, p);
  }
  return p;
}

/**
 * The picture a clip shows: its take's filmstrip, else its first frame (a still image), else
 * null (the clip shows its title only).
 */
export function useSprite(
  api: ApiClient,
  dir: string,
  takeAssetId: string | null,
  still: { id: string; path: string } | null,
): Sprite | null {
  const key = takeAssetId ? `strip:${takeAssetId}` : still ? `still:${still.id}` : null;
  const [state, setState] = useState<{ key: string; sprite: Sprite | null } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const stillPath = still?.path ?? null;
  const ready = key === null ? undefined : loaded.get(key);
  useEffect(() => {
    // Already loaded: returned below without a second render of the clip.
    if (key === null || loaded.has(key)) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    void load(api, dir, key, takeAssetId ?? '', takeAssetId ? null : stillPath).then((sprite) => {
      if (!live) return;
      setState({ key, sprite });
      if (sprite === null)
        timer = setTimeout(
          () => setAttempt((n) => n + 1),
          Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(attempt, 4)),
        );
    });
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, dir, key, takeAssetId, stillPath, attempt]);
  return ready ?? (state && state.key === key ? state.sprite : null);
}

/** Tile rectangles inside the sprite (tiles left to right, wrapping into rows). */
export function tileCrop(
  strip: Filmstrip,
  imageWidth: number,
  index: number,
): { x: number; y: number; width: number; height: number } {
  const cols = Math.max(1, Math.floor(imageWidth / strip.tileWidth));
  const i = Math.min(Math.max(0, index), strip.count - 1);
  return {
    x: (i % cols) * strip.tileWidth,
    y: Math.floor(i / cols) * strip.tileHeight,
    width: strip.tileWidth,
    height: strip.tileHeight,
  };
}
