/**
 * ComfyUI workflow templates (providers.md §11): an API-format graph (`{ "<node id>":
 * { class_type, inputs } }`, as ComfyUI's "Export (API)" writes it) plus a small mapping that
 * says which node input receives which placeholder. Pure: the service reads the files and
 * passes their text in; filling returns a new graph and never touches anything unmapped.
 * Format documented in resources/comfyui/README.md.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';

/** What Storyboard can put into a workflow. */
/**
 * What Storyboard can put into a workflow. `camera` is the shot's camera move id (`static`,
 * `push_in`, `pull_out`, `pan_left`, `pan_right`, `tilt_up`, `tilt_down`), for a workflow that
 * turns it into motion (a camera LoRA selector, a camera-control node's preset); a model whose
 * templates do not map it ignores camera moves, and the inspector says so.
 */
export const COMFY_PLACEHOLDERS = [
  'prompt',
  'negativePrompt',
  'image',
  'width',
  'height',
  'length',
  'fps',
  'seed',
  'camera',
] as const;
export type ComfyPlaceholder = (typeof COMFY_PLACEHOLDERS)[number];

export interface ComfyNode {
  class_type: string;
  inputs: Record<string, unknown>;
  _meta?: { title?: string };
}
/** API format: node id -> node. Links are `[sourceNodeId, outputIndex]`. */
export type ComfyGraph = Record<string, ComfyNode>;

export const COMFY_KINDS = ['text-to-video', 'image-to-video', 'text-to-image', 'image-to-image'] as const;
export type ComfyKind = (typeof COMFY_KINDS)[number];
/** Image workflows make keyframe pictures; the video provider never offers them. */
export const isComfyImageKind = (kind: ComfyKind): boolean => kind.endsWith('-image');

const TargetSchema = z.object({ node: z.string().min(1), input: z.string().min(1) }).strict();
export type ComfyTarget = z.infer<typeof TargetSchema>;

export const ComfyMappingSchema = z
  .object({
    /** Unique id of this template ("ltxv-t2v"). */
    id: z.string().min(1),
    label: z.string().min(1),
    /**
     * Which shots it serves: text only, or a first frame (video); a picture from text, or from
     * the first reference picture (keyframe images: an image workflow ends in SaveImage).
     */
    kind: z.enum(COMFY_KINDS),
    /** The model id shown in the inspector; a t2v and an i2v template may share one. */
    model: z.string().min(1),
    modelLabel: z.string().min(1).optional(),
    /** The API-format graph's file name, beside the mapping. */
    workflow: z.string().min(1),
    /** Each placeholder may feed several inputs (fps feeds conditioning and the video writer). */
    inputs: z.partialRecord(z.enum(COMFY_PLACEHOLDERS), z.array(TargetSchema).min(1)),
    /** What the model accepts; requests are rounded to it before filling. */
    constraints: z
      .object({
        /** Width and height are rounded down to a multiple of this (LTX-Video: 32). */
        sizeMultiple: z.number().int().positive().default(8),
        /** Frame counts are `lengthStep * k + lengthOffset` (LTX-Video: 8k+1; Wan: 4k+1). */
        lengthStep: z.number().int().positive().default(1),
        lengthOffset: z.number().int().nonnegative().default(0),
        minFrames: z.number().int().positive().default(1),
        maxFrames: z.number().int().positive().default(1000),
        /** Durations offered to the user, in seconds. */
        minSec: z.number().positive().default(1),
        maxSec: z.number().positive().default(10),
      })
      .strict()
      .default({
        sizeMultiple: 8,
        lengthStep: 1,
        lengthOffset: 0,
        minFrames: 1,
        maxFrames: 1000,
        minSec: 1,
        maxSec: 10,
      }),
  })
  .strict();
export type ComfyMapping = z.infer<typeof ComfyMappingSchema>;

export interface ComfyTemplate {
  mapping: ComfyMapping;
  graph: ComfyGraph;
}

export type ComfyValues = Partial<Record<ComfyPlaceholder, string | number>>;

function invalid(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('INVALID_INPUT', message, details);
}

/** Checks the API-format shape; `source` names the file in messages. */
export function parseComfyGraph(json: unknown, source: string): ComfyGraph {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid(
      `${source} is not a ComfyUI API-format workflow (expected an object of nodes; use "Export (API)" in ComfyUI).`,
      { source },
    );
  }
  const entries = Object.entries(json as Record<string, unknown>);
  if (entries.length === 0) throw invalid(`${source} has no nodes.`, { source });
  for (const [id, node] of entries) {
    const n = node as Partial<ComfyNode> | null;
    if (
      typeof n !== 'object' ||
      n === null ||
      typeof n.class_type !== 'string' ||
      typeof n.inputs !== 'object' ||
      n.inputs === null
    ) {
      throw invalid(
        `${source}: node "${id}" has no class_type or inputs. Is this the UI format? Export it with "Export (API)".`,
        { source, node: id },
      );
    }
  }
  return json as ComfyGraph;
}

