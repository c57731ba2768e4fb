/**
 * "Generate a new clip" or "restyle this shot's clip": the Generate dialog offers the choice on a
 * model that does both (Replicate's Kling 3.0 Omni, videoInput 'optional') for chosen shots, never
 * for a model that only generates or only edits; the batch it sends carries the choice, and the
 * shots without a clip are counted as unsupported by the plan's own rule (restyleClip.ts). en + zh-CN.
 */
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import { batchFor, capabilitiesOf, unsupportedShots } from '../../../../renderer/src/panels/generateModel';
import type { ProviderInfo } from '../../../../renderer/src/store/jobs';
import { resetJobsUi, type GenerateScope } from '../../../../renderer/src/store/jobsUi';
import { resetEditorUi } from '../../../../renderer/src/store/uiEditor';
import { modelCapabilities } from '../../../../shared/generation/capabilities';
import { offersRestyleChoice, restyles } from '../../../../shared/generation/restyleClip';
import { makeShot, makeSnapshot, makeStore, makeTake, withFirstModel } from '../fixtures';
import { renderGenerateDialog } from './openPanels';

// What Replicate declares (trimmed): Kling Omni generates and edits, Aleph only edits, Veo only generates.
const replicate: ProviderInfo = {
  id: 'replicate',
  label: 'Replicate',
  offline: false,
  enabled: true,
  hasKey: true,
  canTest: true,
  capabilities: {
    textToVideo: true,
    imageToVideo: true,
    lastFrame: true,
    durations: { kind: 'range', min: 3, max: 15 },
    models: [
      { id: 'google/veo-3.1', label: 'Veo 3.1' },
      {
        id: 'kwaivgi/kling-v3-omni-video',
        label: 'Kling 3.0 Omni',
        capabilities: { videoInput: 'optional', durations: { kind: 'range', min: 3, max: 15 } },
      },
      {
        id: 'runwayml/gen4-aleph',
        label: 'Gen-4 Aleph',
        capabilities: { videoInput: 'required', textToVideo: false, durations: { kind: 'range', min: 5, max: 5 } },
      },
    ],
  },
};
const OMNI = 'kwaivgi/kling-v3-omni-video';

function dialog(model: string, scope: GenerateScope = 'selected'): string {
  const snapshot = makeSnapshot([makeShot('a'), makeShot('b')], { takes: [makeTake('t1', 'a')] });
  // The dialog starts on the provider's default model (its first): put `model` first.
  const store = makeStore(snapshot, [withFirstModel(replicate, model)]);
  return renderGenerateDialog(store, { picked: ['a', 'b'], scope });
}

beforeAll(async () => {
  await initI18n('en');
});
afterEach(async () => {
  vi.restoreAllMocks();
  resetJobsUi();
  resetEditorUi();
  await i18next.changeLanguage('en');
});

describe('the restyle rule shared by the plan and the dialog', () => {
  it('restyles when asked, or always on an edit-only model (not for an extension); offers the choice only on a model that does both', () => {
    expect(restyles('optional', false)).toBe(false);
    expect(restyles('optional', true)).toBe(true);
    expect(restyles('required', false)).toBe(true);
    expect(restyles('required', false, true)).toBe(false);
    expect(restyles(undefined, true)).toBe(true); // asked on a model that edits no video: the plan refuses it (capVideo)
    expect([offersRestyleChoice('optional'), offersRestyleChoice('required'), offersRestyleChoice(undefined)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('the batch carries the choice for chosen shots only; shots without a clip are unsupported when restyling', () => {
    const choice = { provider: 'replicate', model: OMNI, variations: 1, seed: 'new' as const, restyle: true };
    expect(batchFor({ ...choice, scope: 'selected' }, ['a', 'b'])).toEqual({
      provider: 'replicate',
      model: OMNI,
      variations: 1,
      shotIds: ['a', 'b'],
      restyle: true,
    });
    expect(batchFor({ ...choice, scope: 'missing' }, ['a'])).not.toHaveProperty('restyle');
    const caps = modelCapabilities(capabilitiesOf(replicate)!, OMNI);
    const shots = [makeShot('a'), makeShot('b')];
    const takes = [makeTake('t1', 'a')];
    expect(unsupportedShots(shots, caps, takes, false)).toEqual([]);
    expect(unsupportedShots(shots, caps, takes, true).map((s) => s.id)).toEqual(['b']);
  });
});

describe('the Generate dialog', () => {
  it('offers "generate a new clip" / "restyle this shot\'s clip" on Kling 3.0 Omni, new clip first', () => {
    const html = dialog(OMNI);
    expect(html).toContain('data-testid="gen-restyle"');
    expect(html).toContain('Generate a new clip');
    expect(html).toContain('Restyle this shot&#x27;s clip');
    expect(html).toMatch(/<input type="radio" data-testid="gen-restyle-new"[^>]*checked=""/);
    expect(html).not.toMatch(/data-testid="gen-restyle-clip"[^>]*checked=""/);
  });

  it('does not offer it on a model that only generates or only edits, nor for shots without a take', () => {
    expect(dialog('google/veo-3.1')).not.toContain('gen-restyle');
    expect(dialog('runwayml/gen4-aleph')).not.toContain('gen-restyle');
    expect(dialog(OMNI, 'missing')).not.toContain('gen-restyle');
  });

  it('speaks zh-CN', async () => {
    await i18next.changeLanguage('zh-CN');
    const html = dialog(OMNI);
    expect(html).toContain('生成新素材');
    expect(html).toContain('重绘此镜头的素材');
  });
});
