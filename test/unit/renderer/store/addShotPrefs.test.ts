/**
 * The add-shot controls remember the camera move and the provider (across shots and sessions),
 * and never carry a prompt shot's duration onto an imported clip: the clip's own length wins.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  ADD_SHOT_KEY,
  addShotPayload,
  createAddShotPrefs,
  parseAddShotPrefs,
  type ShotSource,
} from '../../../../renderer/src/store/addShotPrefs';
import { parseDuration } from '../../../../renderer/src/panels/AddShotForm';

const clip = { name: 'take.mp4' } as File;
const durations = (over: Partial<Record<ShotSource, string>>) => ({ text: '', image: '', clip: '', ...over });

describe('add-shot payload', () => {
  it('a duration typed for a prompt shot is not sent with a clip', () => {
    const prefs = { camera: 'push_in' as const, provider: 'veo' };
    const forText = addShotPayload(
      { source: 'text', prompt: 'a lake', durations: durations({ text: '6' }), file: null },
      prefs,
      parseDuration,
    );
    expect(forText).toMatchObject({ durationSec: 6, camera: 'push_in', provider: 'veo', clip: null });
    const forClip = addShotPayload(
      { source: 'clip', prompt: '', durations: durations({ text: '6' }), file: clip },
      prefs,
      parseDuration,
    );
    // The clip's own length wins; a clip takes no camera move and no generation provider.
    expect(forClip).toMatchObject({ durationSec: null, camera: 'static', provider: null, clip });
  });

  it('a duration typed for the clip itself is sent', () => {
    const p = addShotPayload(
      { source: 'clip', prompt: '', durations: durations({ clip: '2.5' }), file: clip },
      { camera: 'static', provider: null },
      parseDuration,
    );
    expect(p.durationSec).toBe(2.5);
  });
});

describe('add-shot preferences', () => {
  it('are remembered in storage and read back in the next session', () => {
    const saved = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => saved.set(k, v),
    });
    try {
      const first = createAddShotPrefs();
      first.getState().setCamera('pan_left');
      first.getState().setProvider('kling');
      expect(JSON.parse(saved.get(ADD_SHOT_KEY) ?? '{}')).toEqual({ camera: 'pan_left', provider: 'kling' });
      const next = createAddShotPrefs();
      expect(next.getState()).toMatchObject({ camera: 'pan_left', provider: 'kling' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('fall back to the defaults for anything malformed', () => {
    expect(parseAddShotPrefs(null)).toEqual({ camera: 'static', provider: null });
    expect(parseAddShotPrefs('{"camera":"spin","provider":42}')).toEqual({ camera: 'static', provider: null });
    expect(parseAddShotPrefs('not json')).toEqual({ camera: 'static', provider: null });
  });
});
