/**
 * What the add-shot controls remember between shots and sessions (UI state, never history,
 * localStorage key ADD_SHOT_KEY): the camera move and the provider. Never the duration: a
 * prompt shot's length must not carry over to an imported clip, whose own length wins.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { CAMERA_MOVES, type CameraMove } from '../../../shared/model/entities';
import type { AddShotPayload } from '../actions/payloads';
import { storage } from './layout';

export const ADD_SHOT_KEY = 'storyboard.addShot';

export interface AddShotPrefs {
  camera: CameraMove;
  /** null: the project's default provider. */
  provider: string | null;
}

export interface AddShotPrefsState extends AddShotPrefs {
  setCamera(camera: CameraMove): void;
  setProvider(provider: string | null): void;
}

export const DEFAULT_ADD_SHOT: AddShotPrefs = { camera: 'static', provider: null };

export function parseAddShotPrefs(raw: string | null): AddShotPrefs {
  try {
    const v = JSON.parse(raw ?? '{}') as Partial<Record<keyof AddShotPrefs, unknown>>;
    return {
      camera: CAMERA_MOVES.includes(v.camera as CameraMove) ? (v.camera as CameraMove) : 'static',
      provider: typeof v.provider === 'string' && v.provider !== '' ? v.provider : null,
    };
  } catch {
    return DEFAULT_ADD_SHOT;
  }
}

export function createAddShotPrefs(
  initial: AddShotPrefs = parseAddShotPrefs(storage()?.getItem(ADD_SHOT_KEY) ?? null),
): StoreApi<AddShotPrefsState> {
  const store = createStore<AddShotPrefsState>()((set) => ({
    ...initial,
    setCamera: (camera) => set({ camera }),
    setProvider: (provider) => set({ provider }),
  }));
  store.subscribe(({ camera, provider }) => {
    try {
      storage()?.setItem(ADD_SHOT_KEY, JSON.stringify({ camera, provider }));
    } catch {
      // Storage full or disabled: remembered for this session only.
    }
  });
  return store;
}

export const addShotPrefs = createAddShotPrefs();

export type ShotSource = 'text' | 'image' | 'clip';

/**
 * The shot.add payload for what the form holds. Each source keeps its own duration text, so a
 * length typed for a prompt shot never reaches a clip; a clip takes no camera move.
 */
export function addShotPayload(
  form: { source: ShotSource; prompt: string; durations: Record<ShotSource, string>; file: File | null },
  prefs: AddShotPrefs,
  parse: (text: string) => number | null | 'invalid',
): AddShotPayload {
  const seconds = parse(form.durations[form.source]);
  return {
    prompt: form.prompt,
    durationSec: seconds === 'invalid' ? null : seconds,
    camera: form.source === 'clip' ? 'static' : prefs.camera,
    provider: form.source === 'clip' ? null : prefs.provider,
    firstFrame: form.source === 'image' ? form.file : null,
    clip: form.source === 'clip' ? form.file : null,
  };
}
