/**
 * Timeline commands for the action registry, shortcuts, the context menu and tests. View
 * commands (zoom, scroll, playhead, selection) change UI state only; edit commands make ONE
 * contract call each (one undo step in the services) and put the returned document in the
 * store. Failures are shown at the app's error place and resolve false, never throw.
 */
import { toSerializedError } from '../../../shared/errors';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import type { ApiClient } from '../api/client';
import type { SelectionStore, SelectMode } from '../store/selection';
import type { AppStore } from '../store/store';
import { selection as appSelection, viewport as appViewport } from '../store/uiEditor';
import type { ViewportStore } from '../store/viewport';
import { callEdit } from './api';
import { removeAudio, updateAudio } from './audioApi';
import { audioModel } from './audioModel';
import { clampScroll, clipAtFrame, fitView, visibleRange, zoomAround } from './geometry';
import type { Intent } from './interactions/types';
import { timelineModel } from './model';

export interface TimelineCtx {
  api: ApiClient;
  store: AppStore;
  /** The window's stores by default (store/uiEditor.ts); tests pass their own. */
  viewport?: ViewportStore;
  selection?: SelectionStore;
}

const vpOf = (ctx: TimelineCtx) => ctx.viewport ?? appViewport;
const selOf = (ctx: TimelineCtx) => ctx.selection ?? appSelection;
const modelOf = (ctx: TimelineCtx) => timelineModel(ctx.store.getState().snapshot);
/** How far the view may fit and scroll: the film, or an audio item ending after it. */
const extentOf = (ctx: TimelineCtx) =>
  audioModel(ctx.store.getState().snapshot).reduce((end, b) => Math.max(end, b.start + b.frames), modelOf(ctx).total);

// ---- view (UI state, never history) ----

export function zoomToFit(ctx: TimelineCtx): void {
  const vp = vpOf(ctx).getState();
  vp.setView(fitView(extentOf(ctx), vp.width));
  vp.setFitted(true);
}

/** Zoom by `factor` (> 1 zooms in) keeping `anchorFrame` (default: the playhead) in place. */
export function zoomBy(ctx: TimelineCtx, factor: number, anchorFrame?: number): void {
  const vp = vpOf(ctx).getState();
  const next = zoomAround(vp, factor, anchorFrame ?? vp.playhead);
  vp.setView({
    pxPerFrame: next.pxPerFrame,
    scrollFrame: clampScroll(next.scrollFrame, next, vp.width, extentOf(ctx)),
  });
}

/** Horizontal scroll by a distance on screen. */
export function scrollBy(ctx: TimelineCtx, dxPx: number): void {
  const vp = vpOf(ctx).getState();
  const scrollFrame = clampScroll(vp.scrollFrame + dxPx / vp.pxPerFrame, vp, vp.width, extentOf(ctx));
  if (scrollFrame !== vp.scrollFrame) vp.setView({ pxPerFrame: vp.pxPerFrame, scrollFrame });
}

/** Moves the playhead (clamped to the film) and scrolls just enough to keep it in view. */
export function setPlayhead(ctx: TimelineCtx, frame: number): void {
  const store = vpOf(ctx);
  const total = modelOf(ctx).total;
  store.getState().setPlayhead(Math.min(Math.max(0, Math.round(frame)), total));
  const vp = store.getState();
  const range = visibleRange(vp, vp.width);
  if (vp.playhead < range.start || vp.playhead > range.end) {
    const margin = (range.end - range.start) * 0.1;
    const scrollFrame =
      vp.playhead < range.start ? vp.playhead - margin : vp.playhead - (range.end - range.start) + margin;
    vp.setView({ pxPerFrame: vp.pxPerFrame, scrollFrame: clampScroll(scrollFrame, vp, vp.width, total) });
  }
}

export function stepFrames(ctx: TimelineCtx, n: number): void {
  setPlayhead(ctx, vpOf(ctx).getState().playhead + n);
}

/** Changes the one selection (store/selection.ts). */
export function selectShots(ctx: TimelineCtx, ids: readonly string[], mode: SelectMode = 'replace'): void {
  selOf(ctx).getState().select(ids, mode, modelOf(ctx).order);
}

/** The shots edit commands act on: the selection's shots that exist. */
export function selectedIds(ctx: TimelineCtx): string[] {
  const m = modelOf(ctx);
  return selOf(ctx)
    .getState()
    .ids.filter((id) => m.byId.has(id));
}

