import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComfyGraph, ComfyTemplate } from '../../../../../shared/generation/comfyWorkflow.js';
import {
  comfyFrames,
  comfySeed,
  comfySize,
  fillComfyWorkflow,
  parseComfyGraph,
  parseComfyTemplate,
} from '../../../../../shared/generation/comfyWorkflow.js';
import { loadComfyTemplates } from '../../../../../electron/services/generation/providers/comfyui/templates.js';
import { REPO } from '../../../../helpers/cli.js';

const DIR = join(REPO, 'resources', 'comfyui');
const shipped = loadComfyTemplates(DIR);
const byId = (id: string): ComfyTemplate => {
  const t = shipped.find((x) => x.mapping.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};
const raw = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));
const VALUES = {
  prompt: 'a red fox in snow',
  negativePrompt: 'blurry',
  image: 'storyboard/storyboard-abc.png',
  width: 320,
  height: 160,
  length: 25,
  fps: 24,
  seed: 1234,
};

describe('shipped ComfyUI templates', () => {
  it('are a text-to-video and an image-to-video LTX-Video graph of core nodes (and SDXL keyframe pictures)', () => {
    expect(shipped.map((t) => [t.mapping.id, t.mapping.kind, t.mapping.model])).toEqual([
      ['ltxv-i2v', 'image-to-video', 'ltxv'],
      ['ltxv-t2v', 'text-to-video', 'ltxv'],
      ['sdxl-i2i', 'image-to-image', 'sdxl'],
      ['sdxl-t2i', 'text-to-image', 'sdxl'],
    ]);
    expect(Object.values(byId('sdxl-t2i').graph).map((n) => n.class_type)).toContain('SaveImage');
    const i2i = fillComfyWorkflow(byId('sdxl-i2i'), VALUES);
    expect([i2i['6']?.inputs.text, i2i['10']?.inputs.image, i2i['11']?.inputs.width, i2i['3']?.inputs.seed]).toEqual([
      VALUES.prompt,
      VALUES.image,
      VALUES.width,
      1234,
    ]);
    const classes = Object.values(byId('ltxv-i2v').graph).map((n) => n.class_type);
    expect(classes).toEqual(
      expect.arrayContaining(['LoadImage', 'LTXVImgToVideo', 'SamplerCustom', 'CreateVideo', 'SaveVideo']),
    );
  });

  it.each(['ltxv-t2v', 'ltxv-i2v'])(
    '%s: fill sets every mapped input and leaves the rest of the graph untouched',
    (id) => {
      const t = byId(id);
      const before = JSON.stringify(t.graph);
      const filled = fillComfyWorkflow(t, VALUES);
      expect(JSON.stringify(t.graph)).toBe(before); // the template itself is not mutated
      const stripped = (g: ComfyGraph): ComfyGraph => {
        const copy = JSON.parse(JSON.stringify(g)) as ComfyGraph;
        for (const targets of Object.values(t.mapping.inputs))
          for (const x of targets ?? []) delete copy[x.node]?.inputs[x.input];
        return copy;
      };
      expect(stripped(filled)).toEqual(stripped(t.graph));
      for (const [name, targets] of Object.entries(t.mapping.inputs)) {
        for (const x of targets ?? [])
          expect(filled[x.node]?.inputs[x.input]).toBe(VALUES[name as keyof typeof VALUES]);
      }
      // fps feeds both the conditioning and the video writer
      expect(filled['5']?.inputs.frame_rate).toBe(24);
      expect(filled['11']?.inputs.fps).toBe(24);
      expect(filled['9']?.inputs.noise_seed).toBe(1234);
    },
  );

  it('a value the template maps but the caller lacks is an error naming it', () => {
    const { image: _i, ...noImage } = VALUES;
    expect(() => fillComfyWorkflow(byId('ltxv-i2v'), noImage)).toThrow(/"image"/);
    // the text template does not map an image: extra values are ignored
    expect(fillComfyWorkflow(byId('ltxv-t2v'), noImage)['3']?.inputs.text).toBe('a red fox in snow');
  });
});

