/** Which workflow template a ComfyUI request uses, and the values it is filled with. */
import { AppError } from '../../../../../shared/errors.js';
import type { ComfyTemplate, ComfyValues } from '../../../../../shared/generation/comfyWorkflow.js';
import { comfyFrames, comfySeed, comfySize } from '../../../../../shared/generation/comfyWorkflow.js';
import type { GenerationRequest } from '../../types.js';

/** The template for a request: its model (default: the first model) and whether it has a first frame. */
export function pickTemplate(
  templates: readonly ComfyTemplate[],
  req: Pick<GenerationRequest, 'model' | 'firstFrame' | 'shotNumber'>,
  problems: readonly string[] = [],
): ComfyTemplate {
  const kind = req.firstFrame ? 'image-to-video' : 'text-to-video';
  const model = req.model ?? templates[0]?.mapping.model;
  const t = templates.find((x) => x.mapping.model === model && x.mapping.kind === kind);
  if (t) return t;
  const models = [...new Set(templates.map((x) => x.mapping.model))];
  if (!templates.length) {
    throw new AppError(
      'INVALID_INPUT',
      `No ComfyUI workflow templates were found (resources/comfyui, or your workflows folder).${problems.length ? ` ${problems.join(' ')}` : ''}`,
    );
  }
  throw new AppError(
    'INVALID_INPUT',
    `Shot ${req.shotNumber}: ComfyUI has no ${kind} workflow for model "${model ?? ''}". Available models: ${models.join(', ')}.`,
    { model, kind },
  );
}

/** The values a template receives for a request (sizes and lengths on the model's grid). */
export function comfyValues(
  template: ComfyTemplate,
  req: GenerationRequest,
  image: string | null,
  random: () => number,
): ComfyValues {
  const c = template.mapping.constraints;
  const fps = req.fps.num / req.fps.den;
  const prompt = [req.prompt.trim(), req.stylePrompt.trim()].filter(Boolean).join('. ') || req.title.trim();
  if (!prompt)
    throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has no prompt; ComfyUI needs one to generate.`, {
      shotId: req.shotId,
    });
  const negTarget = template.mapping.inputs.negativePrompt?.[0];
  const templateNegative = negTarget ? template.graph[negTarget.node]?.inputs[negTarget.input] : undefined;
  const { width, height } = comfySize(req.width, req.height, c);
  const values: ComfyValues = {
    prompt,
    negativePrompt: req.negativePrompt.trim() || (typeof templateNegative === 'string' ? templateNegative : ''),
    width,
    height,
    length: comfyFrames(req.durationSec, fps, c),
    fps: Math.round(fps * 1000) / 1000,
    seed: comfySeed(req.seed, random()),
    camera: req.camera,
  };
  if (image !== null) values.image = image;
  return values;
}
