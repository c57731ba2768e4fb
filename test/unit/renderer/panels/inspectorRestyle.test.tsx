/**
 * A model that only restyles clips (Runway Aleph 2, Kling Edit, Gen-4 Aleph: capabilities
 * videoInput 'required') asks for the shot's clip, not a first frame: the inspector says it
 * restyles the shot's clip when the shot has one (the picked take, else the latest), says the
 * shot needs a clip when it has none, and the Generate dialog's unsupported list agrees. en + zh-CN.
 */
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import { capabilitiesOf, unsupportedShots } from '../../../../renderer/src/panels/generateModel';
import type { ProviderInfo } from '../../../../renderer/src/store/jobs';
import { modelCapabilities } from '../../../../shared/generation/capabilities';
import { restyleClip } from '../../../../shared/generation/restyleClip';
import type { Shot, Take } from '../../../../shared/model/entities';
import { fakeApi, makeProvider, makeShot, makeSnapshot, makeStore, makeTake } from '../fixtures';
import { renderInspector } from './openPanels';

// What Runway declares: gen4.5 generates, aleph2 only edits a clip (its first frame is a keyframe).
const runway: ProviderInfo = makeProvider('runway', 'Runway', {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: false,
  durations: { kind: 'range', min: 2, max: 10 },
  models: [
    { id: 'gen4.5', label: 'Gen-4.5' },
    {
      id: 'aleph2',
      label: 'Aleph 2',
      capabilities: {
        textToVideo: false,
        imageToVideo: true,
        lastFrame: true,
        videoInput: 'required',
        durations: { kind: 'range', min: 1, max: 30 },
      },
    },
  ],
});

function inspect(shot: Shot, takes: Take[]): string {
  const { api } = fakeApi({ 'providers.list': () => [runway] });
  return renderInspector(makeStore(makeSnapshot([shot], { takes }), [runway]), shot.id, api);
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'");

beforeAll(async () => {
  await initI18n('en');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await i18next.changeLanguage('en');
});

describe('inspector: a clip-editing model', () => {
  const shot = makeShot('s1', { provider: 'runway', model: 'aleph2', firstFrameAssetId: null });

  it('on a shot with a clip: restyles this shot’s clip, no first-frame warning, no length hint', () => {
    const html = text(inspect(shot, [makeTake('t1', 's1')]));
    expect(html).toContain("Runway restyles this shot's clip");
    expect(html).not.toMatch(/needs a first frame/);
    expect(html).not.toMatch(/will make this shot/);
  });

  it('on a shot without a clip: says the shot needs one (not a first frame)', () => {
    const html = text(inspect(shot, []));
    expect(html).toMatch(/Runway restyles this shot's clip, and the shot has none yet/);
    expect(html).not.toMatch(/needs a first frame/);
    expect(html).not.toContain('data-testid="restyle-note"');
  });

  it('in Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(text(inspect(shot, [makeTake('t1', 's1')]))).toContain('Runway 会重绘此镜头的素材');
    expect(text(inspect(shot, []))).toContain('此镜头还没有素材');
  });

  it('the generating model of the same provider still asks for nothing', () => {
    const html = text(inspect({ ...shot, model: 'gen4.5' }, []));
    expect(html).not.toMatch(/restyles/);
  });
});

describe('the Generate dialog and the services pick the same clip', () => {
  it('a shot with a clip is supported; one without is not', () => {
    const caps = modelCapabilities(capabilitiesOf(runway)!, 'aleph2');
    const a = makeShot('a');
    const b = makeShot('b');
    expect(unsupportedShots([a, b], caps, [makeTake('t1', 'a')]).map((s) => s.id)).toEqual(['b']);
  });

  it('restyles the picked take, else the latest clip; a keyframe picture is no clip', () => {
    const takes = [makeTake('t1', 'a'), makeTake('t2', 'a'), { ...makeTake('k1', 'a'), kind: 'image' as const }];
    expect(restyleClip(takes, { id: 'a', selectedTakeId: 't1' })?.id).toBe('t1');
    expect(restyleClip(takes, { id: 'a', selectedTakeId: null })?.id).toBe('t2');
    expect(restyleClip(takes, { id: 'a', selectedTakeId: 'k1' })?.id).toBe('t2');
    expect(restyleClip([takes[2]!], { id: 'a', selectedTakeId: 'k1' })).toBeUndefined();
  });
});
