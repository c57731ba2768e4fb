import { describe, expect, it } from 'vitest';
import { parseDialogueSpecs } from '../../../shared/model/dialogueSpecs.js';
import {
  estimatedSpeechSec,
  guessLanguage,
  lineProblem,
  matchSpeaker,
  MAX_LINE_CHARS,
  parseVoice,
  placeLines,
  formatVoice,
  splitSpeakerText,
  speechKeyText,
  voiceOf,
  type DialogueLine,
} from '../../../shared/model/dialogue.js';

const els = [
  { id: 'e1', name: '小明', tag: '@小明', kind: 'character' as const, voice: null },
  {
    id: 'e2',
    name: 'Mara Lee',
    tag: '@Mara_Lee',
    kind: 'character' as const,
    voice: formatVoice({ provider: 'espeak', voiceId: 'en-us+f3', speed: 1.1 }),
  },
  { id: 'e3', name: 'Kitchen', tag: '@Kitchen', kind: 'location' as const, voice: null },
];

function line(over: Partial<DialogueLine>): DialogueLine {
  return {
    id: 'l',
    shotId: 's',
    position: 0,
    speakerId: null,
    text: 'hi',
    language: 'en',
    offsetFrames: null,
    translation: '',
    voiceItemId: null,
    voiceKey: null,
    ...over,
  };
}

describe('speaker specs', () => {
  it('splits "Name: text" with ASCII and full-width colons', () => {
    expect(splitSpeakerText('小明: 你好')).toEqual({ name: '小明', text: '你好' });
    expect(splitSpeakerText('小明：你好')).toEqual({ name: '小明', text: '你好' });
    expect(splitSpeakerText('no colon here')).toBeNull();
  });
  it('matches a character by name, by @tag (any case) and the narrator', () => {
    expect(matchSpeaker('小明', els)).toBe(els[0]);
    expect(matchSpeaker('@mara_lee', els)).toBe(els[1]);
    expect(matchSpeaker('mara lee', els)).toBe(els[1]);
    expect(matchSpeaker('Narrator', els)).toBe('narrator');
    expect(matchSpeaker('旁白', els)).toBe('narrator');
    expect(matchSpeaker('小红', els)).toBeNull();
  });
  it('parses specs into lines with a guessed language', () => {
    const r = parseDialogueSpecs(['小明: 你好', 'Narrator: It was late.'], els);
    expect(r).toEqual({
      lines: [
        { speakerId: 'e1', text: '你好', language: 'zh' },
        { speakerId: null, text: 'It was late.', language: 'en' },
      ],
    });
  });
  it('names the line and the reason for each bad input', () => {
    const issue = (specs: string[]) =>
      'issue' in parseDialogueSpecs(specs, els)
        ? (parseDialogueSpecs(specs, els) as { issue: { key: string; line: number; message: string } }).issue
        : null;
    expect(issue(['小明: ok', '小红: 你好'])).toMatchObject({ key: 'unknownSpeaker', line: 2 });
    expect(issue(['小红: 你好'])?.message).toContain('小明');
    expect(issue(['小明:   '])).toMatchObject({ key: 'empty', line: 1 });
    expect(issue([`小明: ${'字'.repeat(10_000)}`])).toMatchObject({ key: 'tooLong', line: 1 });
    expect(issue(['Kitchen: hello'])).toMatchObject({ key: 'notCharacter' });
    expect(issue(['hello there'])).toMatchObject({ key: 'noSpeaker' });
  });
  it('limits a line to MAX_LINE_CHARS characters (code points, so CJK counts one each)', () => {
    expect(lineProblem('字'.repeat(MAX_LINE_CHARS), 1)).toBeNull();
    expect(lineProblem('字'.repeat(MAX_LINE_CHARS + 1), 3)).toContain('Line 3');
  });
});

describe('timing', () => {
  it('reads Chinese by characters and English by words', () => {
    expect(guessLanguage('你好 Anna')).toBe('zh');
    expect(estimatedSpeechSec('一二三四五六七八九', 'zh')).toBeCloseTo(9 / 4.5, 5);
    expect(estimatedSpeechSec('one two three four five', 'en')).toBeCloseTo(5 / 2.5, 5);
    expect(estimatedSpeechSec('hi', 'en')).toBe(0.5); // a floor: nothing is said in no time
  });
  it('places lines one after another, or at their offset, using voiced lengths when known', () => {
    const fps = { num: 24, den: 1 };
    const a = line({ id: 'a', position: 0, text: 'one two three four five' });
    const b = line({ id: 'b', position: 1, text: 'x' });
    const c = line({ id: 'c', position: 2, offsetFrames: 200 });
    const placed = placeLines([c, b, a], fps, (l) => (l.id === 'b' ? 30 : undefined));
    expect(placed.map((p) => [p.line.id, p.startFrame, p.frames, p.voiced])).toEqual([
      ['a', 6, 48, false],
      ['b', 6 + 48 + 5, 30, true],
      ['c', 200, 12, false],
    ]);
  });
});

describe('voices', () => {
  it("a character speaks with its own voice, else the narrator's; unreadable voices count as none", () => {
    const narrator = formatVoice({ provider: 'espeak', voiceId: 'cmn', speed: 1 });
    expect(voiceOf(line({ speakerId: 'e2' }), { elements: els, narrator })).toEqual({
      provider: 'espeak',
      voiceId: 'en-us+f3',
      speed: 1.1,
    });
    expect(voiceOf(line({ speakerId: 'e1' }), { elements: els, narrator })?.voiceId).toBe('cmn');
    expect(voiceOf(line({ speakerId: null }), { elements: els, narrator: null })).toBeNull();
    expect(parseVoice('{not json')).toBeNull();
  });
  it('the cache key changes with the text, the language and every part of the voice', () => {
    const v = { provider: 'espeak', voiceId: 'cmn', speed: 1 };
    const k = speechKeyText('你好', 'zh', v);
    expect(speechKeyText(' 你好 ', 'zh', v)).toBe(k);
    for (const other of [
      speechKeyText('你好!', 'zh', v),
      speechKeyText('你好', 'yue', v),
      speechKeyText('你好', 'zh', { ...v, speed: 1.2 }),
      speechKeyText('你好', 'zh', { ...v, voiceId: 'yue' }),
    ]) {
      expect(other).not.toBe(k);
    }
  });
});
