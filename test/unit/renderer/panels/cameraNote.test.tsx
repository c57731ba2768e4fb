/**
 * The inspector's camera note: shown beside the camera picker when the shot's model ignores
 * camera moves, in en and zh-CN; absent when the model takes them (a field or the prompt).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../../../renderer/src/i18n';
import { useCameraNote } from '../../../../renderer/src/panels/CameraNote';
import { capabilitiesOf } from '../../../../renderer/src/panels/generateModel';
import type { ShotProvider } from '../../../../renderer/src/panels/ShotProviderFields';
import type { ProviderInfo } from '../../../../renderer/src/store/jobs';
import { makeProvider, makeShot } from '../fixtures';

const info = (
  models: { id: string; label: string; capabilities?: Record<string, unknown> }[],
  cameraMoves?: string,
): ProviderInfo =>
  makeProvider('comfyui', 'ComfyUI', {
    textToVideo: true,
    imageToVideo: true,
    lastFrame: false,
    referenceImagesMax: 0,
    durations: { kind: 'range', min: 1, max: 10 },
    models,
    ...(cameraMoves ? { cameraMoves } : {}),
  });
const provider = (p: ProviderInfo): ShotProvider => ({
  providers: [p],
  id: p.id,
  info: p,
  label: p.label,
  caps: capabilitiesOf(p),
});

function Note({ p, model }: { p: ShotProvider; model: string | null }) {
  const note = useCameraNote(makeShot('s1', { model, camera: 'push_in' }), p);
  return <span>{note ?? 'none'}</span>;
}

beforeAll(async () => {
  await initI18n('en');
});

describe('camera note', () => {
  const comfy = provider(
    info([
      { id: 'ltxv', label: 'LTX-Video', capabilities: { cameraMoves: 'ignored' } },
      { id: 'wan-cam', label: 'Wan camera LoRA', capabilities: { cameraMoves: 'field' } },
    ]),
  );

  it('names the provider when the model ignores camera moves, and is absent when the model takes them', async () => {
    await i18next.changeLanguage('en');
    expect(renderToStaticMarkup(<Note p={comfy} model="ltxv" />)).toContain(
      'This model ignores camera moves: ComfyUI makes the shot without one.',
    );
    expect(renderToStaticMarkup(<Note p={comfy} model="wan-cam" />)).toContain('none');
    expect(renderToStaticMarkup(<Note p={provider(info([], 'prompt'))} model={null} />)).toContain('none');
  });

  it('is translated', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(<Note p={comfy} model="ltxv" />)).toContain('此模型不支持镜头运动');
    await i18next.changeLanguage('en');
  });
});
