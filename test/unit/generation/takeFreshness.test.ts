/**
 * Outdated takes (shared/generation/takeFreshness.ts): a take is judged against what its shot
 * would send now — the prompt (with template values, names and facts), the first and last
 * frames, the elements' pictures — from what the take recorded when it was made.
 */
import { describe, expect, it } from 'vitest';
import { outdatedReasons, outdatedTakes, sentPrompt } from '../../../shared/generation/takeFreshness';
import type { Element, ProjectSnapshot, Shot, Take } from '../../../shared/model/entities';
import { newElement, newShot, newTake } from '../../../shared/model/factories';

const mara: Element = newElement({
  id: 'el-mara',
  kind: 'character',
  name: 'Mara',
  tag: '@Mara',
  refAssetIds: ['pic-1'],
  description: 'a tall woman',
});

function shotWith(over: Partial<Shot> = {}): Shot {
  return newShot({ id: 's1', prompt: '@Mara walks to the pier', durationFrames: 48, ...over });
}

/** A take made from `shot` as it was: its request records what was sent. */
function takeOf(shot: Shot, elements: Element[], over: Partial<Take['request']> = {}, id = 't1'): Take {
  return newTake({
    id,
    shotId: shot.id,
    assetId: `clip-${id}`,
    provider: 'kling',
    request: {
      shotId: shot.id,
      prompt: sentPrompt(shot, elements),
      firstFrame: shot.firstFrameAssetId ? { assetId: shot.firstFrameAssetId, path: '/x.png' } : null,
      lastFrame: shot.lastFrameAssetId ? { assetId: shot.lastFrameAssetId, path: '/y.png' } : null,
      references: elements.flatMap((e) => e.refAssetIds.map((assetId) => ({ assetId, path: `/${assetId}.png` }))),
      ...over,
    },
  });
}

const ctx = (elements: Element[] = [mara], takes: Take[] = []) => ({ elements, styleRefAssetIds: [], takes });

describe('outdated takes', () => {
  it('a take made from the shot as it is now is current', () => {
    const shot = shotWith({ firstFrameAssetId: 'ff-1' });
    expect(outdatedReasons(takeOf(shot, [mara]), shot, ctx())).toEqual([]);
  });

  it('an edited prompt, a new first or last frame, new element pictures: each is a reason', () => {
    const shot = shotWith({ firstFrameAssetId: 'ff-1' });
    const take = takeOf(shot, [mara]);
    expect(outdatedReasons(take, { ...shot, prompt: '@Mara runs to the pier' }, ctx())).toEqual(['prompt']);
    expect(outdatedReasons(take, { ...shot, firstFrameAssetId: 'ff-2' }, ctx())).toEqual(['firstFrame']);
    expect(outdatedReasons(take, { ...shot, firstFrameAssetId: null }, ctx())).toEqual(['firstFrame']);
    expect(outdatedReasons(take, { ...shot, lastFrameAssetId: 'lf-1' }, ctx())).toEqual(['lastFrame']);
    const newPictures = { ...mara, refAssetIds: ['pic-2'] };
    expect(outdatedReasons(take, shot, ctx([newPictures]))).toEqual(['pictures']);
    // An element's description is part of what is sent, so changing it dates the take too.
    expect(outdatedReasons(take, shot, ctx([{ ...mara, description: 'a short man' }]))).toEqual(['prompt']);
    expect(
      outdatedReasons(take, { ...shot, prompt: '@Mara x', firstFrameAssetId: null, lastFrameAssetId: 'lf' }, ctx()),
    ).toEqual(['prompt', 'firstFrame', 'lastFrame']);
    // Dropping the @tag drops the element: its pictures are no longer sent either.
    expect(outdatedReasons(take, { ...shot, prompt: 'a pier' }, ctx())).toEqual(['prompt', 'pictures']);
  });

  it('imported clips, image takes, multi-shot takes and requests without references are not judged on what they lack', () => {
    const shot = shotWith();
    const imported = newTake({
      id: 'imp',
      shotId: 's1',
      assetId: 'c',
      provider: 'import',
      request: { source: 'import' },
    });
    expect(outdatedReasons(imported, { ...shot, prompt: 'changed' }, ctx())).toEqual([]);
    const image = { ...takeOf(shot, [mara]), kind: 'image' as const };
    expect(outdatedReasons(image, { ...shot, prompt: 'changed' }, ctx())).toEqual([]);
    const multi = takeOf(shot, [mara], { multiShot: { parts: [] } });
    expect(outdatedReasons(multi, { ...shot, prompt: 'changed' }, ctx())).toEqual([]);
    const old = takeOf(shot, [mara], { references: undefined });
    delete (old.request as Record<string, unknown>).references;
    expect(outdatedReasons(old, shot, ctx([{ ...mara, refAssetIds: ['pic-9'] }]))).toEqual([]);
  });

  it('over a document: template values are resolved before comparing, other shots do not matter', () => {
    const shot = shotWith({ prompt: 'a bottle of {{product}}' });
    const resolved = { ...shot, prompt: 'a bottle of Fizz' };
    const take = takeOf(resolved, []);
    const doc = (value: string): Parameters<typeof outdatedTakes>[0] => ({
      shots: [shot, newShot({ id: 's2', prompt: 'other', durationFrames: 24 })],
      takes: [take],
      elements: [],
      project: { styleRefAssetIds: [] } as unknown as ProjectSnapshot['project'],
      templateVariables: [{ name: 'product', kind: 'text', value, assetId: null, firstFrameShotIds: [] }],
    });
    expect(outdatedTakes(doc('Fizz')).size).toBe(0);
    expect(outdatedTakes(doc('Pop'))).toEqual(new Map([['t1', ['prompt']]]));
  });
});
