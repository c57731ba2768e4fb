/** What each action takes. The registry is typed from this map. */
import type { VariantReview } from '../../../shared/api/variants';
import type { PromptSuggestion } from '../../../shared/api/breakdown';
import type { LlmSettingsUpdate, LlmSettingsView } from '../../../shared/breakdown/settings';
import type { AudioPatch, MethodInput, Quality, ShotPatch } from '../../../shared/api/contract';
import type { AddAudioPayload } from './audioActions';
import type { TrackSetPayload } from './trackActions';
import type { ListedShot } from '../../../shared/model/shotList';
import type { ScriptProposal } from '../../../shared/script/proposal';
import type { SettingsUpdate } from '../../../shared/generation/settings';
import type { ElementPatch } from '../../../shared/api/elements';
import type { CameraMove, Element } from '../../../shared/model/entities';
import type { Aspect, Resolution } from '../../../shared/model/format';
import type { Framing } from '../../../shared/model/framing';
import type { RelinkPayload } from './recoveryActions';
import type { BrowsePayload } from './folderActions';
import type { CachePayload } from './cacheActions';
import type { C2paSigningPayload } from './c2paActions';
import type { ThresholdsPayload } from './continuityActions';
import type { DriftThresholds } from '../../../shared/continuity/score';
import type { DeliveryPresetsPayload, DeliveryRevealPayload, DeliveryStartPayload } from './deliveryActions';
import type { BridgeChoice } from './bridgeActions';
import type { ChainChoice } from './takeRunActions';
import type { KeyframePayloads } from './keyframeActions';
import type { HandoffCollectPayload, HandoffConformPayload, HandoffExportPayload } from './handoffActions';

export interface CreateProjectPayload {
  dir: string;
  name: string;
  aspect: Aspect;
  resolution: Resolution;
  fps: string;
}

export interface AddShotPayload {
  prompt: string;
  durationSec: number | null;
  camera: CameraMove;
  /** The provider the shot generates with; null: the project's default. */
  provider: string | null;
  /** An image to animate (the services import it as the shot's first frame). */
  firstFrame: File | null;
  /** An existing clip to use as the shot's take. */
  clip: File | null;
}

