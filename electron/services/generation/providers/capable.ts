/**
 * The one refusal every adapter makes before sending: a shot asking what the chosen model cannot
 * do (a first or last frame, text only, extending a take) is INVALID_INPUT with a sentence naming
 * the shot — never silently sent as something else (an extension sent as a new clip was paid for
 * and useless). The runner checks the same rule before writing a job; this covers direct calls.
 */
import { AppError } from '../../../../shared/errors.js';
import { capabilityProblem, type ProviderCapabilities } from '../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../shared/generation/request.js';

export function requireCapable(label: string, caps: ProviderCapabilities, req: GenerationRequest): void {
  const problem = capabilityProblem(label, caps, req);
  if (problem) throw new AppError('INVALID_INPUT', problem, { model: req.model });
}
