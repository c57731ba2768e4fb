/**
 * Hand-off clip names are labels: a title's @tags are written as element names (the caption
 * rules of shared/model/shotCaption.ts), unknown tags as typed; conform still matches a clip by
 * the named title and by the title as typed (files written before names were used).
 */
import { describe, expect, it } from 'vitest';
import { readFcpxml } from '../../../shared/interchange/conformRead.js';
import { planConform } from '../../../shared/interchange/conformPlan.js';
import { writeFcpxml } from '../../../shared/interchange/fcpxml.js';
import { buildHandoffCut } from '../../../shared/interchange/handoffCut.js';
import { newElement } from '../../../shared/model/factories.js';
import { handoffDoc } from './handoffDoc.js';

function taggedDoc() {
  const doc = handoffDoc();
  doc.elements.push(
    newElement({ id: 'e1', kind: 'character', name: 'Mara Lee', tag: '@Mara_Lee' }),
    newElement({ id: 'e2', kind: 'character', name: '小明', tag: '@小明' }),
  );
  const [a, b, c] = doc.shots;
  if (!a || !b || !c) throw new Error('three shots');
  a.title = '@Mara_Lee at the door';
  b.title = '@小明 敲门，@Nobody 在等';
  c.title = '';
  c.prompt = '@Mara_Lee walks a kitten';
  return doc;
}

describe('hand-off clip names', () => {
  it('name tagged elements: title first, else "Shot N" with the named prompt', () => {
    const cut = buildHandoffCut(taggedDoc());
    expect(cut.clips.map((c) => c.name)).toEqual([
      'Mara Lee at the door',
      '小明 敲门，@Nobody 在等',
      'Shot 3 "Mara Lee walks a kitten"',
    ]);
    // The notes keep the prompt as written: a record of what was asked.
    expect(cut.clips[2]?.notes.prompt).toBe('@Mara_Lee walks a kitten');
  });

  it('conform matches clips by the named title and by the title as typed', () => {
    const doc = taggedDoc();
    const root = '/elsewhere/moved project';
    // Neither shot ids nor media paths match: only names can.
    const unmoored = (xml: string): string =>
      xml.replace(/media\/clip(\d)\.mp4/g, 'media/gone$1.mp4').replace(/ (?:uid|id)="shot-[^"]*"/g, '');
    const named = readFcpxml(unmoored(writeFcpxml(buildHandoffCut(doc), { root })), doc.project.fps);
    expect(named.map((c) => c.name)).toContain('Mara Lee at the door');
    expect(planConform(doc, named).report.unmatched).toEqual([]);
    const typed = named.map((c) => (c.name === 'Mara Lee at the door' ? { ...c, name: '@Mara_Lee at the door' } : c));
    expect(planConform(doc, typed).report.unmatched).toEqual([]);
  });

  it('names a shot the file does not hold as the hand-off named it, not with its tags as typed', () => {
    const doc = taggedDoc();
    const clips = readFcpxml(writeFcpxml(buildHandoffCut(doc), { root: '/p' }), doc.project.fps);
    // The edited file dropped shots 1 and 3 (both tagged): the report names them as every label does.
    const kept = clips.filter((c) => c.name === '小明 敲门，@Nobody 在等');
    expect(kept).toHaveLength(1);
    expect(planConform(doc, kept).report.unmatched).toEqual([
      'Shot 1 "Mara Lee at the door" is not in the file: kept, after the shots that are.',
      'Shot 3 "Mara Lee walks a kitten" is not in the file: kept, after the shots that are.',
    ]);
  });
});
