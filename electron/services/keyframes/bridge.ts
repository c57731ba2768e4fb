/**
 * Bridge shot: a new shot between two neighbours, generated from A's last frame (the frame at
 * its trim out) to B's first frame (the frame at its trim in), so the cut flows A -> bridge ->
 * B. Only a model that takes a last frame can make it; anything else is refused before any
 * frame is grabbed or anything written, with the list of models that can.
 */
import type { BatchEstimate } from '../../../shared/api/generation.js';
import { AppError, keyedError } from '../../../shared/errors.js';
import { modelCapabilities, type ProviderCapabilities } from '../../../shared/generation/capabilities.js';
import { cutList, type CutShot } from '../../../shared/model/timeline.js';
import { secondsToFrames } from '../../../shared/model/time.js';
import { DEFAULT_PROVIDER_ID, getProvider, listProviders } from '../generation/providers/index.js';
import { estimateJobs } from '../generation/cost.js';
import type { GenerationRequest, ProviderAdapter } from '../generation/types.js';
import { shotEdgeFrame } from '../media/continuity.js';
import type { ProjectStore } from '../project/store.js';

/** A bridge lasts this long unless asked otherwise (seconds; the provider's nearest length is used). */
export const DEFAULT_BRIDGE_SECONDS = 4;

const takesLastFrame = (caps: ProviderCapabilities, model: string | null): boolean => {
  const m = modelCapabilities(caps, model);
  return m.lastFrame && m.imageToVideo;
};

/** "Provider: Model [provider/model]" for every provider model that can start on one frame and end on another. */
export function bridgeModels(providers: readonly ProviderAdapter[] = listProviders()): string[] {
  const out: string[] = [];
  for (const p of providers) {
    const models = p.capabilities.models.length ? p.capabilities.models : [{ id: '', label: '' }];
    for (const m of models)
      if (takesLastFrame(p.capabilities, m.id || null))
        out.push(m.id ? `${p.label}: ${m.label} [${p.id}/${m.id}]` : `${p.label} [${p.id}]`);
  }
  return out;
}

export interface BridgeOptions {
  afterShotId: string;
  provider?: string;
  model?: string;
  prompt?: string;
  durationSec?: number;
  lookup?: (id: string) => ProviderAdapter;
}

interface BridgePlan {
  a: CutShot;
  b: CutShot;
  /** A's index in the cut. */
  index: number;
  provider: ProviderAdapter;
  model: string | null;
  durationSec: number;
}

/**
 * Where the bridge goes and on which model; every refusal happens here, before any frame is
 * grabbed or anything written. The messages carry an i18n key (renderer/src/i18n/<lang>/bridges.json).
 */
function planBridge(store: ProjectStore, opts: BridgeOptions): BridgePlan {
  const lookup = opts.lookup ?? getProvider;
  const cut = cutList(store.snapshot());
  const i = cut.findIndex((c) => c.shot.id === opts.afterShotId);
  if (i < 0)
    throw new AppError('NOT_FOUND', `Shot "${opts.afterShotId}" not found in this project.`, {
      shotId: opts.afterShotId,
    });
  const a = cut[i]!;
  const b = cut[i + 1];
  if (!b)
    throw keyedError(
      'INVALID_INPUT',
      'bridges.errors.noNextShot',
      { number: i + 1 },
      `Shot ${i + 1} is the last shot: a bridge needs a shot after it.`,
      { shotId: a.shot.id, issue: 'noNextShot' },
    );
  const project = store.project();
  const providerId = opts.provider ?? a.shot.provider ?? (project.defaultProvider || DEFAULT_PROVIDER_ID);
  const provider = lookup(providerId);
  const model = opts.model ?? (opts.provider ? null : a.shot.model);
  if (!takesLastFrame(provider.capabilities, model)) {
    const can = bridgeModels();
    const name = `${provider.label}${model ? ` (${model})` : ''}`;
    throw keyedError(
      'INVALID_INPUT',
      can.length ? 'bridges.errors.noLastFrame' : 'bridges.errors.noneCan',
      { provider: name, providerId: provider.id, model: model ?? '', models: can.join(', ') },
      `${name} cannot end a clip on a given frame, so it cannot make a bridge. ` +
        (can.length ? `Models that can: ${can.join(', ')}.` : 'No provider here can.'),
      { model, issue: 'noLastFrame', modelList: can },
    );
  }
  return { a, b, index: i, provider, model, durationSec: opts.durationSec ?? DEFAULT_BRIDGE_SECONDS };
}

/** What the bridge would cost on its model, against the budget. Nothing grabbed, written or sent. */
export function estimateBridge(
  store: ProjectStore,
  opts: BridgeOptions,
): { provider: string; model: string | null; durationSec: number; estimate: BatchEstimate } {
  const plan = planBridge(store, opts);
  const p = store.project();
  const probe: GenerationRequest = {
    shotId: 'bridge',
    shotNumber: plan.index + 2,
    title: 'Bridge',
    prompt: opts.prompt ?? bridgePrompt(plan),
    stylePrompt: p.stylePrompt,
    negativePrompt: '',
    firstFrame: { assetId: 'bridge-first', path: '' },
    lastFrame: { assetId: 'bridge-last', path: '' },
    camera: 'static',
    durationSec: plan.durationSec,
    width: p.width,
    height: p.height,
    fps: p.fps,
    seed: null,
    model: plan.model,
  };
  const cost = plan.provider.estimateCost(probe);
  return {
    provider: plan.provider.id,
    model: plan.model,
    durationSec: plan.durationSec,
    estimate: estimateJobs(store, plan.provider.id, [cost], p.budgetCap),
  };
}

const bridgePrompt = ({ a, b }: BridgePlan): string =>
  [a.shot.prompt.trim(), b.shot.prompt.trim()].filter(Boolean).join(' Then, continuously: ');

/** Inserts the bridge shot (ONE undo step) and answers its id. */
export async function insertBridge(store: ProjectStore, opts: BridgeOptions): Promise<{ shotId: string }> {
  const plan = planBridge(store, opts);
  const { a, b, index: i, provider, model } = plan;
  // Both frames exist before the shot does: a neighbour without a take refuses with nothing written.
  const first = await shotEdgeFrame(store, a, i + 1, 'last');
  const last = await shotEdgeFrame(store, b, i + 2, 'first');
  const fps = store.project().fps;
  const shot = store.shots.add({
    index: i + 1,
    title: 'Bridge',
    prompt: opts.prompt ?? bridgePrompt(plan),
    durationFrames: Math.max(1, secondsToFrames(plan.durationSec, fps)),
    camera: 'static',
    firstFrameAssetId: first.id,
    lastFrameAssetId: last.id,
    provider: provider.id,
    model,
  });
  return { shotId: shot.id };
}
