import { describe, expect, it } from 'vitest';
import { ElementSchema } from '../../../shared/model/entities.js';
import {
  deriveTag,
  normalizeTag,
  promptWithNames,
  shotElements,
  tagMentions,
  uniqueTag,
} from '../../../shared/model/elements.js';

const el = (id: string, tag: string, name = tag.slice(1)) => ({ id, tag, name });

describe('deriveTag', () => {
  it('makes a valid tag from Latin, accented and Chinese names', () => {
    expect(deriveTag('Mara Lee')).toBe('@Mara_Lee');
    expect(deriveTag('  小明  ')).toBe('@小明');
    expect(deriveTag('Cafe\u0301 owner')).toBe('@Café_owner'); // NFC: é is one letter
    expect(deriveTag("Dr. O'Neil (old)")).toBe('@Dr_ONeil_old');
    expect(deriveTag('!!!', 'prop')).toBe('@prop');
    for (const name of ['Mara Lee', '小明', 'Café owner', "Dr. O'Neil", '   ', 'a\tb\nc']) {
      expect(ElementSchema.shape.tag.safeParse(deriveTag(name)).success, name).toBe(true);
    }
  });

  it('uniqueTag appends _2, _3 and compares without case', () => {
    expect(uniqueTag('@Mara', [])).toBe('@Mara');
    expect(uniqueTag('@Mara', ['@mara'])).toBe('@Mara_2');
    expect(uniqueTag('@Mara', ['@Mara', '@MARA_2', '@x'])).toBe('@Mara_3');
    expect(uniqueTag('@小明', ['@小明'])).toBe('@小明_2');
  });

  it('normalizeTag accepts a typed tag with or without @ and refuses spaces and symbols', () => {
    expect(normalizeTag('mara')).toBe('@mara');
    expect(normalizeTag(' @小明 ')).toBe('@小明');
    expect(normalizeTag('@Mara Lee')).toBeNull();
    expect(normalizeTag('@')).toBeNull();
    expect(normalizeTag('a.b')).toBeNull();
  });
});

describe('tagMentions', () => {
  const mara = el('m', '@Mara');
  const ming = el('x', '@小明');
  const mingming = el('xx', '@小明明');
  const all = [mara, ming, mingming];

  it('finds tags at punctuation, across case, and next to Chinese text', () => {
    const ids = (p: string) => tagMentions(p, all).map((m) => m.element.id);
    expect(ids('@Mara, then @mara.')).toEqual(['m', 'm']);
    expect(ids("(@Mara's bag)")).toEqual(['m']);
    expect(ids('@小明走进厨房，看见@Mara。')).toEqual(['x', 'm']);
    expect(ids('和@Mara在一起')).toEqual(['m']);
    expect(ids('「@小明」')).toEqual(['x']);
  });

  it('does not find a tag inside a longer word or an e-mail address', () => {
    const ids = (p: string) => tagMentions(p, all).map((m) => m.element.id);
    expect(ids('@Marathon runners')).toEqual([]);
    expect(ids('@Mara_2 waves')).toEqual([]);
    expect(ids('write to ann@Mara.com')).toEqual([]);
    expect(ids('Mara without the at sign')).toEqual([]);
  });

  it('prefers the longest tag at one place and reports where the mention is', () => {
    const found = tagMentions('看@小明明笑', all);
    expect(found.map((m) => [m.element.id, m.index, m.length])).toEqual([['xx', 1, 4]]);
  });
});

describe('shotElements', () => {
  const a = el('a', '@Ann');
  const b = el('b', '@Bo');
  const c = el('c', '@小明');
  const elements = [a, b, c];

  it('puts picked elements first, then prompt mentions by first appearance, each once', () => {
    const shot = { elementIds: ['b'], prompt: '@小明 meets @Ann, then @Bo and @小明 again' };
    expect(shotElements(shot, elements).map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });

  it('keeps the picked order, skips unknown ids and works without tags', () => {
    expect(shotElements({ elementIds: ['c', 'gone', 'a'], prompt: 'no tags' }, elements).map((e) => e.id)).toEqual([
      'c',
      'a',
    ]);
    expect(shotElements({ elementIds: [], prompt: '' }, elements)).toEqual([]);
  });
});

describe('promptWithNames', () => {
  it('replaces each mention by the element name and leaves everything else', () => {
    const els = [
      { tag: '@Mara_Lee', name: 'Mara Lee' },
      { tag: '@小明', name: '小明' },
    ];
    expect(promptWithNames('@mara_lee waves at @小明。 @Marathon stays', els)).toBe(
      'Mara Lee waves at 小明。 @Marathon stays',
    );
    expect(promptWithNames('no mentions @here', els)).toBe('no mentions @here');
  });
});