export interface ActionPayloads extends KeyframePayloads {
  'app.load': undefined;
  'project.create': CreateProjectPayload;
  'project.open': { dir: string };
  'project.close': undefined;
  'history.undo': undefined;
  'history.redo': undefined;
  'shot.add': AddShotPayload;
  'shot.update': { shotId: string; patch: ShotPatch };
  'shot.remove': { shotId: string };
  'shot.move': { shotId: string; delta: -1 | 1 };
  'shot.selectTake': { shotId: string; takeId: string };
  'generate.all': undefined;
  /** Without shotIds: every shot (and the report opens); with: just those (the takes gallery). */
  'continuity.check': { shotIds?: string[] } | undefined;
  'continuity.open': undefined;
  'continuity.close': undefined;
  'continuity.regenerateDrifting': undefined;
  'continuity.thresholds': ThresholdsPayload;
  'continuity.setThresholds': ThresholdsPayload & { thresholds: DriftThresholds };
  'export.start': { outPath: string; quality: Quality; subtitles?: 'none' | 'burn' };
  'export.cancel': undefined;
  // View and transport: UI actions take no payload; see viewActions.ts.
  'view.grid': undefined;
  'view.timeline': undefined;
  'view.toggle': undefined;
  'palette.open': undefined;
  'help.shortcuts': undefined;
  'overlay.close': undefined;
  'play.toggle': undefined;
  'play.reverse': undefined;
  'play.pause': undefined;
  'play.forward': undefined;
  'frame.prev': undefined;
  'frame.next': undefined;
  'frame.back10': undefined;
  'frame.start': undefined;
  'frame.end': undefined;
  'frame.forward10': undefined;
  'shot.prevEdit': undefined;
  'shot.nextEdit': undefined;
  'player.fullscreen': undefined;
  'shot.new': undefined;
  'select.all': undefined;
  'timeline.zoomIn': undefined;
  'timeline.zoomOut': undefined;
  'timeline.zoomFit': undefined;
  'edit.delete': undefined;
  'edit.duplicate': undefined;
  'edit.copy': undefined;
  'edit.paste': undefined;
  'edit.split': undefined;
  'trim.in': undefined;
  'trim.out': undefined;
  'mark.in': undefined;
  'mark.out': undefined;
  'mark.clear': undefined;
  'timeline.zoomTo': { pxPerFrame: number };
  'export.open': undefined;
  'jobs.toggle': undefined;
  'shots.moveMany': { shotIds: string[]; toIndex: number };
  'scene.add': { heading: string; index?: number };
  'scene.rename': { sceneId: string; heading: string };
  'scene.remove': { sceneId: string };
  'shot.setScene': { shotIds: string[]; sceneId: string | null };
  'take.rate': { takeId: string; rating: number };
  'take.remove': { takeId: string };
  'take.generate': { shotId: string };
  /** A new shot right after the take's, continuing its clip (prompt: else the source shot's). */
  'take.extend': { takeId: string; prompt?: string };
  /** The context menu's and palette's form: extends the one selected shot's take in the cut. */
  'take.extendSelected': undefined;
  'shot.setFrame': { shotId: string; which: 'first' | 'last'; source: FrameSource | null };
  'shot.setTrim': { shotId: string; inFrames: number; outFrames: number | null };
  // Generation: see generationActions.ts.
  'generate.open': undefined;
  'generate.run': MethodInput<'generate.start'>;
  /** Consecutive selected shots as one generation (multiShotActions.ts). */
  'generate.runMultiShot': MethodInput<'multiShot.start'>;
  'generate.close': undefined;
  'jobs.refresh': undefined;
  'jobs.cancel': { jobId: string };
  'jobs.retryAsk': { jobId: string };
  'jobs.retry': undefined;
  'jobs.retryDismiss': undefined;
  'budget.set': { budgetCap: number | null };
  'settings.open': undefined;
  'settings.update': { patch: SettingsUpdate };
  'providers.test': { provider: string };
  // Elements library: see elementActions.ts.
  'element.create': { name: string; kind: ElementKind; files: File[] };
  'element.update': { elementId: string; patch: ElementPatch };
  'element.remove': { elementId: string };
  'element.addPictures': { elementId: string; pictures: PictureSource[] };
  'element.removePicture': { elementId: string; assetId: string };
  'shot.setElements': { shotId: string; elementIds: string[] };
  // The project's style: see styleActions.ts. `pictures` is the whole new list, in order.
  'style.setPrompt': { stylePrompt: string };
  'style.setPictures': { pictures: PictureSource[] };
  // Template variables (templateActions.ts): one undo step each.
  'template.set': {
    name: string;
    kind: 'text' | 'picture';
    value?: string;
    picture?: PictureSource;
    firstFrameShotIds?: string[];
  };
  'template.setValue': { name: string; value: string };
  'template.remove': { name: string };
  'audio.add': AddAudioPayload;
  'shots.paste': { lines: ListedShot[] };
  // Script import (scriptActions.ts): the accepted (and edited) proposal, one undo step.
  'script.apply': { proposal: ScriptProposal | null };
  // The AI breakdown of the script under review; the proposal comes back through onProposal.
  'script.breakdown': { script: { text: string; fileName: string } | null; onProposal(p: ScriptProposal): void };
  'script.import': undefined;
  'prompt.enhance': { shotId: string; provider: string; onSuggestion(s: PromptSuggestion): void };
  'prompt.applyEnhanced': { prompts: PromptSuggestion[] };
  'breakdown.saveSettings': { patch: LlmSettingsUpdate; onSaved(v: LlmSettingsView): void };
  // The variant review (variantActions.ts): marks go to the folder's variants.json, not the undo history.
  'variants.showReview': undefined;
  'variants.open': { dir?: string };
  'variants.mark': { file: string; review: VariantReview };
  'audio.update': { id: string; patch: AudioPatch };
  'audio.remove': { id: string };
  // Mute / solo / lock in a timeline track header (trackActions.ts): one undo step.
  'track.set': TrackSetPayload;
  // Dialogue (dialogueActions.ts): a shot's lines, voicing, fit, the take's own sound.
  'dialogue.setLines': MethodInput<'dialogue.setLines'>;
  'dialogue.voice': { shotIds?: string[] };
  'dialogue.fit': { shotIds: string[] };
  'dialogue.setVoice': MethodInput<'dialogue.setVoice'>;
  'export.subtitles': MethodInput<'export.subtitles'>;
  'take.setAudio': MethodInput<'takes.setAudio'>;
  // A shot's framing (framingActions.ts); aspect defaults to the project's, null = fit, centred.
  'shot.setFraming': { shotId: string; aspect?: Aspect; framing: Framing | null };
  // Hand-off: editor files and the PDF storyboard, collect, conform (handoffActions.ts).
  'handoff.export': HandoffExportPayload;
  'handoff.collect': HandoffCollectPayload;
  'handoff.conform': HandoffConformPayload;
  // Getting a project back: relink, save a copy, a repaired copy (recoveryActions.ts).
  'relink.open': undefined;
  'media.relink': RelinkPayload;
  'media.relinkFolder': { folder: string };
  'saveCopy.open': undefined;
  'project.saveCopy': { dir: string };
  'project.openRepaired': { dir: string };
  'repair.dismiss': undefined;
  // Recent projects and the folder browser (folderActions.ts).
  'recent.load': undefined;
  'folders.browse': BrowsePayload;
  'folders.choose': undefined;
  'folders.close': undefined;
  // The segment cache in Settings (cacheActions.ts).
  'cache.usage': CachePayload;
  'cache.clear': CachePayload;
  // Settings → C2PA signing (c2paActions.ts).
  'c2pa.saveSigning': C2paSigningPayload;
  'delivery.presets': DeliveryPresetsPayload;
  'delivery.start': DeliveryStartPayload;
  'delivery.cancel': undefined;
  'delivery.reveal': DeliveryRevealPayload;
  // New footage from footage (bridgeActions.ts, takeRunActions.ts): bridge, chain, upscale.
  'bridge.open': { afterShotId?: string } | undefined;
  'bridge.estimate': BridgeChoice;
  'bridge.insert': BridgeChoice;
  /** `long`: the long-take builder (a minute and more); else one link. */
  'chain.open': { takeId: string; long?: boolean };
  'chain.plan': ChainChoice;
  'chain.run': ChainChoice;
  'chain.stop': undefined;
  'upscale.open': { takeId: string };
  'upscale.estimate': { takeId: string; provider?: string };
  'upscale.run': { takeId: string; provider?: string };
  'takeRun.close': undefined;
}

export type ElementKind = Element['kind'];
/** A picked or dropped image, or an image already in the project. */
export type PictureSource = { file: File } | { assetId: string };

/** A picked or dropped image, a project asset, or the previous shot's last frame. */
export type FrameSource =
  { file: File } | { assetId: string } | { previousShotLastFrame: true } | { nextShotFirstFrame: true };
