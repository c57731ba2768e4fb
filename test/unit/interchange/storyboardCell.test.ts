/**
 * The printable storyboard's cell text: title and prompt name the elements their @tags point
 * at (shared/model/shotCaption.ts), an unknown tag stays as typed; dialogue and notes as written.
 */
import { describe, expect, it } from 'vitest';
import { storyboardCellLines } from '../../../shared/interchange/storyboardCell.js';
import { newElement } from '../../../shared/model/factories.js';
import { handoffDoc } from './handoffDoc.js';

describe('storyboard PDF cell text', () => {
  it('shows tagged elements by name in the title and the prompt', () => {
    const doc = handoffDoc();
    doc.elements.push(
      newElement({ id: 'e1', kind: 'character', name: 'Mara Lee', tag: '@Mara_Lee' }),
      newElement({ id: 'e2', kind: 'character', name: '小明', tag: '@小明' }),
    );
    const shot = doc.shots[0];
    if (!shot) throw new Error('a shot');
    shot.title = '@Mara_Lee at the door';
    shot.prompt = '@小明 knocks;\n@Nobody waits';
    expect(storyboardCellLines(doc, { shot, frames: 48 }, 1).map((l) => l.text)).toEqual([
      '#1  2.00 s  ·  static  ·  Mara Lee at the door',
      '小明 knocks; @Nobody waits',
      'Muybridge',
    ]);
  });
});
