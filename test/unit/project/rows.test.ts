import { describe, expect, it } from 'vitest';
import type { Shot } from '../../../shared/model/entities.js';
import { jobFromRow } from '../../../electron/services/project/recordRows.js';
import {
  SHOT_PATCH_COLUMNS,
  shotFromRow,
  shotToRow,
  takeFromRow,
  takeToRow,
} from '../../../electron/services/project/shotRows.js';

const shot: Shot = {
  id: 's1',
  sceneId: null,
  position: 3,
  title: 'T «镜头»',
  prompt: 'p "q" 100%',
  negativePrompt: 'blur',
  firstFrameAssetId: 'a'.repeat(64),
  lastFrameAssetId: null,
  camera: 'pan_left',
  shotSize: 'wide',
  durationFrames: 48,
  provider: 'kling',
  model: 'v2',
  elementIds: ['e1', 'e2'],
  dialogue: 'hi',
  seed: -5,
  selectedTakeId: 't1',
  trimInFrames: 2,
  trimOutFrames: 40,
  transitionIn: { kind: 'crossfade', frames: 6 },
  notes: 'n',
};

describe('row mapping', () => {
  it('round-trips a shot', () => {
    expect(shotFromRow(shotToRow(shot), shot.elementIds)).toEqual(shot);
  });

  it('maps every editable field to a real shot column', () => {
    const cols = Object.keys(shotToRow(shot));
    for (const col of Object.values(SHOT_PATCH_COLUMNS)) expect(cols).toContain(col);
  });

  it('round-trips a take with its request JSON', () => {
    const take = {
      id: 't',
      shotId: 's',
      assetId: 'a',
      jobId: null,
      provider: 'x',
      model: null,
      request: { prompt: '镜头', n: [1, 2] },
      seed: null,
      cost: 1.5,
      rating: 4,
      createdAt: 'now',
    };
    expect(takeFromRow(takeToRow(take))).toEqual(take);
    // A take made for one delivery aspect keeps it; others read without one (column NULL).
    expect(takeFromRow(takeToRow({ ...take, aspect: '9:16' }))).toEqual({ ...take, aspect: '9:16' });
    expect(takeFromRow({ ...takeToRow(take), aspect: null })).toEqual(take);
  });

  it('reports a row the model does not allow as damage, naming it', () => {
    expect(() => shotFromRow({ ...shotToRow(shot), camera: 'barrel_roll' }, [])).toThrow(
      expect.objectContaining({ code: 'PROJECT_DAMAGED', message: expect.stringContaining('shot "s1" (camera') }),
    );
    expect(() => shotFromRow({ ...shotToRow(shot), duration_frames: 0 }, [])).toThrow(
      expect.objectContaining({ code: 'PROJECT_DAMAGED' }),
    );
  });

  it('reports unreadable JSON as damage', () => {
    const row = {
      id: 'j',
      shot_id: 's',
      provider: 'x',
      model: null,
      state: 'queued',
      request: '{oops',
      task_id: null,
      progress: 0,
      error: null,
      cost_estimate: null,
      cost_actual: null,
      result_asset_id: null,
      take_id: null,
      created_at: 'a',
      updated_at: 'b',
    };
    expect(() => jobFromRow(row)).toThrow(
      expect.objectContaining({ code: 'PROJECT_DAMAGED', message: expect.stringContaining('job "j"') }),
    );
  });
});
