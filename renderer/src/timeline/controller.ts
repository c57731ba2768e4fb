/**
 * Routes pointer and key input to the gesture machines and the UI stores. No Konva or React:
 * the Konva view feeds it stage coordinates, the headless driver (test/driver) feeds it
 * scripted ones, so both exercise the same code. A committed gesture yields one intent, which
 * `send` turns into one contract call (one undo step).
 */
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { takeFrames } from '../../../shared/model/timeline';
import type { SelectionStore } from '../store/selection';
import type { ViewportStore } from '../store/viewport';
import { menuTargetAt, type MenuTarget } from './menuTarget';
import { audioModel, hitAudio } from './audioModel';
import { createAudioSelection, type AudioSelectionStore } from './audioSelection';
import { hitTest, LAYOUT, snapTargets } from './geometry';
import { IDLE, type GestureStore } from './gestureStore';
import type { ActiveGesture } from './interactions/active';
import { startAudioEdit } from './interactions/audioEdit';
import { startMarquee } from './interactions/marquee';
import { startReorder } from './interactions/reorder';
import { startScrub } from './interactions/scrub';
import { startTrim } from './interactions/trim';
import type { GestureContext, Intent, PointerInput } from './interactions/types';
import { isTrimmable, timelineModel } from './model';

export interface ControllerDeps {
  getSnapshot(): ProjectSnapshot | null;
  viewport: ViewportStore;
  selection: SelectionStore;
  gesture: GestureStore;
  /** The selected audio item (the controller makes its own when not given). */
  audioSelection?: AudioSelectionStore;
  /** Sends a committed gesture's intent (one contract call). */
  send(intent: Intent): Promise<unknown>;
  /** The selection changed (the app mirrors the primary shot into its inspector). */
  onSelect?(ids: readonly string[], primary: string | null): void;
  /** Right-click: the panels show a context menu for this shot (null: empty area). */
  onContextMenu?(shotId: string | null, p: PointerInput, target: MenuTarget | null): void;
}

export class TimelineController {
  private active: ActiveGesture = null;
  readonly audioSelection: AudioSelectionStore;

  constructor(private readonly deps: ControllerDeps) {
    this.audioSelection = deps.audioSelection ?? createAudioSelection();
  }

  get gestureKind(): string | null {
    return this.active?.kind ?? null;
  }

  private model() {
    return timelineModel(this.deps.getSnapshot());
  }

  private context(): GestureContext {
    const v = this.deps.viewport.getState();
    return {
      clips: this.model().clips,
      view: { pxPerFrame: v.pxPerFrame, scrollFrame: v.scrollFrame },
      playhead: v.playhead,
    };
  }

  private select(ids: readonly string[], mode: 'replace' | 'add' | 'toggle' | 'range'): void {
    const { selection } = this.deps;
    selection.getState().select(ids, mode, this.model().order);
    const s = selection.getState();
    const primary = s.anchor !== null && s.ids.includes(s.anchor) ? s.anchor : (s.ids[0] ?? null);
    this.deps.onSelect?.(s.ids, primary);
  }

  private setSelection(ids: readonly string[]): void {
    this.select(ids, 'replace');
  }

  private selectAudio(id: string | null): void {
    if (this.audioSelection.getState().id !== id) this.audioSelection.getState().set(id);
  }

  /**
   * A context menu's item becomes the selection first (one selection model): a shot (kept with
   * the others when already selected), a transition or an audio item in the inspector.
   */
  selectFor(target: MenuTarget | null): void {
    if (target?.kind === 'shot') {
      this.selectAudio(null);
      if (!this.deps.selection.getState().ids.includes(target.shotId)) this.setSelection([target.shotId]);
    } else if (target?.kind === 'transition') {
      this.selectAudio(null);
      this.deps.selection.getState().focus({ kind: 'transition', shotId: target.shotId });
    } else if (target?.kind === 'audio') {
      if (this.deps.selection.getState().ids.length > 0) this.setSelection([]);
      this.selectAudio(target.id);
      this.deps.selection.getState().focus({ kind: 'audio', id: target.id });
    }
  }

  private audioHit(p: PointerInput) {
    return hitAudio(audioModel(this.deps.getSnapshot()), p.x, p.y, this.context().view);
  }

