/**
 * The provider registry. One adapter per file in this folder; callers look providers up by id
 * and read their capabilities, never branching on the id themselves (design.md §5).
 */
import { AppError } from '../../../../shared/errors.js';
import { runFfmpeg } from '../../ffmpeg/runner.js';
import type { ProviderAdapter } from '../types.js';
import { createAnimaticProvider } from './animatic.js';
import { createComfyUIProvider } from './comfyui.js';
import { createFalProvider } from './fal.js';
import { createLumaProvider } from './luma.js';
import { createLumaAgentsProvider } from './luma-agents.js';
import { createKlingProvider } from './kling.js';
import { createMinimaxProvider } from './minimax.js';
import { createRunwayProvider } from './runway.js';
import { createReplicateProvider } from './replicate.js';
import { createSeedanceProvider } from './seedance.js';
import { createVeoProvider } from './veo.js';
import { createOpenAIVideosProvider } from './openai-videos.js';
import { createViduProvider } from './vidu.js';
import { createWanProvider } from './wan.js';

export const DEFAULT_PROVIDER_ID = 'animatic';

let registry: Map<string, ProviderAdapter> | null = null;

function providers(): Map<string, ProviderAdapter> {
  // Built on first use: the animatic keeps its in-process tasks, so there is one per process.
  registry ??= new Map(
    [
      createAnimaticProvider({ runFfmpeg }),
      createComfyUIProvider(),
      createFalProvider(),
      createKlingProvider(),
      createMinimaxProvider(),
      createRunwayProvider(),
      createLumaProvider(),
      createLumaAgentsProvider(),
      createReplicateProvider(),
      createSeedanceProvider(),
      createVeoProvider(),
      createOpenAIVideosProvider(),
      createViduProvider(),
      createWanProvider(),
    ].map((p) => [p.id, p]),
  );
  return registry;
}

export function listProviders(): ProviderAdapter[] {
  return [...providers().values()];
}

export function getProvider(id: string): ProviderAdapter {
  const provider = providers().get(id);
  if (!provider) {
    throw new AppError('INVALID_INPUT', `Unknown provider "${id}". Available: ${[...providers().keys()].join(', ')}`, {
      provider: id,
    });
  }
  return provider;
}
