/**
 * What a provider can do (design.md §5). The UI and the job runner read these; no code outside
 * an adapter branches on a provider's id. Pure data, so the renderer can use it too.
 */
import type { Aspect, Resolution } from '../model/format.js';
import type { CameraHandling } from './cameraMoves.js';
import type { MultiShotCapability } from './multiShot.js';
import type { GenerationRequest } from './request.js';

export type DurationRule =
  /** Any length in [min, max] seconds. */
  | { kind: 'range'; min: number; max: number }
  /** Only these lengths in seconds (e.g. Veo 4/6/8); the provider's clip is then trimmed. */
  | { kind: 'set'; values: number[] };

export interface ProviderModel {
  id: string;
  label: string;
  /**
   * Where this model differs from the provider's defaults (e.g. only one model takes a last
   * frame, or has sound). Read through modelCapabilities(), never directly.
   */
  capabilities?: Partial<Omit<ProviderCapabilities, 'models'>>;
  /** A short note for the UI (e.g. "for gateways that still serve it"). */
  note?: string;
  /** The request rules this model is held to, each with its source (README capability notes). */
  rules?: readonly ModelRule[];
}

/** One rule a model's requests follow, where it was read, and whether that is the provider's own page. */
export interface ModelRule {
  rule: string;
  source: string;
  firstParty: boolean;
}

export interface ProviderCapabilities {
  textToVideo: boolean;
  imageToVideo: boolean;
  lastFrame: boolean;
  /** 0 when the provider takes no reference images. */
  referenceImagesMax: number;
  extend: boolean;
  /**
   * With extend: whether the provider's extension output is the whole clip (source + new
   * seconds, as Veo, Kling and Luma return it) rather than only the new part. The shot that
   * extends a take then starts its trim after the source, so the cut does not repeat it.
   */
  extendIncludesSource?: boolean;
  audio: boolean;
  /**
   * How the shot's camera move reaches the model (cameraMoves.ts): a provider field, words in
   * the prompt, or not at all. Absent = ignored: the inspector tells the user so.
   */
  cameraMoves?: CameraHandling;
  durations: DurationRule;
  /**
   * Takes a source clip to edit (GenerationRequest.sourceVideo): 'required' for an editing-only
   * model (Runway Aleph), 'optional' when it also generates from nothing; absent: takes none.
   */
  videoInput?: 'optional' | 'required';
  /**
   * Makes video only from reference pictures (an element's or the style's), never from text
   * alone: 'always' when even a first frame goes only beside them (Wan 2.6 / 2.7 r2v, MiniMax
   * S2V-01), 'withoutFirstFrame' when a first frame alone is an ordinary image-to-video shot
   * (Seedance 1.0 Lite i2v). A shot without them is refused (capabilityGap 'capReferences').
   * Absent: text alone is enough.
   */
  needsReferences?: 'always' | 'withoutFirstFrame';
  /** Makes several consecutive shots in one generation (multiShot.ts); absent: it cannot. */
  multiShot?: MultiShotCapability;
  /** 'any' when the provider renders any size (the animatic renders the project size). */
  aspects: readonly Aspect[] | 'any';
  resolutions: readonly Resolution[] | 'any';
  models: readonly ProviderModel[];
}

/**
 * The capabilities of one model: the provider's defaults with the model's own overrides.
 * `modelId` null or unknown → the provider's default model (its first), so the UI and the
 * runner agree on what a request without a model gets.
 */
export function modelCapabilities(
  caps: ProviderCapabilities,
  modelId: string | null | undefined,
): ProviderCapabilities {
  const model = caps.models.find((m) => m.id === modelId) ?? caps.models[0];
  return model?.capabilities ? { ...caps, ...model.capabilities, models: caps.models } : caps;
}

/** The nearest allowed duration for a request (what the provider will be asked for). */
export function allowedDuration(rule: DurationRule, seconds: number): number {
  if (rule.kind === 'range') return Math.min(rule.max, Math.max(rule.min, seconds));
  let best = rule.values[0] ?? seconds;
  for (const v of rule.values) {
    // Prefer the shortest duration that covers the shot; else the longest there is.
    const covers = v >= seconds - 1e-9;
    const bestCovers = best >= seconds - 1e-9;
    if ((covers && (!bestCovers || v < best)) || (!covers && !bestCovers && v > best)) best = v;
  }
  return best;
}