  /** A press on an audio item: selects it; a drag past the threshold moves or trims it. */
  private pressAudio(p: PointerInput): boolean {
    const hit = this.audioHit(p);
    if (!hit) return false;
    if (this.deps.selection.getState().ids.length > 0) this.setSelection([]);
    this.selectAudio(hit.box.id);
    const ctx = this.context();
    const kind = hit.zone === 'body' ? 'move' : hit.zone;
    const g = startAudioEdit(
      { pxPerFrame: ctx.view.pxPerFrame, targets: snapTargets(ctx.clips, ctx.playhead) },
      hit.box,
      kind,
      p,
    );
    this.active = { kind: 'audio-press', g, origin: p, moved: false };
    if (kind !== 'move') this.deps.gesture.setState({ audio: g.preview(), cursor: 'ew-resize' });
    return true;
  }

  /** The cursor for a hover at p (no button down). */
  hover(p: PointerInput): string {
    if (this.active) return this.deps.gesture.getState().cursor;
    const m = this.model();
    const hit = hitTest(m.clips, p.x, p.y, this.context().view, (id) => isTrimmable(m, id));
    const audio = hit.zone === 'audio' ? this.audioHit(p) : null;
    if (audio) {
      const c = audio.zone === 'body' ? 'grab' : 'ew-resize';
      if (this.deps.gesture.getState().cursor !== c) this.deps.gesture.setState({ cursor: c });
      return c;
    }
    const cursor =
      hit.zone === 'trim-in' || hit.zone === 'trim-out'
        ? 'ew-resize'
        : hit.zone === 'ruler'
          ? 'col-resize'
          : hit.zone === 'clip'
            ? 'grab'
            : 'default';
    if (this.deps.gesture.getState().cursor !== cursor) this.deps.gesture.setState({ cursor });
    return cursor;
  }

  pointerDown(p: PointerInput, button = 0): void {
    if (this.active) this.cancel();
    const m = this.model();
    const ctx = this.context();
    const hit = hitTest(m.clips, p.x, p.y, ctx.view, (id) => isTrimmable(m, id));
    const selected = this.deps.selection.getState().ids;
    if (button === 2) {
      const target = menuTargetAt(this.deps.getSnapshot(), p.x, p.y, ctx.view);
      this.selectFor(target);
      const shotId = target?.kind === 'shot' || target?.kind === 'transition' ? target.shotId : null;
      this.deps.onContextMenu?.(shotId, p, target);
      return;
    }
    if (button !== 0) return;
    if (hit.zone === 'audio' && this.pressAudio(p)) return;
    this.selectAudio(null);
    if (hit.zone === 'ruler') {
      const g = startScrub(ctx, p, m.total);
      this.deps.viewport.getState().setPlayhead(g.frame());
      this.active = { kind: 'scrub', g };
      return;
    }
    if ((hit.zone === 'trim-in' || hit.zone === 'trim-out') && hit.clip) {
      const cut = m.byId.get(hit.clip.id);
      const fps = this.deps.getSnapshot()?.project.fps;
      if (cut?.trim && cut.asset && fps) {
        if (!selected.includes(hit.clip.id)) this.setSelection([hit.clip.id]);
        const g = startTrim(
          ctx,
          {
            clip: hit.clip,
            edge: hit.zone === 'trim-in' ? 'in' : 'out',
            inFrames: cut.trim.inFrames,
            outFrames: cut.trim.outFrames,
            // The bound is the file itself, not the current out point.
            mediaFrames: takeFrames(cut.asset, fps),
            storedOut: cut.shot.trimOutFrames,
          },
          p,
        );
        this.active = { kind: 'trim', g };
        this.deps.gesture.setState({ trim: g.preview(), cursor: 'ew-resize' });
        return;
      }
    }
    if (hit.zone === 'clip' && hit.clip) {
      const id = hit.clip.id;
      let narrowOnClick = false;
      if (p.shift) this.select([id], 'range');
      else if (p.mod) this.select([id], 'toggle');
      else if (!selected.includes(id)) this.setSelection([id]);
      else narrowOnClick = selected.length > 1;
      this.active = { kind: 'press', pending: { clip: hit.clip, origin: p, narrowOnClick } };
      return;
    }
    if (hit.zone === 'lane' || hit.zone === 'none' || hit.zone === 'audio') {
      const additive = p.shift === true || p.mod === true;
      if (!additive) this.setSelection([]);
      this.active = { kind: 'marquee', g: startMarquee(ctx, p, this.deps.selection.getState().ids) };
    }
  }