/** Parses a mapping and checks every target names an existing node input of its graph. */
export function parseComfyTemplate(mappingJson: unknown, graphJson: unknown, source: string): ComfyTemplate {
  const parsed = ComfyMappingSchema.safeParse(mappingJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      `${source} is not a valid ComfyUI mapping: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      { source },
    );
  }
  const mapping = parsed.data;
  const graph = parseComfyGraph(graphJson, `${source} (${mapping.workflow})`);
  for (const [name, targets] of Object.entries(mapping.inputs)) {
    for (const t of targets ?? []) {
      const node = graph[t.node];
      if (!node)
        throw invalid(`${source}: "${name}" maps to node "${t.node}", which is not in ${mapping.workflow}.`, {
          source,
          placeholder: name,
          node: t.node,
        });
      if (!(t.input in node.inputs)) {
        throw invalid(
          `${source}: "${name}" maps to input "${t.input}" of node "${t.node}" (${node.class_type}), which has no such input.`,
          { source, placeholder: name, node: t.node, input: t.input },
        );
      }
    }
  }
  const required: ComfyPlaceholder[] =
    mapping.kind === 'image-to-video' || mapping.kind === 'image-to-image' ? ['prompt', 'image'] : ['prompt'];
  for (const name of required) {
    if (!mapping.inputs[name])
      throw invalid(`${source}: a ${mapping.kind} template must map "${name}".`, { source, placeholder: name });
  }
  return { mapping, graph };
}

/**
 * A copy of the graph with each mapped input set to its value. A value the mapping uses but
 * `values` lacks is an error (never a silently default prompt); placeholders the template does
 * not map are ignored (a workflow may have no negative prompt). Unmapped inputs stay as they are.
 */
export function fillComfyWorkflow(template: ComfyTemplate, values: ComfyValues): ComfyGraph {
  // A JSON round trip is a deep copy (the graph came from JSON), and keeps shared/ free of DOM globals.
  const graph = JSON.parse(JSON.stringify(template.graph)) as ComfyGraph;
  for (const [name, targets] of Object.entries(template.mapping.inputs) as [ComfyPlaceholder, ComfyTarget[]][]) {
    const value = values[name];
    if (value === undefined) {
      throw invalid(`The ComfyUI template "${template.mapping.id}" needs a value for "${name}", and none was given.`, {
        template: template.mapping.id,
        placeholder: name,
      });
    }
    for (const t of targets) {
      const node = graph[t.node];
      if (!node || !(t.input in node.inputs)) {
        throw invalid(
          `The ComfyUI template "${template.mapping.id}" maps "${name}" to ${t.node}.${t.input}, which its graph lacks.`,
          { template: template.mapping.id },
        );
      }
      node.inputs[t.input] = value;
    }
  }
  return graph;
}

/** Frames for a duration, on the model's grid (`step*k + offset`), within its limits. */
export function comfyFrames(durationSec: number, fps: number, c: ComfyMapping['constraints']): number {
  const want = Math.max(1, Math.round(durationSec * fps));
  // The shortest length on the grid that covers the shot (the take is trimmed, never short).
  const k = Math.max(0, Math.ceil((want - c.lengthOffset) / c.lengthStep));
  const frames = c.lengthStep * k + c.lengthOffset;
  const lo = c.lengthStep * Math.ceil((c.minFrames - c.lengthOffset) / c.lengthStep) + c.lengthOffset;
  const hi = c.lengthStep * Math.floor((c.maxFrames - c.lengthOffset) / c.lengthStep) + c.lengthOffset;
  return Math.min(hi, Math.max(lo, frames));
}

/** Width and height rounded down to the model's multiple (at least one multiple). */
export function comfySize(
  width: number,
  height: number,
  c: ComfyMapping['constraints'],
): { width: number; height: number } {
  const m = c.sizeMultiple;
  return { width: Math.max(m, Math.floor(width / m) * m), height: Math.max(m, Math.floor(height / m) * m) };
}

/** ComfyUI seeds are unsigned 64-bit; a shot without a seed gets one drawn from `random`. */
export function comfySeed(seed: number | null, random: number): number {
  if (seed !== null) return Math.abs(Math.trunc(seed));
  return Math.floor(Math.min(Math.max(random, 0), 0.999999) * 2 ** 48);
}
