/**
 * The job error vocabulary (shared/generation/jobErrors.ts): a thrown error maps to the right
 * code and parameters (the translations are checked in test/unit/renderer/i18n/serviceText.test.tsx).
 */
import { describe, expect, it } from 'vitest';
import { AppError, keyedError } from '../../../shared/errors';
import { jobErrorOf } from '../../../shared/generation/jobErrors';

describe('job error codes', () => {
  it('maps a thrown error to its code by failure kind, key and origin', () => {
    const fail = (details: Record<string, unknown>, message = 'why') =>
      new AppError('PROVIDER_FAILED', message, details);
    expect(jobErrorOf(fail({}, 'quota'), 'Kling')).toEqual({
      code: 'providerFailed',
      params: { provider: 'Kling', detail: 'quota' },
    });
    expect(jobErrorOf(fail({ failureKind: 'moderation' }, 'flagged'), 'Kling').code).toBe('moderation');
    expect(jobErrorOf(fail({ failureKind: 'expired' }), 'Kling')).toEqual({
      code: 'expired',
      params: { provider: 'Kling' },
    });
    expect(jobErrorOf(fail({ failureKind: 'lost' }), 'Kling').code).toBe('taskLost');
    expect(jobErrorOf(fail({ notSent: true, code: 'ECONNREFUSED' }), 'ComfyUI')).toEqual({
      code: 'notSent',
      params: { provider: 'ComfyUI', code: 'ECONNREFUSED' },
    });
    const keyed = keyedError('MEDIA_EMPTY', 'svc.media.empty', { name: 'a.png' }, '“a.png” is empty (0 bytes).');
    expect(jobErrorOf(keyed, 'Kling')).toEqual({
      code: 'service',
      params: { name: 'a.png', messageKey: 'svc.media.empty' },
    });
    expect(jobErrorOf(new AppError('INVALID_INPUT', 'bad seed'), 'Kling')).toEqual({
      code: 'invalidRequest',
      params: { detail: 'bad seed' },
    });
    expect(jobErrorOf(new Error('ffmpeg exited with code 1'), 'Animatic')).toEqual({
      code: 'local',
      params: { detail: 'ffmpeg exited with code 1' },
    });
  });
});
