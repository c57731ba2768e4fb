/**
 * A model that makes video only from reference pictures: the inspector and the Generate dialog
 * say why a shot without element or style pictures cannot run, by the services' rule.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import { en, flattenTree, zhCN } from '../../../../renderer/src/i18n/resources';
import {
  capabilitiesOf,
  capabilityGaps,
  hasReferencePictures,
  shotsWithoutReferences,
  unsupportedShots,
} from '../../../../renderer/src/panels/generateModel';
import { resetJobsUi } from '../../../../renderer/src/store/jobsUi';
import { resetEditorUi } from '../../../../renderer/src/store/uiEditor';
import { newElement } from '../../../../shared/model/factories';
import type { ProjectSnapshot, Shot } from '../../../../shared/model/entities';
import { fakeApi, makeProvider, makeShot, makeSnapshot, makeStore, makeTake, withFirstModel } from '../fixtures';
import { renderGenerateDialog, renderInspector } from './openPanels';

const r2v = makeProvider('wan', 'Wan', {
  textToVideo: true,
  imageToVideo: false,
  referenceImagesMax: 5,
  durations: { kind: 'range', min: 2, max: 10 },
  models: [
    { id: 'auto', label: 'Auto' },
    { id: 'r2v', label: 'Wan 2.6 r2v', capabilities: { needsReferences: 'always' } },
    { id: 'lite', label: 'Lite i2v', capabilities: { imageToVideo: true, needsReferences: 'withoutFirstFrame' } },
  ],
});
const mia = newElement({ id: 'e1', kind: 'character', name: 'Mia', tag: '@mia', refAssetIds: ['pic'] });
const bare = newElement({ id: 'e2', kind: 'prop', name: 'Cup', tag: '@cup' });

function snap(shots: Shot[], over: Partial<ProjectSnapshot> = {}): ProjectSnapshot {
  return makeSnapshot(shots, { elements: [mia, bare], ...over });
}

function inspect(shot: Shot): string {
  const { api } = fakeApi({ 'providers.list': () => [r2v] });
  return renderInspector(makeStore(snap([shot]), [r2v]), shot.id, api);
}

/** The Generate dialog over `shots`, all chosen, on Wan with `first` as its first (default) model. */
function generateDialog(shots: Shot[], first: string): string {
  const store = makeStore(snap(shots), [withFirstModel(r2v, first)]);
  return renderGenerateDialog(store, { picked: shots.map((x) => x.id), scope: 'selected' });
}

afterEach(() => {
  vi.restoreAllMocks();
  resetJobsUi();
  resetEditorUi();
});

describe('reference pictures a model needs', () => {
  const provider = capabilitiesOf(r2v)!;
  it('reads needsReferences from providers.list', () => {
    expect(capabilitiesOf(makeProvider('x', 'X', { needsReferences: 'always' }))?.needsReferences).toBe('always');
    expect(capabilitiesOf(makeProvider('x', 'X', { needsReferences: 'sometimes' }))?.needsReferences).toBeUndefined();
  });

  it('a shot has pictures through an element with pictures or a style reference, not on its own keyframe', () => {
    const s = snap([]);
    expect(hasReferencePictures(makeShot('a'), s)).toBe(false);
    expect(hasReferencePictures(makeShot('a', { elementIds: ['e2'] }), s)).toBe(false);
    expect(hasReferencePictures(makeShot('a', { elementIds: ['e1'] }), s)).toBe(true);
    expect(hasReferencePictures(makeShot('a', { prompt: '@mia waves' }), s)).toBe(true);
    const styled = snap([], { project: { ...s.project, styleRefAssetIds: ['style'] } });
    expect(hasReferencePictures(makeShot('a'), styled)).toBe(true);
    // Keyframe-first: the plan sends no references beside the shot's own keyframe.
    const take = { ...makeTake('k', 'a'), kind: 'image' as const, assetId: 'kf' };
    const onKey = makeShot('a', { elementIds: ['e1'], firstFrameAssetId: 'kf' });
    expect(hasReferencePictures(onKey, snap([onKey], { takes: [take] }))).toBe(false);
  });

  it('names the gap for a reference-only model and not for its text model', () => {
    const caps = (model: string) => ({ ...provider, ...provider.models.find((m) => m.id === model)?.capabilities });
    expect(capabilityGaps(makeShot('a'), caps('r2v'))).toEqual(['needsReferences']);
    expect(capabilityGaps(makeShot('a'), caps('r2v'), false, false, true)).toEqual([]);
    expect(capabilityGaps(makeShot('a'), caps('auto'))).toEqual([]);
    expect(capabilityGaps(makeShot('a'), caps('lite'))).toEqual(['needsReferences']);
    expect(capabilityGaps(makeShot('a', { firstFrameAssetId: 'f' }), caps('lite'))).toEqual([]);
    const shots = [makeShot('with', { elementIds: ['e1'] }), makeShot('without')];
    const s = snap(shots);
    expect(shotsWithoutReferences(shots, caps('r2v'), s).map((x) => x.id)).toEqual(['without']);
    expect(shotsWithoutReferences(shots, caps('auto'), s)).toEqual([]);
    const has = (x: Shot) => hasReferencePictures(x, s);
    expect(unsupportedShots(shots, caps('r2v'), [], false, has).map((x) => x.id)).toEqual(['without']);
  });

  it.each(['en', 'zh-CN'] as const)('the inspector says why in %s, naming the model', async (lang) => {
    await initI18n(lang);
    const html = inspect(makeShot('a', { provider: 'wan', model: 'r2v' }));
    expect(html).toContain('data-testid="provider-gaps"');
    expect(html).toContain('Wan 2.6 r2v');
    expect(html).toContain(lang === 'en' ? 'at least one picture of an element' : '至少一张元素图片');
    const fine = inspect(makeShot('a', { provider: 'wan', model: 'r2v', elementIds: ['e1'] }));
    expect(fine).not.toContain('data-testid="provider-gaps"');
  });

  it('the line exists in en and zh-CN, singular and plural, naming the count and the model', () => {
    for (const tree of [flattenTree(en), flattenTree(zhCN)]) {
      for (const form of ['referencesNeeded.dialog_one', 'referencesNeeded.dialog_other']) {
        expect(tree.get(form), form).toMatch(/\{\{count\}\}[^]*\{\{model\}\}/);
      }
    }
  });

  it.each(['en', 'zh-CN'] as const)(
    'the Generate dialog counts the chosen shots without pictures in %s, naming the default model',
    async (lang) => {
      await initI18n(lang);
      const shots = [makeShot('a'), makeShot('b'), makeShot('c', { elementIds: ['e1'] })];
      const html = generateDialog(shots, 'r2v');
      const line = /data-testid="gen-needs-references">([^<]*)</.exec(html)?.[1];
      expect(line).toBe(
        lang === 'en'
          ? '2 shots have no reference pictures, and Wan 2.6 r2v needs at least one picture of an element to make a video.'
          : '2 个镜头没有参考图，而 Wan 2.6 r2v 需要至少一张元素图片才能生成视频。',
      );
      // One shot: the singular sentence.
      expect(generateDialog([makeShot('a')], 'r2v')).toContain(
        lang === 'en' ? '1 shot has no reference pictures' : '1 个镜头没有参考图',
      );
      // Every shot with pictures, or a model that needs none: no line.
      expect(generateDialog([shots[2]!], 'r2v')).not.toContain('gen-needs-references');
      expect(generateDialog(shots, 'auto')).not.toContain('gen-needs-references');
    },
  );
});
