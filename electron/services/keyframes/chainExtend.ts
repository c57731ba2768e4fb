/**
 * Chain extend: continue any take, on any provider that starts a clip from an image (no extend
 * endpoint needed), by generating a new link from the take's exact frame at its trim out (grabbed
 * through the one ffmpeg runner, media/continuity.ts) and joining at that frame: the link's shot
 * starts one frame in (trimInFrames = 1), so the frame both clips share is shown once. The
 * long-take builder chains N such links to reach a target length, with the estimate (count x
 * price, against the budget) up front; each link is an ordinary durable generation job, so a kill
 * resumes the link in flight and running the builder again continues from the chain's last take.
 */
import { AppError } from '../../../shared/errors.js';
import { modelCapabilities } from '../../../shared/generation/capabilities.js';
import { cutList } from '../../../shared/model/timeline.js';
import { framesToSeconds, secondsToFrames } from '../../../shared/model/time.js';
import { DEFAULT_PROVIDER_ID, getProvider } from '../generation/providers/index.js';
import type { GenerationRequest, ProviderAdapter } from '../generation/types.js';
import { shotEdgeFrame } from '../media/continuity.js';
import type { ProjectStore } from '../project/store.js';

/** Frames the link's take skips: its first frame is the source's frame at trim out, already shown. */
export const CHAIN_JOIN_SKIP_FRAMES = 1;

export interface ChainOptions {
  /** The take to continue (its shot's trim out is where the chain joins). */
  takeId: string;
  /** The length the chain should reach, in seconds, from the start of the take's shot. */
  toSec: number;
  provider?: string;
  model?: string;
  /** Each link's length (default: the source shot's length). */
  linkSec?: number;
  lookup?: (id: string) => ProviderAdapter;
}

export interface ChainPlan {
  provider: string;
  model: string | null;
  /** Seconds the take's shot shows now, and the target. */
  fromSec: number;
  toSec: number;
  linkSec: number;
  links: number;
  /** USD per link (the provider's estimate), null when unknown. */
  perLink: number | null;
  /** links x perLink; null when a price is unknown (never counted as free). */
  total: number | null;
}

function sourceOf(store: ProjectStore, takeId: string) {
  const take = store.getTake(takeId);
  if ((take.kind ?? 'video') !== 'video')
    throw new AppError('INVALID_INPUT', `Take "${takeId}" is a picture, not a clip; only clips can be extended.`, {
      takeId,
    });
  const cut = cutList(store.snapshot());
  const i = cut.findIndex((c) => c.shot.id === take.shotId);
  const item = cut[i];
  if (!item || item.shot.selectedTakeId !== takeId)
    throw new AppError(
      'INVALID_INPUT',
      `Take "${takeId}" is not the selected take of a shot on the timeline; select it first, then extend it.`,
      { takeId },
    );
  return { take, item, index: i };
}

/** What a chain to `toSec` would be: links, their length and price. Nothing written or sent. */
export function planChain(store: ProjectStore, opts: ChainOptions): ChainPlan {
  if (!(opts.toSec > 0) || opts.toSec > 3600)
    throw new AppError('INVALID_INPUT', `The target length must be from 0 to 3600 seconds (got ${opts.toSec}).`);
  const { item } = sourceOf(store, opts.takeId);
  const project = store.project();
  const fps = project.fps;
  const providerId = opts.provider ?? item.shot.provider ?? (project.defaultProvider || DEFAULT_PROVIDER_ID);
  const provider = (opts.lookup ?? getProvider)(providerId);
  const model = opts.model ?? (opts.provider ? null : item.shot.model);
  if (!modelCapabilities(provider.capabilities, model).imageToVideo)
    throw new AppError(
      'INVALID_INPUT',
      `${provider.label}${model ? ` (${model})` : ''} cannot start a clip from a picture, so it cannot continue a take; pick a model that takes a first frame.`,
      { provider: providerId, model },
    );
  const fromSec = framesToSeconds(item.frames, fps);
  const linkSec = opts.linkSec ?? framesToSeconds(item.shot.durationFrames, fps);
  if (!(linkSec > 0)) throw new AppError('INVALID_INPUT', 'Each link must last more than 0 seconds.');
  // Each link adds its length less the one frame it shares with the clip before it.
  const gain = linkSec - framesToSeconds(CHAIN_JOIN_SKIP_FRAMES, fps);
  const links = opts.toSec <= fromSec ? 0 : Math.ceil((opts.toSec - fromSec) / gain - 1e-9);
  const perLink = provider.estimateCost(probeRequest(store, item.shot.prompt, linkSec, model));
  return {
    provider: provider.id,
    model,
    fromSec,
    toSec: opts.toSec,
    linkSec,
    links,
    perLink,
    total: perLink === null ? null : Math.round(perLink * links * 100) / 100,
  };
}

/** A request shaped like a link's, for the provider's price (a first frame, the link's length). */
function probeRequest(
  store: ProjectStore,
  prompt: string,
  durationSec: number,
  model: string | null,
): GenerationRequest {
  const p = store.project();
  return {
    shotId: 'chain-link',
    shotNumber: 1,
    title: 'Extension',
    prompt,
    stylePrompt: p.stylePrompt,
    negativePrompt: '',
    firstFrame: { assetId: 'chain-link', path: '' },
    lastFrame: null,
    camera: 'static',
    durationSec,
    width: p.width,
    height: p.height,
    fps: p.fps,
    seed: null,
    model,
  };
}

/**
 * One link: a new shot right after the take's shot, starting on the take's exact frame at its trim
 * out, on the plan's provider, its take trimmed in by one frame (the join). ONE undo step.
 */
export async function insertChainLink(
  store: ProjectStore,
  opts: Pick<ChainOptions, 'takeId' | 'lookup'> & {
    plan: Pick<ChainPlan, 'provider' | 'model' | 'linkSec'>;
    prompt?: string;
  },
): Promise<{ shotId: string }> {
  const { item, index } = sourceOf(store, opts.takeId);
  const frame = await shotEdgeFrame(store, item, index + 1, 'last');
  const fps = store.project().fps;
  const shot = store.shots.add({
    index: index + 1,
    title: 'Extension',
    prompt: opts.prompt ?? item.shot.prompt,
    durationFrames: Math.max(1, secondsToFrames(opts.plan.linkSec, fps)),
    camera: item.shot.camera,
    firstFrameAssetId: frame.id,
    provider: opts.plan.provider,
    model: opts.plan.model,
    trimInFrames: CHAIN_JOIN_SKIP_FRAMES,
  });
  return { shotId: shot.id };
}