// ---- edits (one contract call = one undo step) ----

async function edit(ctx: TimelineCtx, run: () => Promise<ProjectSnapshot>): Promise<ProjectSnapshot | null> {
  try {
    const snapshot = await run();
    ctx.store.getState().setSnapshot(snapshot);
    selOf(ctx)
      .getState()
      .prune(new Set(snapshot.shots.map((s) => s.id)));
    return snapshot;
  } catch (err) {
    const e = toSerializedError(err);
    ctx.store.getState().setError('app', { code: e.code, message: e.message });
    return null;
  }
}

/** Sends a committed gesture. */
export async function applyIntent(ctx: TimelineCtx, intent: Intent): Promise<boolean> {
  if (intent.kind === 'audio') return (await edit(ctx, () => updateAudio(ctx.api, intent.id, intent.patch))) !== null;
  if (intent.kind === 'audio-remove') return (await edit(ctx, () => removeAudio(ctx.api, intent.id))) !== null;
  if (intent.kind === 'move') {
    return (
      (await edit(ctx, () =>
        callEdit(ctx.api, 'shots.moveMany', { shotIds: intent.shotIds, toIndex: intent.toIndex }),
      )) !== null
    );
  }
  return (
    (await edit(ctx, () =>
      callEdit(ctx.api, 'shots.setTrim', {
        shotId: intent.shotId,
        inFrames: intent.inFrames,
        outFrames: intent.outFrames,
      }),
    )) !== null
  );
}

/** Splits the shot under the playhead there (two shots sharing the take). False if none. */
export async function splitAtPlayhead(ctx: TimelineCtx): Promise<boolean> {
  const m = modelOf(ctx);
  const playhead = vpOf(ctx).getState().playhead;
  const clip = clipAtFrame(m.clips, playhead);
  const atFrame = clip ? playhead - clip.start : 0;
  if (!clip || atFrame < 1 || atFrame >= clip.frames) return false;
  return (await edit(ctx, () => callEdit(ctx.api, 'shots.split', { shotId: clip.id, atFrame }))) !== null;
}

export async function deleteSelection(ctx: TimelineCtx): Promise<boolean> {
  const shotIds = selectedIds(ctx);
  if (shotIds.length === 0) return false;
  return (await edit(ctx, () => callEdit(ctx.api, 'shots.removeMany', { shotIds }))) !== null;
}

/** Selects the shots that an edit added (a duplicate or a paste). */
function selectAdded(ctx: TimelineCtx, before: ReadonlySet<string>, after: ProjectSnapshot | null): boolean {
  if (!after) return false;
  const added = timelineModel(after).order.filter((id) => !before.has(id));
  if (added.length > 0) selectShots(ctx, added, 'replace');
  return true;
}

export async function duplicateSelection(ctx: TimelineCtx): Promise<boolean> {
  const shotIds = selectedIds(ctx);
  if (shotIds.length === 0) return false;
  const before = new Set(modelOf(ctx).order);
  return selectAdded(ctx, before, await edit(ctx, () => callEdit(ctx.api, 'shots.duplicate', { shotIds })));
}

export function copySelection(ctx: TimelineCtx): boolean {
  const ids = selectedIds(ctx);
  if (ids.length === 0) return false;
  selOf(ctx).getState().setClipboard(ids);
  return true;
}

/** Where a paste lands: before the shot starting at the playhead, else after the shot under it. */
export function pasteIndex(ctx: TimelineCtx): number {
  const m = modelOf(ctx);
  const playhead = vpOf(ctx).getState().playhead;
  const clip = clipAtFrame(m.clips, playhead);
  if (!clip) return m.order.length;
  return playhead === clip.start ? clip.index : clip.index + 1;
}

/** Pastes the copied shots (as duplicates) at the playhead. */
export async function pasteAtPlayhead(ctx: TimelineCtx): Promise<boolean> {
  const m = modelOf(ctx);
  const shotIds = selOf(ctx)
    .getState()
    .clipboard.filter((id) => m.byId.has(id));
  if (shotIds.length === 0) return false;
  const toIndex = pasteIndex(ctx);
  const before = new Set(m.order);
  return selectAdded(ctx, before, await edit(ctx, () => callEdit(ctx.api, 'shots.duplicate', { shotIds, toIndex })));
}