describe('parseComfyTemplate', () => {
  const mapping = raw('ltxv-t2v.mapping.json') as Record<string, unknown>;
  const graph = raw('ltxv-t2v.workflow.json');

  it('refuses a mapping to a node the graph lacks, naming the node', () => {
    const bad = { ...mapping, inputs: { ...(mapping.inputs as object), seed: [{ node: '99', input: 'noise_seed' }] } };
    expect(() => parseComfyTemplate(bad, graph, 'x.mapping.json')).toThrow(/"seed" maps to node "99"/);
  });

  it('refuses a mapping to an input the node lacks (a typo is not a silent no-op)', () => {
    const bad = { ...mapping, inputs: { ...(mapping.inputs as object), seed: [{ node: '9', input: 'seed' }] } };
    expect(() => parseComfyTemplate(bad, graph, 'x.mapping.json')).toThrow(
      /input "seed" of node "9" \(SamplerCustom\)/,
    );
  });

  it('requires the prompt, and an image for image-to-video', () => {
    const { prompt: _p, ...rest } = mapping.inputs as Record<string, unknown>;
    expect(() => parseComfyTemplate({ ...mapping, inputs: rest }, graph, 'x')).toThrow(/must map "prompt"/);
    expect(() => parseComfyTemplate({ ...mapping, kind: 'image-to-video' }, graph, 'x')).toThrow(/must map "image"/);
  });

  it('refuses unknown placeholders and malformed mappings with the path', () => {
    expect(() =>
      parseComfyTemplate(
        { ...mapping, inputs: { ...(mapping.inputs as object), steps: [{ node: '7', input: 'steps' }] } },
        graph,
        'x',
      ),
    ).toThrow(/not a valid ComfyUI mapping: inputs/);
    expect(() => parseComfyTemplate({ ...mapping, kind: 'video-to-video' }, graph, 'x')).toThrow(/kind/);
  });

  it('refuses the UI format and empty graphs', () => {
    expect(() => parseComfyGraph({ nodes: [], links: [] }, 'ui.json')).toThrow(
      /node "nodes" has no class_type.*Export \(API\)/,
    );
    expect(() => parseComfyGraph({}, 'empty.json')).toThrow(/no nodes/);
    expect(() => parseComfyGraph([], 'list.json')).toThrow(/not a ComfyUI API-format workflow/);
  });
});

describe('grid helpers', () => {
  const c = byId('ltxv-t2v').mapping.constraints;

  it('frames: the shortest 8k+1 length covering the shot, within the model limits', () => {
    expect(comfyFrames(1, 24, c)).toBe(25); // 24 -> 25
    expect(comfyFrames(2, 24, c)).toBe(49); // 48 -> 49
    expect(comfyFrames(2.1, 24, c)).toBe(57); // 50 -> 57
    expect(comfyFrames(0.1, 24, c)).toBe(9); // minimum
    expect(comfyFrames(60, 24, c)).toBe(257); // maximum
    expect(comfyFrames(3, 10, { ...c, lengthStep: 4, lengthOffset: 1 })).toBe(33); // Wan-like 4k+1
  });

  it('size: rounded down to the multiple, never below one multiple', () => {
    expect(comfySize(720, 480, c)).toEqual({ width: 704, height: 480 });
    expect(comfySize(320, 180, c)).toEqual({ width: 320, height: 160 });
    expect(comfySize(10, 10, c)).toEqual({ width: 32, height: 32 });
  });

  it('seed: the shot seed as an unsigned integer, else one drawn from the random source', () => {
    expect(comfySeed(42, 0.5)).toBe(42);
    expect(comfySeed(-7, 0.5)).toBe(7);
    expect(comfySeed(null, 0.5)).toBe(2 ** 47);
    expect(comfySeed(null, 0)).toBe(0);
  });
});
