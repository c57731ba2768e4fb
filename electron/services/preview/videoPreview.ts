/**
 * "What will be sent" for a shot's video generation: the request generate.start would write for
 * the shot on a provider (generation/plan.ts planBatch, the same planner, so template variables,
 * shot size and element descriptions are in), turned into what the provider's adapter reads —
 * the prompt with the camera move in that provider's style and the pictures by role. Pure over
 * the plan: nothing written or sent.
 */
import type { VideoPreview, SentPicture } from '../../../shared/api/sentPreview.js';
import { modelCapabilities } from '../../../shared/generation/capabilities.js';
import { shotPrompt, type CameraStyle } from '../../../shared/generation/cameraMoves.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import type { Planned } from '../generation/plan.js';
import { klingPlan } from '../generation/providers/kling/body.js';
import { CAMERA_COMMANDS } from '../generation/providers/minimax/models.js';

/**
 * How each adapter words the camera move in its prompt, where it is not the usual sentence:
 * Kling drops it when camera_control carries the move (kling/models.ts klingBody), MiniMax writes
 * "[Push in]" commands on the models that read them (minimax/models.ts), ComfyUI's workflow gets
 * the prompt and style only (comfyui/workflow.ts comfyValues). Every other adapter: shotPrompt 'sentence'.
 */
const CAMERA_STYLE: Record<string, (req: GenerationRequest) => CameraStyle> = {
  kling: (req) => {
    try {
      return klingPlan(req).cameraControl ? 'none' : 'sentence';
    } catch {
      return 'sentence'; // an unknown model: the job fails with the adapter's reason (problem)
    }
  },
  minimax: (req) => (CAMERA_COMMANDS.has(req.model ?? '') ? 'minimax' : 'sentence'),
  comfyui: () => 'none',
};

/** The prompt the provider's adapter sends for this request. */
export function sentVideoPrompt(providerId: string, req: GenerationRequest): string {
  return shotPrompt(req, CAMERA_STYLE[providerId]?.(req) ?? 'sentence');
}

/**
 * The pictures the provider receives: the first and last frame, then the element and style
 * references up to the model's limit (modelCapabilities referenceImagesMax; none when 0).
 */
export function sentPictures(planned: Pick<Planned, 'provider' | 'request'>): SentPicture[] {
  const req = planned.request;
  if (!req) return [];
  const out: SentPicture[] = [];
  if (req.firstFrame) out.push({ role: 'first', assetId: req.firstFrame.assetId });
  if (req.lastFrame) out.push({ role: 'last', assetId: req.lastFrame.assetId });
  const max = modelCapabilities(planned.provider.capabilities, req.model).referenceImagesMax;
  for (const r of (req.references ?? []).slice(0, Math.max(0, max))) {
    out.push({
      role: 'reference',
      assetId: r.assetId,
      ...(r.name ? { name: r.name } : {}),
      ...(r.kind ? { kind: r.kind } : {}),
    });
  }
  return out;
}

export function videoPreview(planned: Planned): VideoPreview {
  const req = planned.request;
  return {
    provider: planned.provider.id,
    model: req?.model ?? null,
    prompt: req ? sentVideoPrompt(planned.provider.id, req) : '',
    pictures: sentPictures(planned),
    problem: planned.problem,
  };
}
