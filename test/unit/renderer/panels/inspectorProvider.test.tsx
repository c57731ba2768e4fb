/**
 * The shot inspector's provider and model come from providers.list (what each provider
 * declares), and the fields a provider can't take say so. Rendered to markup.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import {
  capabilitiesOf,
  capabilityGaps,
  durationGap,
  unsupportedShots,
} from '../../../../renderer/src/panels/generateModel';
import type { ProviderInfo } from '../../../../renderer/src/store/jobs';
import type { Shot } from '../../../../shared/model/entities';
import { fakeApi, makeProvider, makeShot, makeSnapshot, makeStore } from '../fixtures';
import { renderInspector } from './openPanels';

const provider = (id: string, label: string, enabled: boolean, capabilities: Record<string, unknown>): ProviderInfo =>
  makeProvider(id, label, capabilities, { enabled });
const cloud = provider('cloud', 'Cloud Video', true, {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: false,
  durations: { kind: 'set', values: [4, 8] },
  models: [
    { id: 'm1', label: 'Model One' },
    { id: 'm2', label: 'Model Two' },
  ],
});
const comfy = provider('comfy', 'Local Comfy', true, {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  durations: { kind: 'range', min: 1, max: 20 },
});
const off = provider('offcloud', 'Switched Off', false, { textToVideo: true, models: [{ id: 'x', label: 'X' }] });

function inspect(shot: Shot, providers: ProviderInfo[] | null = [cloud, comfy, off]) {
  const { api, calls } = fakeApi({ 'providers.list': () => [cloud] });
  return { html: renderInspector(makeStore(makeSnapshot([shot]), providers), shot.id, api), calls };
}

/** The <select> (or input) with this test id, as markup. */
const control = (html: string, testId: string) => {
  const m = new RegExp(`<(select|input)[^>]*data-testid="${testId}"[^>]*>(.*?</select>)?`).exec(html);
  return m?.[0] ?? '';
};

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('inspector provider and model', () => {
  it('lists enabled providers only, and the chosen provider’s declared models', () => {
    const { html } = inspect(makeShot('a', { provider: 'cloud', model: 'm2' }));
    const providers = control(html, 'detail-provider');
    expect(providers).toContain('Cloud Video');
    expect(providers).toContain('Local Comfy');
    expect(providers).not.toContain('Switched Off');
    const models = control(html, 'detail-model');
    expect(models.startsWith('<select')).toBe(true);
    expect(models).toContain('Model One');
    expect(models).toMatch(/<option value="m2" selected="">Model Two<\/option>/);
  });

  it('falls back to free text for a provider that declares no models', () => {
    const { html } = inspect(makeShot('a', { provider: 'comfy', model: 'ltx-0.9' }));
    const model = control(html, 'detail-model');
    expect(model.startsWith('<input')).toBe(true);
    expect(model).toContain('value="ltx-0.9"');
  });

  it('hints at a last frame the provider can’t take, and at the length it will make', () => {
    const { html } = inspect(makeShot('a', { provider: 'cloud', lastFrameAssetId: 'img', durationFrames: 24 * 5 }));
    expect(html).toContain('data-testid="provider-gaps"');
    expect(html).toContain('Cloud Video can’t end on a given frame');
    expect(html).toContain('Cloud Video will make this shot 8 s long');
    const fine = inspect(makeShot('a', { provider: 'comfy', lastFrameAssetId: 'img', durationFrames: 24 * 5 })).html;
    expect(fine).not.toContain('data-testid="provider-gaps"');
    expect(fine).not.toContain('will make this shot');
  });

  it('keeps a chosen provider that is not enabled visible, with a hint', () => {
    const { html } = inspect(makeShot('a', { provider: 'offcloud' }));
    expect(control(html, 'detail-provider')).toMatch(
      /<option value="offcloud" selected="">Switched Off \(not available\)<\/option>/,
    );
    expect(html).toContain('Switched Off is not enabled here');
  });

  it('the project default is the provider when the shot names none', () => {
    const { html } = inspect(makeShot('a', { lastFrameAssetId: 'img' }), [
      provider('animatic', 'Animatic', true, { textToVideo: true, lastFrame: false }),
    ]);
    expect(control(html, 'detail-provider')).toContain('Project default · Animatic');
    // The provider's name in the UI's language (providerName: providers.animatic), as everywhere.
    expect(html).toContain('Animatic (offline) can’t end on a given frame');
  });
});

describe('capability gaps', () => {
  const caps = capabilitiesOf(cloud)!;
  it('names each field the provider can’t take; the dialog’s unsupported list agrees', () => {
    const shots = [
      makeShot('ok'),
      makeShot('last', { lastFrameAssetId: 'x' }),
      makeShot('both', { firstFrameAssetId: 'f', lastFrameAssetId: 'x' }),
    ];
    expect(shots.map((s) => capabilityGaps(s, caps))).toEqual([[], ['lastFrame'], ['lastFrame']]);
    const textless = capabilitiesOf(provider('i2v', 'I2V', true, { imageToVideo: true }))!;
    expect(capabilityGaps(makeShot('t'), textless)).toEqual(['textOnly']);
    expect(capabilityGaps(makeShot('t', { firstFrameAssetId: 'f' }), capabilitiesOf(comfy))).toEqual([]);
    expect(unsupportedShots(shots, caps).map((s) => s.id)).toEqual(['last', 'both']);
    expect(capabilityGaps(makeShot('x'), null)).toEqual([]);
  });

  it('says which length a provider makes instead, and nothing when it makes the asked one', () => {
    expect(durationGap(caps, 5)).toBe(8);
    expect(durationGap(caps, 4)).toBeNull();
    expect(durationGap(capabilitiesOf(comfy), 30)).toBe(20);
    expect(durationGap(capabilitiesOf(comfy), 3)).toBeNull();
    // A provider that declares no lengths gets no hint.
    expect(durationGap(capabilitiesOf(provider('n', 'N', true, {})), 3)).toBeNull();
  });
});
