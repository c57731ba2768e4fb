/**
 * Models that make video only from reference pictures (capabilities needsReferences) are refused
 * for a shot without them by the shared capability check, the one the runner, the estimate and
 * the UI read — not only by their adapter after the user chose them.
 */
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../../electron/services/generation/providers/index.js';
import { capabilityGap, capabilityProblem, modelCapabilities } from '../../../shared/generation/capabilities.js';
import { FIRST_FRAME, genRequest } from '../../fakes/providerRequest.js';

const frame = { assetId: 'a1', path: FIRST_FRAME };
const refs = [{ assetId: 'e1', path: FIRST_FRAME, kind: 'character' as const, name: 'Mia' }];
const capsOf = (provider: string) => {
  const p = listProviders().find((x) => x.id === provider);
  if (!p) throw new Error(`no provider ${provider}`);
  return p;
};

const REFERENCE_ONLY = [
  ['minimax', 'S2V-01', 'always'],
  ['seedance', 'seedance-1-0-lite-i2v', 'withoutFirstFrame'],
  ['wan', 'wan2.7-r2v', 'always'],
  ['wan', 'wan2.6-r2v', 'always'],
  ['wan', 'wan2.6-r2v-flash', 'always'],
] as const;

describe('needsReferences', () => {
  it.each(REFERENCE_ONLY)('%s %s declares it (%s) and is refused for a text-only shot', (provider, model, how) => {
    const p = capsOf(provider);
    expect(modelCapabilities(p.capabilities, model).needsReferences).toBe(how);
    const text = genRequest({ model });
    expect(capabilityGap(p.capabilities, text)).toBe('capReferences');
    const sentence = capabilityProblem(p.label, p.capabilities, text);
    expect(sentence).toContain(model);
    expect(sentence).toMatch(/no reference pictures.*at least one/);
    expect(capabilityGap(p.capabilities, { ...text, references: refs })).toBeNull();
  });

  it('a first frame stands in for references only where the model makes image-to-video from it', () => {
    const seedance = capsOf('seedance').capabilities;
    expect(capabilityGap(seedance, genRequest({ model: 'seedance-1-0-lite-i2v', firstFrame: frame }))).toBeNull();
    const wan = capsOf('wan').capabilities;
    // Wan 2.7 r2v takes a first frame only beside its reference pictures.
    expect(capabilityGap(wan, genRequest({ model: 'wan2.7-r2v', firstFrame: frame }))).toBe('capReferences');
    expect(capabilityGap(wan, genRequest({ model: 'wan2.7-r2v', firstFrame: frame, references: refs }))).toBeNull();
    // Wan 2.6 r2v and S2V-01 take no first frame at all: that is the image refusal, as before.
    expect(capabilityGap(wan, genRequest({ model: 'wan2.6-r2v', firstFrame: frame, references: refs }))).toBe(
      'capImage',
    );
  });

  it('text-to-video models of the same providers are not affected', () => {
    for (const [provider, model] of [
      ['minimax', 'MiniMax-Hailuo-2.3'],
      ['seedance', 'seedance-2-0'],
      ['wan', 'auto'],
    ] as const) {
      const p = capsOf(provider);
      expect(modelCapabilities(p.capabilities, model).needsReferences).toBeUndefined();
      expect(capabilityGap(p.capabilities, genRequest({ model }))).toBeNull();
    }
  });

  it('only these five models declare it', () => {
    const declared = listProviders().flatMap((p) =>
      p.capabilities.models
        .filter((m) => modelCapabilities(p.capabilities, m.id).needsReferences)
        .map((m) => `${p.id}/${m.id}`),
    );
    expect(declared.sort()).toEqual(REFERENCE_ONLY.map(([p, m]) => `${p}/${m}`).sort());
  });
});
