import { describe, expect, it } from 'vitest';
import { promptWithNames } from '../../../shared/model/elements.js';
import {
  filterElements,
  insertMention,
  mentionAt,
  promptSegments,
  unknownTags,
} from '../../../shared/model/promptTags.js';

const mara = { id: 'e1', tag: '@Mara', name: 'Mara Lee', kind: 'character' };
const ming = { id: 'e2', tag: '@小明', name: '小明', kind: 'character' };
const harbour = { id: 'e3', tag: '@Old_Harbour', name: 'Old Harbour', kind: 'location' };
const lamp = { id: 'e4', tag: '@lamp', name: 'Brass lamp', kind: 'prop' };
const all = [mara, ming, harbour, lamp];

describe('mentionAt', () => {
  it('finds the @word the caret ends', () => {
    expect(mentionAt('A wide shot of @Ma', 18)).toEqual({ start: 15, end: 18, query: 'Ma' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(mentionAt('和@小', 3)).toEqual({ start: 1, end: 3, query: '小' });
  });
  it('uses the caret, not the end of the text', () => {
    expect(mentionAt('@Mara waves', 3)).toEqual({ start: 0, end: 3, query: 'Ma' });
    expect(mentionAt('@Mara waves', 8)).toBeNull();
  });
  it('is no mention after a word character, a space or punctuation', () => {
    expect(mentionAt('ann@ma', 6)).toBeNull();
    expect(mentionAt('@Mara ', 6)).toBeNull();
    expect(mentionAt('@Mara,', 6)).toBeNull();
    expect(mentionAt('no tag here', 5)).toBeNull();
  });
  it('counts a character outside the BMP as one', () => {
    expect(mentionAt('@𠀋', 3)).toEqual({ start: 0, end: 3, query: '𠀋' });
  });
});

describe('filterElements', () => {
  it('lists everything for an empty query', () => {
    expect(filterElements(all, '')).toEqual(all);
  });
  it('matches tags and names without case, prefixes first', () => {
    expect(filterElements(all, 'ma').map((e) => e.id)).toEqual(['e1']);
    expect(filterElements(all, 'LA').map((e) => e.id)).toEqual(['e4']);
    expect(filterElements(all, 'har').map((e) => e.id)).toEqual(['e3']);
    // "lee" is a later word of Mara's name, "brass" the first of the lamp's.
    expect(filterElements(all, 'lee').map((e) => e.id)).toEqual(['e1']);
    expect(filterElements(all, 'a').map((e) => e.id)).toEqual(['e1', 'e3', 'e4']);
  });
  it('matches Chinese names', () => {
    expect(filterElements(all, '小').map((e) => e.id)).toEqual(['e2']);
    expect(filterElements(all, '明').map((e) => e.id)).toEqual(['e2']);
    expect(filterElements(all, '大')).toEqual([]);
  });
  it('offers a Chinese tag the query runs on from ("@小明走进厨房" is @小明 + text), not a Latin one', () => {
    expect(filterElements(all, '小明走进厨房').map((e) => e.id)).toEqual(['e2']);
    expect(filterElements(all, 'Mara_Leeward')).toEqual([]);
  });
  it('ranks a prefix before a word before a substring', () => {
    const es = [
      { tag: '@Ship', name: 'Ship' },
      { tag: '@Harbour', name: 'Harbour' },
      { tag: '@Hat', name: 'Red hat' },
    ];
    expect(filterElements(es, 'ha').map((e) => e.tag)).toEqual(['@Harbour', '@Hat']);
    expect(filterElements(es, 'h').map((e) => e.tag)).toEqual(['@Harbour', '@Hat', '@Ship']);
  });
});

describe('insertMention', () => {
  it('replaces the typed @word with the tag and a space at the end of the text', () => {
    const text = 'A wide shot of @ma';
    const m = mentionAt(text, text.length)!;
    expect(insertMention(text, m, '@Mara')).toEqual({ text: 'A wide shot of @Mara ', caret: 21 });
  });
  it('keeps the text after the caret; a space only where a Latin word would run on', () => {
    expect(insertMention('@ma waves', { start: 0, end: 3 }, '@Mara')).toEqual({ text: '@Mara waves', caret: 5 });
    expect(insertMention('@mawaves', { start: 0, end: 3 }, '@Mara')).toEqual({ text: '@Mara waves', caret: 6 });
    expect(insertMention('和@走进厨房', { start: 1, end: 2 }, '@小明')).toEqual({ text: '和@小明走进厨房', caret: 4 });
    expect(insertMention('@', { start: 0, end: 1 }, '@小明')).toEqual({ text: '@小明', caret: 3 });
  });
  it('makes a prompt the parser resolves to the element', () => {
    const { text } = insertMention('Close-up of @M', { start: 12, end: 14 }, '@Mara');
    expect(promptWithNames(`${text}waves`, all)).toBe('Close-up of Mara Lee waves');
  });
});

describe('promptSegments', () => {
  it('cuts a prompt into text, known tags and unknown tags; the pieces join to the prompt', () => {
    const prompt = '@Mara meets @Bob at the @old_harbour.';
    const segs = promptSegments(prompt, all);
    expect(segs.map((s) => [s.kind, s.text])).toEqual([
      ['tag', '@Mara'],
      ['text', ' meets '],
      ['unknown', '@Bob'],
      ['text', ' at the '],
      ['tag', '@old_harbour'],
      ['text', '.'],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(prompt);
    expect(segs.every((s) => prompt.slice(s.start, s.start + s.text.length) === s.text)).toBe(true);
    expect(segs[0]).toMatchObject({ element: mara });
  });
  it('reads Chinese tags that run on into the sentence', () => {
    const segs = promptSegments('清晨，@小明走进厨房，@小红跟着', all);
    expect(segs.map((s) => [s.kind, s.text])).toEqual([
      ['text', '清晨，'],
      ['tag', '@小明'],
      ['text', '走进厨房，'],
      ['unknown', '@小红跟着'],
    ]);
  });
  it('does not take an address or a longer word for a tag', () => {
    const segs = promptSegments('mail ann@mara.com about @Marathon', all);
    expect(segs.map((s) => [s.kind, s.text])).toEqual([
      ['text', 'mail ann@mara.com about '],
      ['unknown', '@Marathon'],
    ]);
    expect(promptSegments('a lone @ sign', all)).toEqual([{ kind: 'text', start: 0, text: 'a lone @ sign' }]);
    expect(promptSegments('', all)).toEqual([]);
  });
  it('lists each unknown tag once', () => {
    expect(unknownTags(promptSegments('@Bob and @bob and @Mara and @Zoe', all))).toEqual(['@Bob', '@Zoe']);
  });
});
