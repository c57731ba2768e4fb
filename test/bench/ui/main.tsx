/**
 * The UI benchmark page (test/bench/ui.bench.ts drives it in Chromium): our real <Timeline>
 * over a 500-shot document and a fake API, and a bare Konva stage with as many nodes.
 * `window.bench` runs frame loops in the page and reports frame intervals (ms) and renders.
 */
import Konva from 'konva';
import { createRoot } from 'react-dom/client';
import type { ApiClient } from '../../../renderer/src/api/client';
import { AppProvider } from '../../../renderer/src/app/context';
import { initI18n } from '../../../renderer/src/i18n';
import { createAppStore } from '../../../renderer/src/store/store';
import { selection, viewport } from '../../../renderer/src/store/uiEditor';
import { clipAtFrame, frameToX, xToFrame } from '../../../renderer/src/timeline/geometry';
import { timelineModel } from '../../../renderer/src/timeline/model';
import { scrollBy, zoomBy, zoomToFit } from '../../../renderer/src/timeline/view';
import { renderProbe } from '../../../renderer/src/timeline/probe';
import { Timeline } from '../../../renderer/src/timeline/Timeline';
import { bareStage, type Bare } from './bare';
import { benchDoc, spriteUrl } from './doc';

const WIDTH = 1400;

