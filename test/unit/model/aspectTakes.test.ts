/** Takes made for one delivery aspect (shared/model/aspectTakes.ts) and the request that makes them. */
import { describe, expect, it } from 'vitest';
import { buildGenerationRequest } from '../../../shared/generation/request.js';
import {
  aspectTakeKey,
  nearestAspect,
  sizeAtAspect,
  snapshotForAspect,
  takeForAspect,
} from '../../../shared/model/aspectTakes.js';
import type { ProjectSnapshot, Take } from '../../../shared/model/entities.js';
import { newShot, newTake } from '../../../shared/model/factories.js';

const take = (id: string, shotId: string, createdAt: string, extra: Partial<Take> = {}): Take =>
  newTake({ id, shotId, assetId: id.padEnd(64, '0'), createdAt, ...extra });

describe('aspect takes', () => {
  it('sizes another aspect at the project short side, even', () => {
    expect(sizeAtAspect({ width: 1280, height: 720 }, '9:16')).toEqual({ width: 720, height: 1280 });
    expect(sizeAtAspect({ width: 1280, height: 720 }, '4:5')).toEqual({ width: 720, height: 900 });
    expect(sizeAtAspect({ width: 1280, height: 720 }, '1:1')).toEqual({ width: 720, height: 720 });
    expect(sizeAtAspect({ width: 1080, height: 1920 }, '21:9')).toEqual({ width: 2520, height: 1080 });
    expect(nearestAspect('4:5', ['16:9', '9:16', '1:1'])).toBe('1:1');
    expect(nearestAspect('4:5', [])).toBeNull();
  });

  it("picks the aspect's own take, else the nearest of the chosen take and the aspect takes", () => {
    const shot = { id: 's', selectedTakeId: 'main' };
    const takes = [
      take('main', 's', '2026-01-01T00:00:01Z'),
      take('old916', 's', '2026-01-01T00:00:02Z', { aspect: '9:16' }),
      take('new916', 's', '2026-01-01T00:00:03Z', { aspect: '9:16' }),
      take('other', 'x', '2026-01-01T00:00:04Z', { aspect: '1:1' }),
      take('still', 's', '2026-01-01T00:00:05Z', { aspect: '1:1', kind: 'image' }),
    ];
    expect(takeForAspect(shot, takes, '16:9', '16:9')?.id).toBe('main');
    // The newest take made for 9:16.
    expect(takeForAspect(shot, takes, '16:9', '9:16')?.id).toBe('new916');
    // 4:5 is nearer 9:16 than 16:9: reframed from the 9:16 take.
    expect(takeForAspect(shot, takes, '16:9', '4:5')?.id).toBe('new916');
    // 1:1 is as far from both (another shot's take and a still do not count): the chosen take.
    expect(takeForAspect(shot, takes, '16:9', '1:1')?.id).toBe('main');
    expect(takeForAspect(shot, takes, '16:9', '21:9')?.id).toBe('main');
    expect(takeForAspect({ id: 's', selectedTakeId: null }, takes, '16:9', '9:16')).toBeNull();
  });

  it("swaps each shot's chosen take for its take at the aspect, and keys exports that cut alike", () => {
    const shots = [newShot({ id: 'a', selectedTakeId: 'a1' }), newShot({ id: 'b', selectedTakeId: 'b1', position: 1 })];
    const doc = {
      project: { aspect: '16:9' },
      shots,
      takes: [take('a1', 'a', '1'), take('a916', 'a', '2', { aspect: '9:16' }), take('b1', 'b', '1')],
    } as unknown as ProjectSnapshot;
    const at916 = snapshotForAspect(doc, '9:16');
    expect(at916.shots.map((s) => s.selectedTakeId)).toEqual(['a916', 'b1']);
    expect(snapshotForAspect(doc, '16:9')).toBe(doc);
    expect(doc.shots[0]?.selectedTakeId).toBe('a1');
    expect(aspectTakeKey(doc, '16:9')).toBe('');
    expect(aspectTakeKey(doc, '21:9')).toBe('');
    expect(aspectTakeKey(doc, '9:16')).toBe('a916,b1');
    expect(aspectTakeKey(doc, '4:5')).toBe(aspectTakeKey(doc, '9:16'));
  });

  it('asks the provider for the aspect size and records the aspect in the request', () => {
    const args = {
      project: {
        width: 1280,
        height: 720,
        aspect: '16:9' as const,
        fps: { num: 24, den: 1 },
        stylePrompt: '',
        defaultModel: null,
      },
      shot: newShot({ id: 's', prompt: 'p' }),
      shotNumber: 1,
      frame: (assetId: string) => ({ assetId, path: `/m/${assetId}` }),
    };
    const plain = buildGenerationRequest(args);
    expect([plain.width, plain.height, plain.aspect]).toEqual([1280, 720, undefined]);
    const square = buildGenerationRequest({ ...args, aspect: '1:1' });
    expect([square.width, square.height, square.aspect]).toEqual([720, 720, '1:1']);
    // The project's own aspect is no special request.
    expect(buildGenerationRequest({ ...args, aspect: '16:9' })).toEqual(plain);
  });
});