  pointerMove(p: PointerInput): void {
    const a = this.active;
    if (!a) {
      this.hover(p);
      return;
    }
    if (a.kind === 'press') {
      const { pending } = a;
      if (Math.hypot(p.x - pending.origin.x, p.y - pending.origin.y) < LAYOUT.dragThresholdPx) return;
      // A Ctrl/Cmd-click that just deselected the shot does not drag it.
      const selected = this.deps.selection.getState().ids;
      if (!selected.includes(pending.clip.id)) {
        this.active = null;
        return;
      }
      const g = startReorder(this.context(), pending.clip, selected, pending.origin);
      this.active = { kind: 'reorder', g };
      this.deps.gesture.setState({ reorder: g.move(p), cursor: 'grabbing' });
      return;
    }
    if (a.kind === 'audio-press') {
      if (!a.moved && Math.hypot(p.x - a.origin.x, p.y - a.origin.y) < LAYOUT.dragThresholdPx) return;
      a.moved = true;
      this.deps.gesture.setState({
        audio: a.g.move(p),
        cursor: a.g.preview().kind === 'move' ? 'grabbing' : 'ew-resize',
      });
      return;
    }
    if (a.kind === 'reorder') this.deps.gesture.setState({ reorder: a.g.move(p) });
    else if (a.kind === 'trim') this.deps.gesture.setState({ trim: a.g.move(p) });
    else if (a.kind === 'scrub') this.deps.viewport.getState().setPlayhead(a.g.move(p));
    else {
      const preview = a.g.move(p);
      this.deps.gesture.setState({ marquee: preview });
      this.setSelection(preview.ids);
    }
  }

  /** Ends the gesture; resolves when its intent (if any) has been sent. */
  async pointerUp(p: PointerInput): Promise<Intent | null> {
    const a = this.active;
    this.active = null;
    if (!a) return null;
    let intent: Intent | null = null;
    if (a.kind === 'press') {
      if (a.pending.narrowOnClick && !p.shift && !p.mod) this.setSelection([a.pending.clip.id]);
    } else if (a.kind === 'reorder' || a.kind === 'trim') {
      intent = a.g.commit();
    } else if (a.kind === 'audio-press' && a.moved) {
      intent = a.g.commit();
    }
    this.deps.gesture.setState({
      ...IDLE,
      cursor: this.deps.gesture.getState().cursor === 'grabbing' ? 'grab' : this.deps.gesture.getState().cursor,
    });
    if (intent) await this.deps.send(intent);
    return intent;
  }

  /** Escape abandons the gesture in progress and restores what it changed. True if handled. */
  cancel(): boolean {
    const a = this.active;
    if (!a) return false;
    this.active = null;
    if (a.kind === 'reorder' || a.kind === 'trim' || a.kind === 'audio-press') a.g.cancel();
    else if (a.kind === 'scrub') this.deps.viewport.getState().setPlayhead(a.g.originFrame);
    else if (a.kind === 'marquee') this.setSelection(a.g.before);
    this.deps.gesture.setState({ ...IDLE });
    return true;
  }

  keyDown(key: string): boolean {
    if (key === 'Escape') return this.cancel();
    if ((key === 'Delete' || key === 'Backspace') && this.audioSelection.getState().id !== null && !this.active) {
      void this.deleteAudio();
      return true;
    }
    return false;
  }

  /** Removes the selected audio item (one audio.remove). False when none is selected. */
  async deleteAudio(): Promise<boolean> {
    const id = this.audioSelection.getState().id;
    if (id === null || !audioModel(this.deps.getSnapshot()).some((b) => b.id === id)) return false;
    this.selectAudio(null);
    await this.deps.send({ kind: 'audio-remove', id });
    return true;
  }
}
