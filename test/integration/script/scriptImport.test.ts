/**
 * An accepted script proposal applied to a real project file: ONE undo step that adds scenes,
 * shots (after the existing ones), character elements (merged with the project's by name),
 * the shots' characters and dialogue lines; undo removes all of it, redo brings it back; a
 * proposal with errors or a stale merge is refused with nothing written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { proposeScript, selectShots } from '../../../shared/script/index.js';
import { INIT } from '../project/fixtures.js';
import { tempDir } from '../../helpers/tmp.js';

const fixture = (f: string): string => readFileSync(join(__dirname, '..', '..', 'fixtures', 'script', f), 'utf8');
let store: ProjectStore | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

function open(): ProjectStore {
  store = ProjectStore.create(join(tempDir(), 'script project'), INIT);
  return store;
}

describe('script.apply', () => {
  it('adds the Chinese sample as one undo step, merging 小李 into the existing character', () => {
    const s = open();
    s.shots.add({ prompt: 'existing shot', durationFrames: 48 });
    const li = s.elements.create({ kind: 'character', name: '小李' });
    const proposal = proposeScript(fixture('chinese-sample.txt'), {
      fileName: 'chinese-sample.txt',
      elements: s.snapshot().elements,
    });
    expect(proposal.characters.find((c) => c.name === '小李')?.existingId).toBe(li.id);
    const revision = s.snapshot().history.revision;

    const applied = s.script.apply(proposal);
    const snap = s.snapshot();
    expect(snap.history.revision).toBe(revision + 1);
    expect(snap.scenes.map((sc) => sc.heading)).toEqual([
      '内景 早餐店 - 清晨 #1',
      '外景 街道 日 #2',
      '内景 办公室 夜 #三',
    ]);
    expect(snap.shots).toHaveLength(5);
    expect(snap.shots[0]?.prompt).toBe('existing shot');
    expect(snap.shots.slice(1).map((sh) => sh.sceneId)).toEqual([
      applied.sceneIds[0],
      applied.sceneIds[0],
      applied.sceneIds[1],
      applied.sceneIds[2],
    ]);
    expect(snap.elements.map((e) => e.name).sort()).toEqual(['小李', '老王', '阿梅'].sort());
    expect(applied.elementIds).toHaveLength(2);
    const lines = snap.dialogueLines ?? [];
    expect(lines.map((l) => l.text)).toEqual([
      '老王，两个肉包，一杯豆浆！',
      '又睡过头了？',
      '闹钟坏了。',
      '小心点！',
      '那天早上，小李第一次注意到阿梅。',
    ]);
    expect(lines[0]?.speakerId).toBe(li.id);
    expect(lines[4]?.speakerId).toBeNull();
    expect(lines.every((l) => l.language === 'zh')).toBe(true);
    const breakfast = snap.shots[2];
    expect(breakfast?.elementIds).toContain(li.id);
    // 5.5 s at 24 fps.
    expect(breakfast?.durationFrames).toBe(132);

    s.undo();
    const undone = s.snapshot();
    expect(undone.scenes).toEqual([]);
    expect(undone.shots.map((sh) => sh.prompt)).toEqual(['existing shot']);
    expect(undone.elements.map((e) => e.id)).toEqual([li.id]);
    expect(undone.dialogueLines ?? []).toEqual([]);
    s.redo();
    expect(s.snapshot().shots).toHaveLength(5);
    expect(s.snapshot().dialogueLines).toHaveLength(5);
  });

  it('dual dialogue: the ^ line starts with the line before it', () => {
    const s = open();
    s.script.apply(proposeScript(fixture('DualDialogue.fountain'), { fileName: 'd.fountain', elements: [] }));
    const [adam, eve] = s.snapshot().dialogueLines ?? [];
    expect(adam?.offsetFrames).toBeNull();
    // The first line opens after the 0.25 s lead: 6 frames at 24 fps.
    expect(eve?.offsetFrames).toBe(6);
  });

  it('accepting some shots adds only those and the characters they use', () => {
    const s = open();
    const p = proposeScript(fixture('Dialogue.fountain'), { fileName: 'd.fountain', elements: [] });
    s.script.apply(selectShots(p, new Set(['s1.2'])));
    const snap = s.snapshot();
    expect(snap.shots).toHaveLength(1);
    expect(snap.elements.map((e) => e.name).sort()).toEqual(['Adam', 'Eve']);
    expect(snap.dialogueLines).toHaveLength(2);
  });

  it('refuses a proposal with errors, an unknown speaker or a stale merge, writing nothing', () => {
    const s = open();
    const bad = proposeScript('INT. A - DAY\n\n/* open\n', { fileName: 'bad.fountain', elements: [] });
    expect(() => s.script.apply(bad)).toThrow(/Line 3: a boneyard/u);
    const p = proposeScript('INT. A - DAY\n\nBOB\nHi.\n', { fileName: 'a.fountain', elements: [] });
    expect(() => s.script.apply({ ...p, characters: [] })).toThrow(/speaker "BOB"/u);
    const stale = { ...p, characters: p.characters.map((c) => ({ ...c, existingId: 'gone' })) };
    expect(() => s.script.apply(stale)).toThrow(/no longer in this project/u);
    const snap = s.snapshot();
    expect([snap.scenes.length, snap.shots.length, snap.elements.length, snap.history.canUndo]).toEqual([
      0,
      0,
      0,
      false,
    ]);
  });
});
