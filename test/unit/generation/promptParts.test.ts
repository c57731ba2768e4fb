import { describe, expect, it } from 'vitest';
import { keyframePrompt, proseWithFacts, referenceTags, runwayTag } from '../../../shared/generation/promptParts.js';
import { aspectOf } from '../../../shared/generation/imageRequest.js';

const mara = { name: 'Mara Lee', kind: 'character' as const, description: 'tall woman in a red coat' };
const cafe = { name: 'Café', kind: 'location' as const, description: '' };

describe('everything stored goes into the prompt', () => {
  it('a video prompt gains the shot size and descriptions, and is unchanged without them', () => {
    expect(proseWithFacts({ prompt: 'Mara waves', shotSize: null, elements: [cafe] })).toBe('Mara waves');
    expect(proseWithFacts({ prompt: 'Mara waves', shotSize: 'close_up', elements: [mara, cafe] })).toBe(
      'Close-up. Mara waves Mara Lee (character): tall woman in a red coat.',
    );
    expect(proseWithFacts({ prompt: 'x', shotSize: 'wide', elements: [] })).toBe('Wide shot. x');
  });

  it('keyframe prompts name the pictures the way each model reads them', () => {
    const facts = {
      prompt: 'Mara Lee waves',
      shotSize: 'medium' as const,
      elements: [mara],
      stylePrompt: 'film grain',
    };
    const refs = [
      { name: 'Mara Lee', kind: 'character' as const },
      { name: 'style', kind: 'style' as const },
    ];
    expect(keyframePrompt(facts, refs, 'indexed', 'first')).toBe(
      'Medium shot, the opening frame of the shot: Mara Lee waves. Image 1 shows Mara Lee (character). Image 2 shows style (style). ' +
        'Keep each character, place and object exactly as in its images. Mara Lee (character): tall woman in a red coat. Style: film grain.',
    );
    expect(keyframePrompt(facts, refs.slice(0, 1), 'tagged', 'last')).toBe(
      'Medium shot, the closing frame of the shot: Mara Lee waves. @MaraLee is Mara Lee. Mara Lee (character): tall woman in a red coat. Style: film grain.',
    );
    expect(keyframePrompt({ ...facts, shotSize: null, stylePrompt: '' }, [], 'prose', 'first')).toBe(
      'A film still, the opening frame of the shot: Mara Lee waves. Mara Lee (character): tall woman in a red coat.',
    );
  });

  it('Runway tags are 3-16 letters, digits or _ starting with a letter', () => {
    expect(runwayTag('Mara Lee', 0)).toBe('MaraLee');
    expect(runwayTag('小明', 1)).toBe('ref2');
    expect(runwayTag('A', 0)).toBe('A1_');
    expect(runwayTag('9 lives', 0)).toBe('ref9lives');
    expect(runwayTag('Supercalifragilistic', 0)).toBe('Supercalifragili');
    for (const t of ['MaraLee', 'ref2', 'A1_', 'ref9lives']) expect(t).toMatch(/^[A-Za-z][A-Za-z0-9_]{2,15}$/);
  });

  it('one tag per element, distinct between elements', () => {
    expect(referenceTags([{ name: 'Mara Lee' }, { name: 'Mara Lee' }, { name: 'Mara-Lee' }, { name: '小明' }])).toEqual(
      ['MaraLee', 'MaraLee', 'MaraLee_2', 'ref4'],
    );
  });

  it('the aspect of a request is the reduced ratio (2520x1080 is 21:9)', () => {
    expect(aspectOf({ width: 1920, height: 1080 })).toBe('16:9');
    expect(aspectOf({ width: 1080, height: 1350 })).toBe('4:5');
    expect(aspectOf({ width: 2520, height: 1080 })).toBe('21:9');
  });
});
