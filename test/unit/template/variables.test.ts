/** The one template resolver (shared/template/variables.ts): text, titles, dialogue, first frames. */
import { describe, expect, it } from 'vitest';
import { newShot } from '../../../shared/model/factories.js';
import type { DialogueLine } from '../../../shared/model/dialogue.js';
import {
  referencedNames,
  resolvedOrRefused,
  resolveTemplate,
  resolveText,
  type TemplateVariable,
} from '../../../shared/template/variables.js';

const text = (name: string, value: string): TemplateVariable => ({
  name,
  kind: 'text',
  value,
  assetId: null,
  firstFrameShotIds: [],
});
const picture = (name: string, assetId: string | null, shots: string[]): TemplateVariable => ({
  name,
  kind: 'picture',
  value: '',
  assetId,
  firstFrameShotIds: shots,
});
const line = (id: string, shotId: string, t: string, translation = ''): DialogueLine => ({
  id,
  shotId,
  position: 0,
  speakerId: null,
  text: t,
  language: 'en',
  offsetFrames: null,
  translation,
  voiceItemId: null,
  voiceKey: null,
});

describe('template resolver', () => {
  it('finds references with inner spaces, once each, in order', () => {
    expect(referencedNames('{{ product }} at {{price}} — {{product}}! {{ 1bad }} {single}')).toEqual([
      'product',
      'price',
    ]);
  });

  it('replaces values and lists the missing ones (unknown, empty, a picture slot has no text)', () => {
    const values = new Map([
      ['product', 'Lumo 2'],
      ['price', ''],
    ]);
    expect(resolveText('{{product}} for {{price}} {{tagline}}', values)).toEqual({
      text: 'Lumo 2 for {{price}} {{tagline}}',
      missing: ['price', 'tagline'],
    });
    // A value that itself looks like a reference is not expanded again.
    expect(resolveText('{{a}}', new Map([['a', '{{b}}']])).text).toBe('{{b}}');
  });

  it('resolves prompts, titles, dialogue and first-frame slots, and lists what is missing by shot', () => {
    const s1 = { ...newShot({ id: 's1', position: 0 }), prompt: 'Packshot of {{product}}', title: '{{product}}' };
    const s2 = {
      ...newShot({ id: 's2', position: 1 }),
      prompt: '{{tagline}} only {{price}}',
      firstFrameAssetId: 'old',
    };
    const vars = [
      text('product', 'Lumo 2'),
      text('tagline', 'Light that follows'),
      text('price', ''),
      picture('packshot', 'img-a', ['s1']),
    ];
    const r = resolveTemplate({
      shots: [s1, s2],
      dialogueLines: [line('l1', 's2', 'Get {{product}} now', '立即购买 {{product}}'), line('l2', 's2', 'Say {{cta}}')],
      templateVariables: vars,
    });
    expect(r.shots[0]).toMatchObject({ prompt: 'Packshot of Lumo 2', title: 'Lumo 2', firstFrameAssetId: 'img-a' });
    expect(r.shots[1]).toMatchObject({ prompt: 'Light that follows only {{price}}', firstFrameAssetId: 'old' });
    expect(r.dialogueLines[0]).toMatchObject({ text: 'Get Lumo 2 now', translation: '立即购买 Lumo 2' });
    expect(r.unresolved).toEqual([
      { shotId: 's2', shotNumber: 2, field: 'prompt', variable: 'price' },
      { shotId: 's2', shotNumber: 2, field: 'dialogue', variable: 'cta' },
    ]);
    // An empty picture slot is unresolved for the shot that starts on it.
    const empty = resolveTemplate({
      shots: [s1],
      templateVariables: [text('product', 'x'), picture('packshot', null, ['s1'])],
    });
    expect(empty.unresolved).toEqual([{ shotId: 's1', shotNumber: 1, field: 'firstFrame', variable: 'packshot' }]);
    expect(empty.shots[0]?.firstFrameAssetId).toBeNull();
  });

  it('refuses export with the list; voicing only for the lines', () => {
    const s1 = { ...newShot({ id: 's1', position: 0 }), prompt: '{{price}}' };
    const doc = {
      shots: [s1],
      dialogueLines: [line('l1', 's1', 'hi {{name}}')],
      templateVariables: [text('price', '')],
    };
    expect(() => resolvedOrRefused(doc, 'export')).toThrow(
      /block export: shot 1 prompt: \{\{price\}\} has no value; shot 1 dialogue: \{\{name\}\} has no value/,
    );
    expect(() => resolvedOrRefused(doc, 'voicing')).toThrow(/block voicing: shot 1 dialogue: \{\{name\}\}/);
    const ok = resolvedOrRefused({ ...doc, dialogueLines: [line('l1', 's1', 'hi')] }, 'voicing');
    expect(ok.dialogueLines[0]?.text).toBe('hi');
    // No variables at all: the document as it is (a literal {{x}} in an old project is left alone).
    const plain = { shots: [s1], dialogueLines: [] };
    expect(resolvedOrRefused(plain, 'export')).toBe(plain);
  });
});
