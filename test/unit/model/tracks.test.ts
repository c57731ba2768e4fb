import { describe, expect, it } from 'vitest';
import {
  TrackStatesSchema,
  trackLocked,
  trackState,
  tracksSound,
  withTrackSwitch,
} from '../../../shared/model/tracks.js';

describe('track switches', () => {
  it('sets one switch and keeps only tracks with a switch on', () => {
    const a = withTrackSwitch(undefined, 'music', 'muted', true);
    expect(a).toEqual({ music: { muted: true } });
    const b = withTrackSwitch(a, 'music', 'locked', true);
    expect(b).toEqual({ music: { muted: true, locked: true } });
    expect(withTrackSwitch(withTrackSwitch(b, 'music', 'muted', false), 'music', 'locked', false)).toEqual({});
    expect(TrackStatesSchema.parse(b)).toEqual(b);
    expect(trackState(b, 'sfx')).toEqual({ muted: false, solo: false, locked: false });
    expect(trackLocked(b, 'music')).toBe(true);
  });

  it('mute silences, solo silences every other track, solo and mute together is silent', () => {
    expect(tracksSound({}, ['music'])).toBe(true);
    expect(tracksSound({ music: { muted: true } }, ['music'])).toBe(false);
    expect(tracksSound({ sfx: { solo: true } }, ['music'])).toBe(false);
    expect(tracksSound({ sfx: { solo: true } }, ['sfx'])).toBe(true);
    expect(tracksSound({ sfx: { solo: true, muted: true } }, ['sfx'])).toBe(false);
    // Something on two tracks: either mute silences, either solo keeps.
    expect(tracksSound({ dialogue: { solo: true } }, ['voiceover', 'dialogue'])).toBe(true);
    expect(tracksSound({ dialogue: { muted: true } }, ['voiceover', 'dialogue'])).toBe(false);
  });

  it('refuses unknown tracks and switches in stored states', () => {
    expect(TrackStatesSchema.safeParse({ video: { muted: true } }).success).toBe(false);
    expect(TrackStatesSchema.safeParse({ music: { loud: true } }).success).toBe(false);
  });
});