async function main() {
  await initI18n('en');
  const doc = benchDoc(Number(new URLSearchParams(location.search).get('shots') ?? 500));
  const sprite = spriteUrl();
  const api: ApiClient = {
    kind: 'browser',
    status: 'open',
    call: (async (method: string) => {
      if (method === 'media.filmstrip')
        return { path: '/bench/strip.png', count: 12, tileWidth: 93, tileHeight: 62, times: [] };
      return doc;
    }) as ApiClient['call'],
    on: () => () => undefined,
    onStatus: () => () => undefined,
    mediaUrl: () => sprite,
    importFile: async () => '',
  };
  const store = createAppStore();
  store.getState().setSnapshot(doc);
  const ctx = { api, store };
  const rootEl = document.getElementById('root') as HTMLDivElement;
  createRoot(rootEl).render(
    <AppProvider value={ctx}>
      <Timeline />
    </AppProvider>,
  );

  const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
  /** Runs `step` once per frame, `n` times; returns the frame intervals. */
  async function loop(n: number, step: (i: number) => void): Promise<number[]> {
    const times: number[] = [];
    let last = await frame();
    for (let i = 0; i < n; i++) {
      step(i);
      const now = await frame();
      times.push(now - last);
      last = now;
    }
    // Let the last draw land before the next measurement starts.
    await frame();
    return times;
  }
  const ourStage = () => Konva.stages.find((s) => rootEl.contains(s.container()));
  const bareStageNow = () => Konva.stages.find((s) => !rootEl.contains(s.container()));
  const countNodes = () => ourStage()?.find(() => true).length ?? 0;
  /** A macrotask hop: React has rendered the store change (a microtask) once it resolves. */
  const hop = () =>
    new Promise<void>((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    });
  /**
   * CPU work per frame, free of the display's 16.7 ms steps: the step, React's render, then a
   * synchronous draw of each layer that asked for one (what Konva's batched draw would do).
   */
  async function work(n: number, step: (i: number) => void, stage: () => Konva.Stage | undefined): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      await frame();
      const t0 = performance.now();
      step(i);
      await hop();
      for (const layer of stage()?.getLayers() ?? []) {
        if ((layer as unknown as { _waitingForDraw?: boolean })._waitingForDraw) layer.draw();
      }
      times.push(performance.now() - t0);
    }
    await frame();
    return times;
  }
  /** The most nodes our stage holds during a step sequence (the baseline gets as many). */
  async function maxNodes(n: number, step: (i: number) => void): Promise<number> {
    let max = countNodes();
    for (let i = 0; i < n; i++) {
      step(i);
      await frame();
      max = Math.max(max, countNodes());
    }
    return max;
  }
  const panStep = (n: number, dx: number) => (i: number) => scrollBy(ctx, i < n / 2 ? dx : -dx);
  const zoomStep = (n: number, factor: number) => (i: number) => {
    const v = viewport.getState();
    zoomBy(ctx, i < n / 2 ? factor : 1 / factor, v.scrollFrame + v.width / v.pxPerFrame / 2);
  };

  // Elements added to or removed from the page under the timeline (its DOM overlays, its hidden list).
  let domChanges = 0;
  const domSeen = new MutationObserver((records) => (domChanges += records.length));
  domSeen.observe(rootEl, { childList: true, subtree: true });

  let bare: Bare | null = null;
  const bench = {
    ready: () => countNodes() > 0,
    nodes: countNodes,
    fit: () => zoomToFit(ctx),
    setZoom(pxPerFrame: number, scrollFrame: number) {
      viewport.getState().setView({ pxPerFrame, scrollFrame });
    },
    /** Pans right then back (dx px per frame), as a trackpad swipe would. */
    panOurs: (n: number, dx: number) => loop(n, panStep(n, dx)),
    /** Zooms in then out around the middle of the view. */
    zoomOurs: (n: number, factor: number) => loop(n, zoomStep(n, factor)),
    panOursWork: (n: number, dx: number) => work(n, panStep(n, dx), ourStage),
    zoomOursWork: (n: number, factor: number) => work(n, zoomStep(n, factor), ourStage),
    panNodes: (n: number, dx: number) => maxNodes(n, panStep(n, dx)),
    zoomNodes: (n: number, factor: number) => maxNodes(n, zoomStep(n, factor)),
    makeBare(nodes: number) {
      bare?.destroy();
      const el = document.getElementById('bare') as HTMLDivElement;
      bare = bareStage(el, WIDTH, 200, nodes);
      return true;
    },
    panBare: (n: number, dx: number) => loop(n, (i) => bare?.pan(i < n / 2 ? dx : -dx)),
    zoomBare: (n: number, factor: number) => loop(n, (i) => bare?.zoom(i < n / 2 ? factor : 1 / factor)),
    panBareWork: (n: number, dx: number) => work(n, (i) => bare?.pan(i < n / 2 ? dx : -dx), bareStageNow),
    zoomBareWork: (n: number, factor: number) =>
      work(n, (i) => bare?.zoom(i < n / 2 ? factor : 1 / factor), bareStageNow),
    destroyBare() {
      bare?.destroy();
      bare = null;
    },
    probe(on: boolean) {
      renderProbe.enabled = on;
      renderProbe.counts.clear();
    },
    renders: () => Object.fromEntries(renderProbe.counts),
    /** The selected shot ids (UI-2 checks its press grabbed a shot: on empty track it is a marquee). */
    selected: () => [...selection.getState().ids],
    /**
     * The stage x (content x, gutter excluded) of the middle of the clip under stage x `x`: a
     * press there is on the clip's body, not its trim handles (up to a third of a narrow clip).
     */
    clipMiddleX(x: number): number {
      const v = viewport.getState();
      const clip = clipAtFrame(timelineModel(store.getState().snapshot).clips, xToFrame(x, v));
      if (!clip) throw new Error(`no clip at x ${x}`);
      return frameToX(clip.start + clip.frames / 2, v);
    },
    frame,
    /** Resolves once React has rendered what the caller just changed (a macrotask, before any idle period). */
    hop,
    /** Resolves in the next idle period, after any idle callback asked for before it (test/e2e/timelinePan.spec.ts). */
    idle: () => new Promise<void>((r) => requestIdleCallback(() => r())),
    /** One pan step as the wheel does it (for the render-count test, test/e2e/timelinePan.spec.ts). */
    pan: (dxPx: number) => scrollBy(ctx, dxPx),
    /** One zoom step around the middle of the view, as the bench's zoom does it (test/e2e/timelinePan.spec.ts). */
    zoom: (factor: number) => zoomStep(2, factor)(0),
    /** How many DOM child-list changes the timeline made since the last call (test/e2e/timelinePan.spec.ts). */
    domChanges() {
      const n = domChanges + domSeen.takeRecords().length;
      domChanges = 0;
      return n;
    },
    /** The x of every group that a pan moves (each layer's scrolled content). */
    scrolledGroupXs: () =>
      (ourStage()?.find('Group') ?? [])
        .filter((g) => g.getParent()?.nodeType === 'Group' && g.getParent()?.clipWidth() !== undefined)
        .map((g) => g.x()),
  };
  (window as unknown as { bench: typeof bench }).bench = bench;
}

void main();
