/** The one table of where keys come from in the environment, and Kling's adapter agreeing with it. */
import { describe, expect, it } from 'vitest';
import { klingKeys } from '../../../electron/services/generation/providers/kling/jwt.js';
import { envKey, keyEnvHint, keyEnvNames, keyFormatHint, keyPieces } from '../../../shared/generation/keyEnv.js';
import { rejection } from '../../helpers/errors.js';

const BOTH = { STORYBOARD_KLING_ACCESS_KEY: ' ak-1 ', STORYBOARD_KLING_SECRET_KEY: 'sk-2' };

describe('envKey', () => {
  it('a single-key provider: STORYBOARD_<P>_API_KEY only (id with - or . as _)', () => {
    expect(envKey('runway', { STORYBOARD_RUNWAY_API_KEY: 'k1' })).toBe('k1');
    expect(envKey('openai-videos', { STORYBOARD_OPENAI_VIDEOS_API_KEY: ' k2 ' })).toBe('k2');
    expect(envKey('runway', { STORYBOARD_RUNWAY_ACCESS_KEY: 'a', STORYBOARD_RUNWAY_SECRET_KEY: 'b' })).toBeNull();
    expect(envKey('runway', { STORYBOARD_RUNWAY_API_KEY: '  ' })).toBeNull();
  });

  it('Kling: both variables joined as accessKey:secretKey; one alone is no key; API_KEY wins', () => {
    expect(envKey('kling', BOTH)).toBe('ak-1:sk-2');
    expect(envKey('kling', { STORYBOARD_KLING_ACCESS_KEY: 'ak' })).toBeNull();
    expect(envKey('kling', { STORYBOARD_KLING_SECRET_KEY: 'sk' })).toBeNull();
    expect(envKey('kling', { ...BOTH, STORYBOARD_KLING_API_KEY: 'x:y' })).toBe('x:y');
  });

  it('the Kling adapter reads the same: the field, else exactly what envKey gives', () => {
    expect(klingKeys({}, BOTH)).toEqual({ accessKey: 'ak-1', secretKey: 'sk-2' });
    expect(klingKeys({}, { STORYBOARD_KLING_API_KEY: 'p:q' })).toEqual({ accessKey: 'p', secretKey: 'q' });
    // What the settings service hands over (envSecretStore → ctx.settings.apiKey) parses back.
    expect(klingKeys({ apiKey: envKey('kling', BOTH) ?? '' }, {})).toEqual({ accessKey: 'ak-1', secretKey: 'sk-2' });
    const missing = rejection(() => klingKeys({}, { STORYBOARD_KLING_ACCESS_KEY: 'ak' }));
    expect(missing.message).toBe(
      'No Kling key: enter "accessKey:secretKey" in settings, or set ' +
        'STORYBOARD_KLING_API_KEY ("accessKey:secretKey"), or STORYBOARD_KLING_ACCESS_KEY and STORYBOARD_KLING_SECRET_KEY.',
    );
    expect(missing.message).not.toContain('ak');
  });
});

describe('names and pieces', () => {
  it('lists the variables as alternatives, and in words for messages', () => {
    expect(keyEnvNames('veo')).toEqual([['STORYBOARD_VEO_API_KEY']]);
    expect(keyEnvNames('kling')).toEqual([
      ['STORYBOARD_KLING_API_KEY'],
      ['STORYBOARD_KLING_ACCESS_KEY', 'STORYBOARD_KLING_SECRET_KEY'],
    ]);
    expect(keyEnvHint('veo')).toBe('STORYBOARD_VEO_API_KEY');
    expect(keyFormatHint('kling')).toBe('accessKey:secretKey');
    expect(keyFormatHint('veo')).toBeNull();
  });

  it('a two-part key is redacted by halves too; a one-part key is itself', () => {
    expect(keyPieces('kling', 'ak-1:sk:2')).toEqual(['ak-1:sk:2', 'ak-1', 'sk:2']);
    expect(keyPieces('kling', 'no-colon')).toEqual(['no-colon']);
    expect(keyPieces('runway', 'a:b')).toEqual(['a:b']);
  });
});
