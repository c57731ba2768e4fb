/**
 * A headless timeline (after tldraw's TestEditor): the real store, the window's selection and
 * viewport stores, the real controller and gesture machines, and the real action registry (a
 * committed gesture runs its action: timeline/intents.ts), over FakeServices instead of a
 * canvas. Tests script pointer and key sequences in timeline content coordinates, run actions
 * by id as a shortcut or menu would, and read back the document, the UI stores and the
 * recorded contract calls.
 */
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import { actions, runAction, type ActionContext, type ActionId } from '../../renderer/src/actions/index.js';
import type { ActionPayloads } from '../../renderer/src/actions/payloads.js';
import { setPlayhead } from '../../renderer/src/player/playhead.js';
import type { SelectionStore } from '../../renderer/src/store/selection.js';
import { createAppStore, type AppStore } from '../../renderer/src/store/store.js';
import { resetEditorUi, selection, viewport } from '../../renderer/src/store/uiEditor.js';
import type { ViewportStore } from '../../renderer/src/store/viewport.js';
import { AUDIO_BOX_H, audioModel, laneTop } from '../../renderer/src/timeline/audioModel.js';
import { sendIntent } from '../../renderer/src/timeline/intents.js';
import { TimelineController } from '../../renderer/src/timeline/controller.js';
import { frameToX, LAYOUT } from '../../renderer/src/timeline/geometry.js';
import { createGestureStore, type GestureStore } from '../../renderer/src/timeline/gestureStore.js';
import type { Intent, PointerInput } from '../../renderer/src/timeline/interactions/types.js';
import { timelineModel } from '../../renderer/src/timeline/model.js';
import { FakeServices } from './fakeServices.js';

export type Mods = Pick<PointerInput, 'shift' | 'mod' | 'alt'>;

export class TestTimeline {
  readonly services: FakeServices;
  readonly store: AppStore;
  readonly viewport: ViewportStore;
  readonly selection: SelectionStore;
  readonly gesture: GestureStore;
  readonly controller: TimelineController;
  readonly ctx: ActionContext;
  readonly contextMenus: { shotId: string | null; x: number; y: number }[] = [];
  private last: PointerInput = { x: 0, y: 0 };

  constructor(doc: ProjectSnapshot, view: { pxPerFrame?: number; width?: number } = {}) {
    // The actions act on the window's selection and viewport, as in the app: each test starts them clean.
    resetEditorUi();
    this.services = new FakeServices(doc);
    this.selection = selection;
    this.store = createAppStore();
    this.store.getState().setSnapshot(doc);
    this.viewport = viewport;
    viewport.setState({ pxPerFrame: view.pxPerFrame ?? 2, scrollFrame: 0, width: view.width ?? 2000, fitted: false });
    this.gesture = createGestureStore();
    this.ctx = { api: this.services.api(), store: this.store };
    this.controller = new TimelineController({
      getSnapshot: () => this.store.getState().snapshot,
      viewport: this.viewport,
      selection: this.selection,
      gesture: this.gesture,
      send: (intent: Intent) => sendIntent(this.ctx, intent),
      onContextMenu: (shotId, p) => this.contextMenus.push({ shotId, x: p.x, y: p.y }),
    });
  }

  get doc(): ProjectSnapshot {
    const s = this.store.getState().snapshot;
    if (!s) throw new Error('no document');
    return s;
  }

  /** Shot ids in timeline order. */
  order(): string[] {
    return timelineModel(this.doc).order;
  }

  clip(id: string) {
    const c = timelineModel(this.doc).clips.find((x) => x.id === id);
    if (!c) throw new Error(`no clip ${id}`);
    return c;
  }

  audio(id: string) {
    const b = audioModel(this.doc).find((x) => x.id === id);
    if (!b) throw new Error(`no audio item ${id}`);
    return b;
  }

  /** A point on an audio item: its middle, just inside an edge, or `n` frames into it. */
  audioAt(id: string, where: 'middle' | 'left-edge' | 'right-edge' | number = 'middle'): { x: number; y: number } {
    const b = this.audio(id);
    const y = laneTop(b.lane) + AUDIO_BOX_H / 2;
    if (where === 'left-edge') return { x: this.x(b.start) + 1, y };
    if (where === 'right-edge') return { x: this.x(b.start + b.frames) - 1, y };
    if (typeof where === 'number') return { x: this.x(b.start + where), y };
    return { x: this.x(b.start + b.frames / 2), y };
  }

  /** Lets the calls a key started (Delete) answer. */
  async settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, 0));
  }

  /** x of a frame on screen. */
  x(frame: number): number {
    return frameToX(frame, this.viewport.getState());
  }

  /** A point on a clip: its middle, or just inside its left/right edge (a trim handle). */
  at(id: string, where: 'middle' | 'left-edge' | 'right-edge' | number = 'middle'): { x: number; y: number } {
    const c = this.clip(id);
    const y = LAYOUT.shotTop + LAYOUT.shotHeight / 2;
    if (where === 'left-edge') return { x: this.x(c.start) + 1, y };
    if (where === 'right-edge') return { x: this.x(c.start + c.frames) - 1, y };
    if (typeof where === 'number') return { x: this.x(c.start + where), y };
    return { x: this.x(c.start + c.frames / 2), y };
  }

  pointerDown(x: number, y: number, mods: Mods = {}, button = 0): this {
    this.last = { x, y, ...mods };
    this.controller.pointerDown(this.last, button);
    return this;
  }

  /** Moves in `steps` equal steps (each a pointer event, as a real drag sends many). */
  pointerMove(x: number, y: number, mods: Mods = {}, steps = 1): this {
    const from = this.last;
    for (let i = 1; i <= steps; i++) {
      this.last = { x: from.x + ((x - from.x) * i) / steps, y: from.y + ((y - from.y) * i) / steps, ...mods };
      this.controller.pointerMove(this.last);
    }
    return this;
  }

  async pointerUp(mods: Mods = {}): Promise<Intent | null> {
    return this.controller.pointerUp({ ...this.last, ...mods });
  }

  async click(x: number, y: number, mods: Mods = {}): Promise<void> {
    this.pointerDown(x, y, mods);
    await this.pointerUp(mods);
  }

  async drag(from: { x: number; y: number }, to: { x: number; y: number }, mods: Mods = {}): Promise<Intent | null> {
    this.pointerDown(from.x, from.y, mods);
    this.pointerMove(to.x, to.y, mods, 8);
    return this.pointerUp(mods);
  }

  key(key: string): boolean {
    return this.controller.keyDown(key);
  }

  /** Runs a registry action by id, as its shortcut, menu item or button would. */
  run<Id extends ActionId>(id: Id, payload: ActionPayloads[Id]): Promise<boolean> {
    return runAction(this.ctx, actions[id], payload as never);
  }

  setPlayhead(frame: number): this {
    setPlayhead(frame);
    return this;
  }

  select(ids: readonly string[]): this {
    this.selection.getState().select(ids, 'replace', this.order());
    return this;
  }

  selected(): readonly string[] {
    return this.selection.getState().ids;
  }

  async undo(): Promise<void> {
    this.store.getState().setSnapshot(await this.ctx.api.call('history.undo', {}));
  }
}
