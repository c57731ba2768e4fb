import { describe, expect, it } from 'vitest';
import { systemCjkFonts } from '../../../electron/services/generation/fonts.js';
import { envProviderSettings } from '../../../electron/services/generation/ports.js';
import { reason } from '../../../electron/services/generation/providers/animatic.js';
import { pickSimplifiedChineseFace } from '../../../electron/services/generation/ttc.js';
import { AppError } from '../../../shared/errors.js';

describe('pickSimplifiedChineseFace', () => {
  it('picks the SC face of a pan-CJK collection, never a mono one', () => {
    expect(
      pickSimplifiedChineseFace(['Noto Sans CJK JP', 'Noto Sans CJK KR', 'Noto Sans CJK SC', 'Noto Sans CJK TC']),
    ).toBe(2);
    expect(pickSimplifiedChineseFace(['Noto Sans Mono CJK SC', 'Noto Sans CJK SC'])).toBe(1);
    expect(pickSimplifiedChineseFace(['PingFang HK', 'PingFang SC', 'PingFang TC'])).toBe(1);
    expect(pickSimplifiedChineseFace(['Hiragino Sans GB W3', 'Hiragino Sans GB W6'])).toBe(0);
  });
  it('falls back to the first face when none is Simplified Chinese', () => {
    expect(pickSimplifiedChineseFace(['Microsoft YaHei', 'Microsoft YaHei UI'])).toBe(0);
    expect(pickSimplifiedChineseFace([])).toBe(0);
  });
});

describe('systemCjkFonts', () => {
  it('lists the usual CJK fonts of each OS, best first', () => {
    expect(systemCjkFonts('linux', {})[0]).toBe('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
    expect(systemCjkFonts('darwin', {})[0]).toBe('/System/Library/Fonts/PingFang.ttc');
    expect(systemCjkFonts('win32', { WINDIR: '/win' })[0]).toMatch(/win[\\/]Fonts[\\/]msyh\.ttc$/);
  });
});

describe('envProviderSettings', () => {
  it('reads STORYBOARD_<PROVIDER>_BASE_URL and _API_KEY', () => {
    const get = envProviderSettings({
      STORYBOARD_VEO_BASE_URL: 'http://127.0.0.1:9',
      STORYBOARD_VEO_API_KEY: 'k',
      STORYBOARD_FAL_AI_API_KEY: 'f',
    });
    expect(get('veo')).toEqual({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' });
    expect(get('fal-ai')).toEqual({ apiKey: 'f' });
    expect(get('animatic')).toEqual({});
  });
});

describe('animatic failure reason', () => {
  it('keeps the first line and the line that says what was wrong', () => {
    const err = new AppError(
      'FFMPEG_FAILED',
      'ffmpeg (animatic shot 2) exited with code 1.\nInput #0, image2\n[png @ 0x1] Invalid PNG signature 0x74.\nConversion failed!',
    );
    expect(reason(err)).toBe('ffmpeg (animatic shot 2) exited with code 1. Invalid PNG signature 0x74.');
    expect(reason(new Error('plain'))).toBe('plain');
  });
});
