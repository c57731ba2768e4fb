/** Shot captions: titles first, known @tags as element names, unknown tags as written, memoised per document version. */
import { describe, expect, it } from 'vitest';
import { newElement, newShot } from '../../../shared/model/factories';
import { namedText, shotCaption, shotCaptions } from '../../../shared/model/shotCaption';

const mara = newElement({ id: 'e1', kind: 'character', name: 'Mara Lee', tag: '@Mara_Lee' });
const ming = newElement({ id: 'e2', kind: 'character', name: '小明', tag: '@小明' });
const harbour = newElement({ id: 'e3', kind: 'location', name: 'Old Harbour', tag: '@harbour' });
const elements = [mara, ming, harbour];

describe('shot captions', () => {
  it('shows known tags as element names and leaves unknown ones as written', () => {
    expect(namedText('@Mara_Lee waves at @小明 near @Nobody', elements)).toBe('Mara Lee waves at 小明 near @Nobody');
    // Case-insensitive tags, Chinese running on without a space, and an e-mail address that is no tag.
    expect(namedText('@mara_lee and @小明走进厨房, mail ann@harbour.com', elements)).toBe(
      'Mara Lee and 小明走进厨房, mail ann@harbour.com',
    );
    // The longest tag wins and a Latin tag does not run on into a word (the generation's parser).
    expect(namedText('@harbourmaster at @harbour.', elements)).toBe('@harbourmaster at Old Harbour.');
  });

  it('puts the title first, else the first line of the prompt, both with names', () => {
    const titled = newShot({ id: 's1', title: 'Harbour @Mara_Lee', prompt: '@小明 runs\nthen stops' });
    expect(shotCaption(titled, elements)).toEqual({
      title: 'Harbour Mara Lee',
      prompt: '小明 runs then stops',
      caption: 'Harbour Mara Lee',
    });
    const untitled = newShot({ id: 's2', prompt: '  @Mara_Lee   waves\nat dusk' });
    expect(shotCaption(untitled, elements).caption).toBe('Mara Lee waves');
    expect(shotCaption(newShot({ id: 's3' }), elements)).toEqual({ title: '', prompt: '', caption: '' });
  });

  it('computes the captions once per document version', () => {
    const shots = [newShot({ id: 'a', prompt: '@Mara_Lee waves' }), newShot({ id: 'b', prompt: '@小明 sits' })];
    const doc = { shots, elements };
    const first = shotCaptions(doc);
    expect(first.get('a')?.caption).toBe('Mara Lee waves');
    expect(first.get('b')?.caption).toBe('小明 sits');
    // Same arrays (a store change that is no edit): the same map, so per-shot selectors keep their value.
    expect(shotCaptions({ shots, elements })).toBe(first);
    // An element renamed: a new version, new captions.
    const renamed = [{ ...mara, name: 'Mara' }, ming, harbour];
    const next = shotCaptions({ shots, elements: renamed });
    expect(next).not.toBe(first);
    expect(next.get('a')?.caption).toBe('Mara waves');
    expect(shotCaptions(null).size).toBe(0);
  });
});
