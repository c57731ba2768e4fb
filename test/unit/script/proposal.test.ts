/** Malformed scripts (line-numbered issues) and the mapping rules of shared/script/proposal.ts. */
import { describe, expect, it } from 'vitest';
import {
  displayName,
  parseScript,
  plainText,
  proposalCounts,
  proposeScript,
  scriptFormat,
  selectShots,
  settingOf,
  splitLongText,
} from '../../../shared/script/index.js';
import { screenplay } from '../../helpers/screenplay.js';

const fountain = (text: string) => proposeScript(text, { fileName: 'x.fountain', elements: [] });

describe('malformed scripts', () => {
  it('an unclosed boneyard is an error at the line it opens', () => {
    const p = fountain('INT. A - DAY\n\nAction.\n\n/* cut this\n\nBOB\nHi.\n');
    expect(p.issues).toEqual([
      expect.objectContaining({ key: 'unclosedBoneyard', line: 5, severity: 'error', values: { line: 5 } }),
    ]);
    expect(p.issues[0]?.message).toMatch(/^Line 5: /u);
    expect(p.characters).toEqual([]);
  });

  it('an unclosed note is an error at its line; line numbers after a closed multi-line note hold', () => {
    const p = fountain('[[a note\nover two lines]]\n\nBOB\nHi.\n\n[[never closed\n');
    expect(p.issues.map((i) => [i.key, i.line])).toEqual([['unclosedNote', 7]]);
    expect(p.scenes[0]?.shots[0]?.dialogue[0]?.line).toBe(5);
  });

  it('an unclosed parenthetical, a cue with only a parenthetical, an empty forced heading: warnings with lines', () => {
    const p = fountain('\n.\n\nBOB\n(quietly\nHi.\n\nANN\n(sighs)\n');
    expect(p.issues.map((i) => [i.key, i.line, i.severity])).toEqual([
      ['emptyHeading', 2, 'warning'],
      ['unclosedParenthetical', 5, 'warning'],
      ['cueWithoutDialogue', 8, 'warning'],
    ]);
  });

  it('a binary file or an empty one is refused', () => {
    expect(fountain('INT. A\n\n\u0000\u0001').issues).toEqual([expect.objectContaining({ key: 'notText', line: 3 })]);
    expect(fountain(' \n\n').issues).toEqual([expect.objectContaining({ key: 'empty', line: 0, severity: 'error' })]);
  });

  it('a Chinese cue with nothing after the colon is a warning with its line', () => {
    const p = proposeScript('内景 厨房 日\n\n小明：你好\n\n小红：\n', { fileName: 'a.txt', elements: [] });
    expect(p.issues.map((i) => [i.key, i.line])).toEqual([['emptyLine', 5]]);
    expect(p.scenes[0]?.shots[0]?.dialogue).toHaveLength(1);
  });

  it('CRLF line ends and a byte-order mark keep the line numbers an editor shows', () => {
    const p = fountain('\uFEFFINT. A - DAY\r\n\r\n/* open\r\n');
    expect(p.issues[0]?.line).toBe(3);
  });
});

describe('mapping', () => {
  it('merges cues with the project characters by name or @tag, without case', () => {
    const elements = [
      { id: 'e1', name: 'Brick', tag: '@Brick', kind: 'character' as const },
      { id: 'e2', name: 'Dick Steel', tag: '@Steel', kind: 'character' as const },
      { id: 'e3', name: 'Patio', tag: '@Patio', kind: 'location' as const },
    ];
    const p = proposeScript('EXT. PATIO - DAY\n\nBRICK\nCold?\n\nDICK STEEL\nYes.\n\nPATIO\nEcho.\n', {
      fileName: 'a.fountain',
      elements,
    });
    expect(p.characters.map((c) => [c.name, c.existingId])).toEqual([
      ['Brick', 'e1'],
      ['Dick Steel', 'e2'],
      ['Patio', null],
    ]);
  });

  it('a scene that opens with dialogue gets a shot of its speaker; action names its characters', () => {
    const p = fountain('INT. KITCHEN - NIGHT\n\nMARA\nWho is there?\n\nThe door opens: it is JO, soaked.\n\nJO\nMe.\n');
    const [first, second] = p.scenes[0]?.shots ?? [];
    expect(first?.prompt).toBe('Mara speaks. Interior, kitchen, night.');
    expect(second?.characters).toEqual(['JO']);
    expect(second?.title).toBe('The door opens: it is JO, soaked.');
  });

  it('a line over 500 characters is split at sentence ends; over 50 lines opens a continuation shot', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} goes on a while.`).join(' ');
    const parts = splitLongText(long);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 500 && p.endsWith('.'))).toBe(true);
    expect(parts.join(' ')).toBe(long);
    const many = Array.from({ length: 60 }, (_, i) => `BOB\nLine ${i}.\n`).join('\n');
    const shots = fountain(`INT. A - DAY\n\nBob waits.\n\n${many}`).scenes[0]?.shots ?? [];
    expect(shots.map((s) => s.dialogue.length)).toEqual([50, 10]);
    expect(shots[1]?.notes).toBe('Continues s1.1.');
  });

  it('durations cover the dialogue at reading speed, in half seconds', () => {
    const p = fountain(
      'INT. A - DAY\n\nBob sits.\n\nBOB\nOne two three four five six seven eight nine ten eleven twelve.\n',
    );
    // 12 words at 2.5 words/s = 4.8 s, plus 0.25 s lead and 0.5 s padding = 5.55 s -> 6 s.
    expect(p.scenes[0]?.shots[0]?.durationSec).toBe(6);
  });

  it('settings, names and formats', () => {
    expect(settingOf('INT. OFFICE - MORNING #12A#')).toBe('Interior, office, morning.');
    expect(settingOf('INT - HOUSE - DAY')).toBe('Interior, house, day.');
    expect(settingOf('外景·街道·夜')).toBe('（外景，街道，夜）');
    expect(displayName("DICK O'NEIL")).toBe("Dick O'Neil");
    expect(displayName('R2D2')).toBe('R2D2');
    expect(scriptFormat('INT. A - DAY\n', 'a.txt')).toBe('fountain');
    expect(scriptFormat('第一场 内景 客厅 夜\n', 'a.txt')).toBe('chinese');
    expect(scriptFormat('- a shot\n', 'a.txt')).toBe('outline');
    expect(parseScript('Title: X\n\nFADE IN:\n', 'a.fountain').titlePage).toEqual({ title: 'X' });
    expect(parseScript('As the girl runs: a truck tips.\n', 'a.fountain').titlePage).toEqual({});
    expect(plainText('**Bold** and *it* and _under_ but \\*stars\\*')).toBe('Bold and it and under but *stars*');
  });

  it('a 120-page generated screenplay (the benchmark workload) keeps every scene, line and character', () => {
    const play = screenplay(120);
    expect(play.pages).toBeGreaterThanOrEqual(120);
    const counts = proposalCounts(fountain(play.text));
    expect([counts.scenes, counts.lines, counts.newCharacters]).toEqual([
      play.scenes,
      play.dialogueLines,
      play.characters,
    ]);
  });

  it('accepting some shots keeps their scenes and only the characters they use', () => {
    const p = fountain('INT. A - DAY\n\nBOB\nHi.\n\nEXT. B - DAY\n\nANN\nBye.\n');
    const some = selectShots(p, new Set(['s2.1']));
    expect(some.scenes.map((s) => s.heading)).toEqual(['EXT. B - DAY']);
    expect(some.characters.map((c) => c.key)).toEqual(['ANN']);
  });
});
