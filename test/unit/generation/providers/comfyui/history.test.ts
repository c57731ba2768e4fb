import { describe, expect, it } from 'vitest';
import {
  findVideoOutput,
  historyFailure,
  pollFromHistory,
  queueIds,
  queuePosition,
} from '../../../../../electron/services/generation/providers/comfyui/history.js';
import { describeComfyError } from '../../../../../electron/services/generation/providers/comfyui/http.js';
import { parseRetryAfter } from '../../../../../electron/services/generation/providers/http.js';

const success = (outputs: Record<string, Record<string, unknown>>) => ({
  outputs,
  status: { status_str: 'success', completed: true, messages: [] },
});

describe('findVideoOutput', () => {
  it('reads core SaveVideo output (images + animated)', () => {
    const e = success({
      '12': { images: [{ filename: 'ltxv_00001_.mp4', subfolder: 'storyboard', type: 'output' }], animated: [true] },
    });
    expect(findVideoOutput(e)).toEqual({ filename: 'ltxv_00001_.mp4', subfolder: 'storyboard', type: 'output' });
  });

  it('reads VideoHelperSuite output (gifs)', () => {
    const e = success({
      '40': {
        gifs: [
          { filename: 'AnimateDiff_00003.mp4', subfolder: '', type: 'output', format: 'video/h264-mp4', frame_rate: 8 },
        ],
      },
    });
    expect(findVideoOutput(e)).toEqual({ filename: 'AnimateDiff_00003.mp4', subfolder: '', type: 'output' });
  });

  it('ignores still images, prefers a saved output over a temp preview', () => {
    const stills = success({ '9': { images: [{ filename: 'frame_00001_.png', subfolder: '', type: 'output' }] } });
    expect(findVideoOutput(stills)).toBeNull();
    const both = success({
      '1': { gifs: [{ filename: 'preview_00001.mp4', subfolder: '', type: 'temp' }] },
      '2': { images: [{ filename: 'final_00001_.mp4', subfolder: 'v', type: 'output' }], animated: [true] },
    });
    expect(findVideoOutput(both)?.filename).toBe('final_00001_.mp4');
  });
});

describe('pollFromHistory', () => {
  it('success with a video -> succeeded; success without one -> failed with why', () => {
    expect(
      pollFromHistory(
        success({ '12': { images: [{ filename: 'a.mp4', subfolder: '', type: 'output' }], animated: [true] } }),
      ).state,
    ).toBe('succeeded');
    const none = pollFromHistory(success({ '9': { images: [{ filename: 'a.png', subfolder: '', type: 'output' }] } }));
    expect(none).toMatchObject({ state: 'failed', error: expect.stringMatching(/saved no video/) });
  });

  it('execution_error -> failed with the exception message, node and type', () => {
    const e = {
      outputs: {},
      status: {
        status_str: 'error',
        completed: false,
        messages: [
          ['execution_start', { prompt_id: 'p' }],
          [
            'execution_error',
            {
              prompt_id: 'p',
              node_id: '9',
              node_type: 'SamplerCustom',
              exception_message: 'CUDA out of memory. Tried to allocate 2.00 GiB',
              exception_type: 'torch.OutOfMemoryError',
            },
          ],
        ] as [string, Record<string, unknown>][],
      },
    };
    expect(pollFromHistory(e)).toEqual({
      state: 'failed',
      error:
        'ComfyUI failed in SamplerCustom node 9: CUDA out of memory. Tried to allocate 2.00 GiB (torch.OutOfMemoryError)',
    });
  });

  it('interrupted -> failed saying so; no status yet -> running', () => {
    const e = {
      outputs: {},
      status: {
        status_str: 'error',
        completed: false,
        messages: [['execution_interrupted', { prompt_id: 'p' }]] as [string, Record<string, unknown>][],
      },
    };
    expect(historyFailure(e)).toMatch(/interrupted/);
    expect(pollFromHistory({ outputs: {} }).state).toBe('running');
  });
});

describe('queue reading', () => {
  const q = {
    queue_running: [[3, 'run-1', {}, {}, ['12']]],
    queue_pending: [
      [4, 'pend-1', {}, {}, ['12']],
      [5, 'pend-2', {}, {}, ['12']],
    ],
  };
  it('finds a prompt as running, pending or absent', () => {
    expect(queuePosition(q, 'run-1')).toBe('running');
    expect(queuePosition(q, 'pend-2')).toBe('pending');
    expect(queuePosition(q, 'other')).toBeNull();
    expect(queuePosition({}, 'run-1')).toBeNull();
    expect(queueIds(q)).toEqual(['run-1', 'pend-1', 'pend-2']);
  });
});

describe('http error mapping helpers', () => {
  it('Retry-After: delta seconds, an HTTP date, or nothing', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('a 400 body becomes one sentence with each node error', () => {
    const body = {
      error: {
        type: 'prompt_outputs_failed_validation',
        message: 'Prompt outputs failed validation',
        details: '',
        extra_info: {},
      },
      node_errors: {
        '1': {
          class_type: 'CheckpointLoaderSimple',
          dependent_outputs: ['12'],
          errors: [
            {
              type: 'value_not_in_list',
              message: 'Value not in list',
              details: "ckpt_name: 'x.safetensors' not in []",
            },
          ],
        },
      },
    };
    expect(describeComfyError(body)).toBe(
      "Prompt outputs failed validation; CheckpointLoaderSimple (node 1): Value not in list: ckpt_name: 'x.safetensors' not in []",
    );
    expect(
      describeComfyError({
        error: { type: 'no_prompt', message: 'No prompt provided', details: 'No prompt provided' },
      }),
    ).toBe('No prompt provided; No prompt provided');
  });
});