/** Which input of a request this provider (model) cannot take, or null if it can make it. */
export type CapabilityGap =
  | 'capImage'
  | 'capText'
  | 'capLastFrame'
  | 'capExtend'
  /** A clip to restyle (sourceVideo) for a model that edits no video. */
  | 'capVideo'
  /** An editing-only model (videoInput 'required') without a clip to restyle. */
  | 'capNeedsVideo'
  /** Both an extension and a restyle. */
  | 'capExtendRestyle'
  /** A model that makes video only from reference pictures (needsReferences), and the shot has none. */
  | 'capReferences';

/** Whether a request lacks the reference pictures its model cannot start without. */
export function lacksReferences(
  caps: Pick<ProviderCapabilities, 'needsReferences'>,
  req: { firstFrame: unknown; references?: readonly unknown[] | undefined },
): boolean {
  if (!caps.needsReferences || (req.references?.length ?? 0) > 0) return false;
  return caps.needsReferences === 'always' || !req.firstFrame;
}

export function capabilityGap(providerCaps: ProviderCapabilities, req: GenerationRequest): CapabilityGap | null {
  const caps = modelCapabilities(providerCaps, req.model);
  if (req.sourceVideo && !caps.videoInput) return 'capVideo';
  if (!req.sourceVideo && caps.videoInput === 'required') return 'capNeedsVideo';
  // A restyle edits the given clip: frames are guidance there (Aleph's keyframes), not the start of
  // a new one, and a model that takes none refuses them (the plan leaves them out: plan.ts).
  if (req.sourceVideo) {
    if (req.extend) return 'capExtendRestyle';
    if (req.firstFrame && !caps.imageToVideo) return 'capImage';
    if (req.lastFrame && !caps.lastFrame) return 'capLastFrame';
    return null;
  }
  if (req.firstFrame && !caps.imageToVideo) return 'capImage';
  if (req.extend && !caps.extend) return 'capExtend';
  // An extension starts from the source clip, not from text: an image-only model that extends
  // its own clips (Kling 1.5: /v1/videos/video-extend takes any video_id its text-to-video or
  // image-to-video made — Kling video-extend API, as copied by docs.comfy.org KlingVideoExtendNode,
  // secondary) needs no first frame there.
  if (!req.firstFrame && !caps.textToVideo && !req.extend) return 'capText';
  if (!req.extend && lacksReferences(caps, req)) return 'capReferences';
  if (req.lastFrame && !caps.lastFrame) return 'capLastFrame';
  return null;
}

/**
 * Why this provider cannot make this request, as a sentence for the user, or null if it can.
 * `label` names the provider in the message (the renderer translates the gap's code instead).
 */
export function capabilityProblem(
  label: string,
  providerCaps: ProviderCapabilities,
  req: GenerationRequest,
): string | null {
  const shot = `Shot ${req.shotNumber}`;
  const named = `${label}${req.model ? ` (${req.model})` : ''}`;
  switch (capabilityGap(providerCaps, req)) {
    case 'capImage':
      return `${shot} has a first frame, but ${label} cannot start from an image.`;
    case 'capText':
      return `${shot} has no first frame, and ${label} needs one (it cannot generate from text alone).`;
    case 'capLastFrame':
      return `${shot} has a last frame, but ${label} cannot end on a given frame.`;
    case 'capExtend':
      return `${shot} extends a take, but ${named} cannot extend a clip.`;
    case 'capVideo':
      return `${shot} restyles a clip, but ${named} cannot edit a video.`;
    case 'capNeedsVideo':
      return `${shot}: ${named} edits an existing clip; restyle one of the shot's takes with it.`;
    case 'capExtendRestyle':
      return `${shot} cannot both extend and restyle a take.`;
    case 'capReferences':
      return `${shot} has no reference pictures, and ${named} needs at least one to make a video: add an element with a picture to the shot, or pick another model.`;
    case null:
      return null;
  }
}

/** How a model takes camera moves ('ignored' when its provider does not say). */
export function cameraHandling(providerCaps: ProviderCapabilities, modelId: string | null | undefined): CameraHandling {
  return modelCapabilities(providerCaps, modelId).cameraMoves ?? 'ignored';
}
