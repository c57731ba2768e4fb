/**
 * How the real ComfyUI answers a bad POST /prompt (server.py post_prompt + execution.py
 * validate_prompt at Comfy-Org/ComfyUI@a125cd8): 400 `{error:{type,message,details,extra_info},
 * node_errors}`. The fake checks the same things a real server checks first: the graph's shape,
 * known node classes, links to existing nodes, an output node, and LoadImage files that exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ComfyErrorBody {
  error: { type: string; message: string; details: string; extra_info: Record<string, unknown> };
  node_errors: Record<
    string,
    {
      errors: { type: string; message: string; details: string; extra_info: Record<string, unknown> }[];
      dependent_outputs: string[];
      class_type: string;
    }
  >;
}

export type FakeGraph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

/** Node classes the fake "has installed" (core nodes of the shipped LTX-Video/Wan examples + VHS). */
/** The node types that write an output (object_info's `output_node`); the last of the known nodes. */
const OUTPUT_NODE_TYPES = [
  'SaveVideo',
  'SaveWEBM',
  'SaveAnimatedWEBP',
  'SaveImage',
  'PreviewImage',
  'VHS_VideoCombine',
] as const;
export const KNOWN_NODES = [
  'CheckpointLoaderSimple',
  'CLIPLoader',
  'CLIPTextEncode',
  'LTXVConditioning',
  'EmptyLTXVLatentVideo',
  'LTXVImgToVideo',
  'LTXVPreprocess',
  'LTXVScheduler',
  'KSamplerSelect',
  'SamplerCustom',
  'SamplerCustomAdvanced',
  'RandomNoise',
  'CFGGuider',
  'BasicScheduler',
  'KSampler',
  'VAEDecode',
  'VAELoader',
  'UNETLoader',
  'CLIPVisionLoader',
  'CLIPVisionEncode',
  'WanImageToVideo',
  'EmptyHunyuanLatentVideo',
  'ModelSamplingSD3',
  'LoadImage',
  'EmptyLatentImage',
  'VAEEncode',
  'ImageScale',
  'CreateVideo',
  ...OUTPUT_NODE_TYPES,
] as const;
export const OUTPUT_NODES = new Set<string>(OUTPUT_NODE_TYPES);

function fail(
  type: string,
  message: string,
  details = '',
  nodeErrors: ComfyErrorBody['node_errors'] = {},
): ComfyErrorBody {
  return { error: { type, message, details, extra_info: {} }, node_errors: nodeErrors };
}

const isLink = (v: unknown): v is [string, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';

/** null when the graph would be queued, else the 400 body. `inputDir` holds uploaded images. */
export function validatePrompt(body: unknown, inputDir: string): ComfyErrorBody | null {
  const prompt = (body as { prompt?: unknown } | null)?.prompt;
  if (prompt === undefined || prompt === null) return fail('no_prompt', 'No prompt provided', 'No prompt provided');
  if (typeof prompt !== 'object' || Array.isArray(prompt))
    return fail('invalid_prompt', 'Invalid prompt: the prompt must be an object of nodes');
  const graph = prompt as Record<string, Partial<FakeGraph[string]> | null>;
  for (const [id, node] of Object.entries(graph)) {
    if (!node || typeof node.class_type !== 'string') {
      return fail(
        'invalid_prompt',
        'Cannot execute because a node is missing the class_type property.',
        `Node ID '#${id}'`,
      );
    }
    if (!(KNOWN_NODES as readonly string[]).includes(node.class_type)) {
      return fail(
        'missing_node_type',
        `Node '${node.class_type}' not found. The custom node may not be installed.`,
        `Node ID '#${id}'`,
      );
    }
  }
  const outputs = Object.entries(graph)
    .filter(([, n]) => OUTPUT_NODES.has(n?.class_type ?? ''))
    .map(([id]) => id);
  if (outputs.length === 0) return fail('prompt_no_outputs', 'Prompt has no outputs', '');
  const nodeErrors: ComfyErrorBody['node_errors'] = {};
  for (const [id, node] of Object.entries(graph) as [string, FakeGraph[string]][]) {
    const errors: ComfyErrorBody['node_errors'][string]['errors'] = [];
    for (const [name, value] of Object.entries(node.inputs ?? {})) {
      if (isLink(value) && !graph[value[0]]) {
        errors.push({
          type: 'bad_linked_input',
          message: 'Bad linked input, must be a length-2 list of [string, int]',
          details: `${name}: node ${value[0]} does not exist`,
          extra_info: { input_name: name },
        });
      }
    }
    if (node.class_type === 'LoadImage') {
      const image = node.inputs.image;
      if (typeof image !== 'string' || !existsSync(join(inputDir, ...image.split('/')))) {
        errors.push({
          type: 'custom_validation_failed',
          message: 'Custom validation failed for node',
          details: `image - Invalid image file: ${String(image)}`,
          extra_info: { input_name: 'image' },
        });
      }
    }
    if (errors.length) nodeErrors[id] = { errors, dependent_outputs: outputs, class_type: node.class_type };
  }
  if (Object.keys(nodeErrors).length)
    return fail('prompt_outputs_failed_validation', 'Prompt outputs failed validation', '', nodeErrors);
  return null;
}

/** The "reject" mode: what a missing model file looks like (value_not_in_list on a loader). */
export function modelMissing(graph: FakeGraph): ComfyErrorBody {
  const entry = Object.entries(graph).find(([, n]) => 'ckpt_name' in (n.inputs ?? {})) ?? Object.entries(graph)[0];
  const [id, node] = entry ?? ['1', { class_type: 'CheckpointLoaderSimple', inputs: {} }];
  const value = String(node.inputs?.ckpt_name ?? '');
  const outputs = Object.entries(graph)
    .filter(([, n]) => OUTPUT_NODES.has(n.class_type))
    .map(([k]) => k);
  return fail('prompt_outputs_failed_validation', 'Prompt outputs failed validation', '', {
    [id]: {
      errors: [
        {
          type: 'value_not_in_list',
          message: 'Value not in list',
          details: `ckpt_name: '${value}' not in []`,
          extra_info: { input_name: 'ckpt_name', received_value: value },
        },
      ],
      dependent_outputs: outputs,
      class_type: node.class_type,
    },
  });
}

/** A small /object_info for the known nodes (enough for a connection test). */
export function objectInfo(): Record<string, unknown> {
  return Object.fromEntries(
    KNOWN_NODES.map((name) => [
      name,
      {
        input: { required: {} },
        output: [],
        output_is_list: [],
        output_name: [],
        name,
        display_name: name,
        description: '',
        category: 'fake',
        output_node: OUTPUT_NODES.has(name),
        python_module: 'nodes',
      },
    ]),
  );
}
