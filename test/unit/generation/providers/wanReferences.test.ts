/** Wan reference-to-video pieces that need no server: model choice, capabilities, labels, bodies. */
import { describe, expect, it } from 'vitest';
import { WAN_CAPABILITIES, wanModel } from '../../../../electron/services/generation/providers/wan/models.js';
import { wanCreate } from '../../../../electron/services/generation/providers/wan/create.js';
import { labelPrompt, wanReferences } from '../../../../electron/services/generation/providers/wan/references.js';
import { capabilityProblem, modelCapabilities } from '../../../../shared/generation/capabilities.js';
import type { ReferenceRef } from '../../../../shared/generation/request.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { rejectionOf } from '../../../helpers/errors.js';

const frame = { assetId: 'a', path: FIRST_FRAME };
const ref = (n: number, patch: Partial<ReferenceRef> = {}): ReferenceRef => ({
  assetId: `r${n}`,
  path: FIRST_FRAME,
  kind: 'character',
  ...patch,
});

/** An uploader that records what it was asked to send and answers a predictable oss:// URL. */
function recorder(): { calls: string[]; upload: (path: string, what: string, model: string) => Promise<string> } {
  const calls: string[] = [];
  return {
    calls,
    upload: async (_path, what, model) => {
      calls.push(`${model}: ${what}`);
      return `oss://dir/${calls.length}.png`;
    },
  };
}

describe('Wan r2v model choice and capabilities', () => {
  it('auto: pictures -> 2.7 r2v (with or without a first frame); first + last frame wins over pictures', () => {
    expect(wanModel(genRequest({ references: [ref(1)] }))).toEqual({ id: 'wan2.7-r2v', kind: 'r2v-media' });
    expect(wanModel(genRequest({ references: [ref(1)], firstFrame: frame })).id).toBe('wan2.7-r2v');
    expect(wanModel(genRequest({ references: [ref(1)], firstFrame: frame, lastFrame: frame })).id).toBe('wan2.7-i2v');
    expect(wanModel(genRequest({ references: [] })).id).toBe('wan2.6-t2v');
  });

  it('per model: 5 references, 2.6 r2v 2-10 s without a first frame, 2.7 r2v 2-15 s with one; others take none', () => {
    expect(modelCapabilities(WAN_CAPABILITIES, 'wan2.7-r2v')).toMatchObject({
      referenceImagesMax: 5,
      imageToVideo: true,
      lastFrame: false,
      durations: { kind: 'range', min: 2, max: 15 },
    });
    expect(modelCapabilities(WAN_CAPABILITIES, 'wan2.6-r2v-flash')).toMatchObject({
      referenceImagesMax: 5,
      imageToVideo: false,
      durations: { kind: 'range', min: 2, max: 10 },
    });
    expect(modelCapabilities(WAN_CAPABILITIES, 'auto').referenceImagesMax).toBe(5);
    expect(modelCapabilities(WAN_CAPABILITIES, 'wan2.6-i2v').referenceImagesMax).toBe(0);
    expect(capabilityProblem('Wan', WAN_CAPABILITIES, genRequest({ model: 'wan2.6-r2v', firstFrame: frame }))).toMatch(
      /cannot start from an image/,
    );
    expect(
      capabilityProblem('Wan', WAN_CAPABILITIES, genRequest({ model: 'wan2.7-r2v', references: [ref(1)] })),
    ).toBeNull();
  });
});

describe('Wan prompt labels', () => {
  it('replaces whole-word element names with Image n / 图n / characterN, longest name first', () => {
    const refs = [ref(1, { name: 'Ann' }), ref(2, { name: 'Anna Lee' }), ref(3, { kind: 'style' })];
    expect(labelPrompt('Ann hugs Anna Lee; ANN smiles; Annabel waits', refs, 'media')).toBe(
      'Image 1 hugs Image 2; Image 1 smiles; Annabel waits',
    );
    expect(labelPrompt('Ann hugs Anna Lee', refs, 'legacy')).toBe('character1 hugs character2');
    expect(labelPrompt('小明和Ann在营地', [ref(1, { name: '小明' }), ref(2, { name: 'Ann' })], 'media')).toBe(
      '图1和图2在营地',
    );
    expect(labelPrompt('a quiet camp', refs, 'media')).toBe('a quiet camp');
  });

  it('an element named like a label does not rename labels already placed', () => {
    expect(labelPrompt('Bob meets Image', [ref(1, { name: 'Bob' }), ref(2, { name: 'Image' })], 'media')).toBe(
      'Image 1 meets Image 2',
    );
  });

  it('wan2.6 takes element pictures only; both take at most 5, in order', () => {
    const refs = [ref(1, { kind: 'style' }), ...[2, 3, 4, 5, 6, 7].map((n) => ref(n))];
    expect(wanReferences({ references: refs }, 'legacy').map((r) => r.assetId)).toEqual(['r2', 'r3', 'r4', 'r5', 'r6']);
    expect(wanReferences({ references: refs }, 'media').map((r) => r.assetId)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });
});

describe('Wan r2v bodies', () => {
  it('uploads every picture for the model it will be used with, references first, then the first frame', async () => {
    const r = recorder();
    const c = await wanCreate(
      genRequest({ model: 'wan2.7-r2v', references: [ref(1), ref(2)], firstFrame: frame, prompt: 'p' }),
      r.upload,
    );
    expect(r.calls).toEqual([
      'wan2.7-r2v: Reference picture 1 of shot 1',
      'wan2.7-r2v: Reference picture 2 of shot 1',
      'wan2.7-r2v: The first frame of shot 1',
    ]);
    expect(c.ossResolve).toBe(true);
    expect(c.body.input).toEqual({
      prompt: 'p',
      media: [
        { type: 'reference_image', url: 'oss://dir/1.png' },
        { type: 'reference_image', url: 'oss://dir/2.png' },
        { type: 'first_frame', url: 'oss://dir/3.png' },
      ],
    });
  });

  it('refuses before the first upload; non-r2v bodies need no uploader and no resolve header', async () => {
    const r = recorder();
    const err = await rejectionOf(
      wanCreate(
        genRequest({ model: 'wan2.6-r2v', references: [ref(1)], lastFrame: frame, firstFrame: frame }),
        r.upload,
      ),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(r.calls).toEqual([]);
    const t2v = await wanCreate(genRequest({ references: [ref(1)], model: 'wan2.6-t2v' }));
    expect(t2v.ossResolve).toBe(false);
    expect(t2v.body.input).toEqual({ prompt: genRequest().prompt });
  });
});
