/**
 * Public Fountain samples (test/fixtures/script/*.fountain: the Fountain reference parser's own
 * test scripts, MIT, source and commit in each file's header) and two samples written for this
 * project (a Chinese script, a Markdown outline): the scenes, characters and dialogue lines each
 * must give, counted by hand from the sample against https://fountain.io/syntax.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript, proposalCounts, proposeScript } from '../../../shared/script/index.js';

const dir = join(__dirname, '..', '..', 'fixtures', 'script');
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
const propose = (f: string) => proposeScript(read(f), { fileName: f, elements: [] });

interface Expected {
  format: string;
  scenes: number;
  characters: string[];
  lines: number;
  shots: number;
}

const EXPECTED: Record<string, Expected> = {
  'Simple.fountain': { format: 'fountain', scenes: 3, characters: ['Man'], lines: 1, shots: 9 },
  'Dialogue.fountain': { format: 'fountain', scenes: 0, characters: ['Adam', 'Eve', 'R2D2'], lines: 12, shots: 2 },
  'DualDialogue.fountain': { format: 'fountain', scenes: 0, characters: ['Adam', 'Eve'], lines: 2, shots: 1 },
  'SceneHeaders.fountain': { format: 'fountain', scenes: 16, characters: [], lines: 0, shots: 18 },
  'Boneyard.fountain': { format: 'fountain', scenes: 0, characters: [], lines: 0, shots: 2 },
  'Notes.fountain': { format: 'fountain', scenes: 0, characters: [], lines: 0, shots: 2 },
  'Transitions.fountain': { format: 'fountain', scenes: 0, characters: [], lines: 0, shots: 2 },
  'ForcedElements.fountain': { format: 'fountain', scenes: 0, characters: ['McDUCK', 'Singer'], lines: 3, shots: 1 },
  'Synopses.fountain': { format: 'fountain', scenes: 0, characters: [], lines: 0, shots: 0 },
  'chinese-sample.txt': { format: 'chinese', scenes: 3, characters: ['小李', '老王', '阿梅'], lines: 5, shots: 4 },
  'launch-outline.md': { format: 'outline', scenes: 3, characters: ['Maya'], lines: 1, shots: 5 },
};

describe('script samples', () => {
  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`${file}: ${want.scenes} scenes, ${want.characters.length} characters, ${want.lines} lines`, () => {
      const p = propose(file);
      const counts = proposalCounts(p);
      expect(p.format).toBe(want.format);
      expect(counts.scenes).toBe(want.scenes);
      expect(p.characters.map((c) => c.name)).toEqual(want.characters);
      expect(counts.lines).toBe(want.lines);
      expect(counts.shots).toBe(want.shots);
      expect(counts.errors).toBe(0);
    });
  }

  it('Simple.fountain: title page, forced heading, transitions, centered text, notes, boneyard, sections, synopsis', () => {
    const parsed = parseScript(read('Simple.fountain'), 'Simple.fountain');
    expect(parsed.titlePage).toEqual({ title: 'A Simple Script', author: 'Nima Yousefi', 'draft date': '2/1/2012' });
    const scenes = parsed.elements.filter((e) => e.type === 'scene').map((e) => e.type === 'scene' && e.text);
    expect(scenes).toEqual(['INT. OFFICE - MORNING', 'ext. house - day', 'FORCED SCENE HEADING']);
    expect(parsed.elements).toContainEqual({ type: 'transition', line: 27, text: 'Burn to White.' });
    expect(parsed.elements).toContainEqual({ type: 'action', line: 29, text: 'THE END', centered: true });
    expect(parsed.elements).toContainEqual({ type: 'synopsis', line: 33, text: 'Synopsis' });
    expect(parsed.elements).toContainEqual({ type: 'section', line: 43, depth: 2, text: 'Section 1-1' });
    expect(parsed.elements).toContainEqual({
      type: 'character',
      line: 17,
      name: 'MAN',
      extensions: ['V.O.'],
      dual: false,
    });
    expect(parsed.elements).toContainEqual({ type: 'parenthetical', line: 18, text: 'passionately' });
    // "CUT TO: " ends in a space: the sample's own note says it is not a transition.
    expect(parsed.elements.at(-1)).toEqual({ type: 'action', line: 57, text: 'CUT TO:', centered: false });
    expect(parsed.notes.map((n) => n.line)).toEqual([31, 55]);
    expect(JSON.stringify(parsed.elements)).not.toContain('boneyard');
    const office = propose('Simple.fountain').scenes[1];
    expect(office?.shots[0]?.prompt).toBe('A MAN sits alone at his desk. Interior, office, morning.');
    expect(office?.shots[0]?.characters).toEqual(['MAN']);
    expect(office?.shots[0]?.notes).toBe('Man (V.O.) (passionately)');
  });

  it("Dialogue.fountain: extensions, CONT'D, parentheticals, dual, indenting, two-space continuation", () => {
    const parsed = parseScript(read('Dialogue.fountain'), 'Dialogue.fountain');
    const cues = parsed.elements.filter((e) => e.type === 'character');
    expect(cues.find((c) => c.line === 9)).toMatchObject({ name: 'EVE', extensions: ['O.S.'] });
    expect(cues.find((c) => c.line === 19)).toMatchObject({ name: 'EVE', extensions: ["cont'd"] });
    expect(cues.find((c) => c.line === 34)).toMatchObject({ name: 'EVE', dual: true });
    // "23 (O.S.)": a character name must include a letter.
    expect(parsed.elements).toContainEqual(expect.objectContaining({ type: 'action', line: 41 }));
    const weird = parsed.elements.find((e) => e.type === 'dialogue' && e.line === 45);
    expect(weird && weird.type === 'dialogue' && weird.text.split('\n')).toHaveLength(6);
    expect(parsed.elements.at(-1)).toEqual({ type: 'dialogue', line: 55, text: "Well, then I'll just indent!" });
  });

  it('DualDialogue.fountain: the ^ line is spoken with the one before', () => {
    const shot = propose('DualDialogue.fountain').scenes[0]?.shots[0];
    expect(shot?.dialogue.map((l) => [l.speaker, l.text, l.dual])).toEqual([
      ['ADAM', 'Yes.', false],
      ['EVE', 'No.', true],
    ]);
  });

  it('a Chinese script: 内景/外景 headings, 角色：台词, （画外音）, 旁白 as the narrator, △ beats, 人物', () => {
    const p = propose('chinese-sample.txt');
    expect(p.title).toBe('早餐店');
    expect(p.scenes.map((s) => s.heading)).toEqual(['内景 早餐店 - 清晨 #1', '外景 街道 日 #2', '内景 办公室 夜 #三']);
    const street = p.scenes[1]?.shots[0];
    expect(street?.dialogue.map((l) => l.speaker)).toEqual(['阿梅', null]);
    expect(street?.notes).toContain('阿梅 (画外音)');
    expect(p.scenes[0]?.shots[0]?.prompt).toBe('蒸笼冒着白气，老王把一笼包子端上柜台。 （内景，早餐店，清晨）');
  });

  it('a Markdown outline: headings are scenes, items and paragraphs shots, NAME: text a line', () => {
    const p = propose('launch-outline.md');
    expect(p.title).toBe('Spring launch film');
    expect(p.scenes.map((s) => s.shots.length)).toEqual([2, 2, 1]);
    expect(p.scenes[1]?.shots[0]?.dialogue).toEqual([
      { speaker: 'MAYA', text: 'This is the one I was waiting for.', dual: false, line: 14 },
    ]);
  });

  it('is deterministic: the same text gives the same proposal', () => {
    expect(propose('chinese-sample.txt')).toEqual(propose('chinese-sample.txt'));
    expect(JSON.stringify(propose('Dialogue.fountain'))).toBe(JSON.stringify(propose('Dialogue.fountain')));
  });
});
