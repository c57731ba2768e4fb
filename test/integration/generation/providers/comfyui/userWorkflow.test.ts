/**
 * A user's own workflow (resources/comfyui/README.md): a Wan 2.x image-to-video graph saving
 * through VideoHelperSuite, mapped with its own grid (16 px, 4k+1 frames), used for shots of
 * its model. A broken file beside it is reported, and does not hide the good ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShots } from '../../../../../electron/services/generation/jobs.js';
import { createComfyUIProvider } from '../../../../../electron/services/generation/providers/comfyui.js';
import type { FakeComfy } from '../../../../fakes/comfyui.js';
import { startFakeComfy } from '../../../../fakes/comfyui.js';
import { countVideoFrames, ffprobeJson } from '../../../../helpers/ffprobe.js';
import { tempDir } from '../../../../helpers/tmp.js';
import { comfyProject, FIRST_FRAME } from './setup.js';

const root = tempDir();
let fake: FakeComfy;
beforeAll(async () => {
  fake = await startFakeComfy();
});
afterAll(() => fake.close());

const WAN = {
  '37': {
    class_type: 'UNETLoader',
    inputs: { unet_name: 'wan2.1_i2v_480p_14B_fp16.safetensors', weight_dtype: 'default' },
  },
  '38': {
    class_type: 'CLIPLoader',
    inputs: { clip_name: 'umt5_xxl_fp8_e4m3fn_scaled.safetensors', type: 'wan', device: 'default' },
  },
  '39': { class_type: 'VAELoader', inputs: { vae_name: 'wan_2.1_vae.safetensors' } },
  '49': { class_type: 'CLIPVisionLoader', inputs: { clip_name: 'clip_vision_h.safetensors' } },
  '52': { class_type: 'LoadImage', inputs: { image: 'example.png' } },
  '51': { class_type: 'CLIPVisionEncode', inputs: { clip_vision: ['49', 0], image: ['52', 0], crop: 'none' } },
  '6': { class_type: 'CLIPTextEncode', inputs: { text: '', clip: ['38', 0] } },
  '7': { class_type: 'CLIPTextEncode', inputs: { text: '色调艳丽，过曝，静态，细节模糊不清', clip: ['38', 0] } },
  '50': {
    class_type: 'WanImageToVideo',
    inputs: {
      positive: ['6', 0],
      negative: ['7', 0],
      vae: ['39', 0],
      clip_vision_output: ['51', 0],
      start_image: ['52', 0],
      width: 512,
      height: 512,
      length: 33,
      batch_size: 1,
    },
  },
  '54': { class_type: 'ModelSamplingSD3', inputs: { model: ['37', 0], shift: 8 } },
  '3': {
    class_type: 'KSampler',
    inputs: {
      model: ['54', 0],
      seed: 0,
      steps: 20,
      cfg: 6,
      sampler_name: 'uni_pc',
      scheduler: 'simple',
      positive: ['50', 0],
      negative: ['50', 1],
      latent_image: ['50', 2],
      denoise: 1,
    },
  },
  '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['39', 0] } },
  '28': {
    class_type: 'VHS_VideoCombine',
    inputs: {
      images: ['8', 0],
      frame_rate: 16,
      loop_count: 0,
      filename_prefix: 'wan/i2v',
      format: 'video/h264-mp4',
      pix_fmt: 'yuv420p',
      crf: 19,
      save_metadata: true,
      pingpong: false,
      save_output: true,
    },
  },
};
const MAPPING = {
  id: 'wan-i2v',
  label: 'Wan 2.1 image to video',
  kind: 'image-to-video',
  model: 'wan21',
  modelLabel: 'Wan 2.1 14B 480p',
  workflow: 'wan-i2v.workflow.json',
  inputs: {
    prompt: [{ node: '6', input: 'text' }],
    image: [{ node: '52', input: 'image' }],
    width: [{ node: '50', input: 'width' }],
    height: [{ node: '50', input: 'height' }],
    length: [{ node: '50', input: 'length' }],
    fps: [{ node: '28', input: 'frame_rate' }],
    seed: [{ node: '3', input: 'seed' }],
  },
  constraints: { sizeMultiple: 16, lengthStep: 4, lengthOffset: 1, minFrames: 5, maxFrames: 81, minSec: 1, maxSec: 5 },
};

describe('user ComfyUI workflows', () => {
  it('are loaded beside the shipped ones, offered as a model, and used for its shots', async () => {
    const dir = join(root, 'my workflows 工作流');
    mkdirSync(dir);
    writeFileSync(join(dir, 'wan-i2v.workflow.json'), JSON.stringify(WAN));
    writeFileSync(join(dir, 'wan-i2v.mapping.json'), JSON.stringify(MAPPING));
    writeFileSync(join(dir, 'broken.mapping.json'), '{ "id": "broken", ');
    const comfy = createComfyUIProvider({
      userWorkflowsDir: dir,
      liveProgress: false,
      pollPolicy: { initialMs: 40, maxMs: 200, factor: 1.5 },
    });
    expect(comfy.capabilities.models.map((m) => m.id)).toEqual(['ltxv', 'wan21']);
    expect(comfy.templateProblems).toHaveLength(1);
    expect(comfy.templateProblems[0]).toMatch(/broken\.mapping\.json is not valid JSON/);

    const p = comfyProject(root, fake.url);
    const deps = { ...p.deps, getProvider: () => comfy };
    const frame = await p.store.importFile(FIRST_FRAME, 'imported');
    p.store.addShot({
      id: 'w',
      prompt: 'tents under stars',
      firstFrameAssetId: frame.id,
      durationFrames: 24,
      model: 'wan21',
    });
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = p.store.getJob(jobIds[0] as string);
    expect(job.state).toBe('succeeded');
    const sent = fake.history.get(job.taskId as string)?.prompt[2];
    expect(sent?.['50']?.inputs).toMatchObject({ width: 320, height: 176, length: 25 }); // 16 px grid, 4k+1 frames
    expect(sent?.['28']?.inputs.frame_rate).toBe(24);
    expect(sent?.['7']?.inputs.text).toBe(WAN['7'].inputs.text); // unmapped: untouched
    const path = p.store.absPath(p.store.getAsset(job.resultAssetId as string).path);
    expect(ffprobeJson(path).streams[0]).toMatchObject({ width: 320, height: 176 });
    expect(countVideoFrames(path)).toBe(25);
  });

  it('a shot asking for a model no template serves is refused with the models there are', async () => {
    const p = comfyProject(root, fake.url);
    p.store.addShot({ id: 'x', prompt: 'anything', durationFrames: 12, model: 'veo-3.1' });
    const before = fake.creates;
    const { jobIds } = await generateShots(p.deps, { providerId: 'comfyui' });
    const job = p.store.getJob(jobIds[0] as string);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/no text-to-video workflow for model "veo-3\.1"\. Available models: ltxv/);
    expect(fake.creates).toBe(before);
  });
});
