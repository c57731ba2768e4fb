/**
 * The workspace benchmark page (test/bench/workspace.bench.ts drives it in Chromium): the real
 * <Workspace> over a 500-shot document and a fake API, against a same-run baseline of a bare
 * React list of the same 500 shots. `window.bench` measures in the page:
 * - open(): document in the store + the workspace mounted -> its regions painted (ms);
 * - select(i): a selection change -> the inspector painted with that shot (ms).
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { useState } from 'react';
import type { ApiClient } from '../../../renderer/src/api/client';
import { AppProvider } from '../../../renderer/src/app/context';
import { initI18n } from '../../../renderer/src/i18n';
import { createAppStore } from '../../../renderer/src/store/store';
import { selection } from '../../../renderer/src/store/uiEditor';
import { Workspace } from '../../../renderer/src/workspace/Workspace';
import '../../../renderer/src/styles/app.css';
import { benchDoc, spriteUrl } from '../ui/doc';

/** The Prioritized Task Scheduling API (Chromium 94+); not in TypeScript's DOM lib yet. */
declare const scheduler: { postTask<T>(cb: () => T, options: { priority: 'user-blocking' }): Promise<T> };

const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
/** The next frame after the DOM changed: its rAF callback runs just before that frame paints; one more is after it. */
async function painted(): Promise<number> {
  await frame();
  return frame();
}

async function main() {
  await initI18n('en');
  const doc = benchDoc(500);
  const order = [...doc.shots].sort((a, b) => a.position - b.position).map((s) => s.id);
  const sprite = spriteUrl();
  const api: ApiClient = {
    kind: 'browser',
    status: 'open',
    call: (async (method: string) => {
      if (method === 'media.filmstrip')
        return { path: '/bench/strip.png', count: 12, tileWidth: 93, tileHeight: 62, times: [] };
      if (method === 'project.current') return doc;
      throw new Error(`${method} is not part of this bench`);
    }) as ApiClient['call'],
    on: () => () => undefined,
    onStatus: () => () => undefined,
    mediaUrl: () => sprite,
    importFile: async () => '',
  };
  const el = document.getElementById('root') as HTMLDivElement;
  let root: Root | null = null;
  let setBare: ((i: number) => void) | null = null;

  function BareList({ start }: { start: number }) {
    const [sel, set] = useState(start);
    setBare = set;
    return (
      <div style={{ display: 'flex', height: '100vh' }}>
        <ol style={{ overflow: 'auto', width: 300 }}>
          {doc.shots.map((s, i) => (
            <li key={s.id} className={i === sel ? 'sel' : ''}>
              {s.title}
            </li>
          ))}
        </ol>
        <section data-testid="bare-inspector">
          <h2>{`Shot ${sel + 1}`}</h2>
          <p>{doc.shots[sel]?.title}</p>
        </section>
      </div>
    );
  }

  const unmount = () => {
    root?.unmount();
    root = null;
  };
  const change = (kind: 'ours' | 'bare', i: number) => {
    // Marks the change in a performance trace (the first frame's CPU can be read from it).
    performance.mark('bench-change');
    if (kind === 'ours') selection.getState().select([order[i] as string], 'replace', order);
    // A state update outside a React event is rendered in a later task (default lane); the store
    // update of ours renders in this frame's microtask (sync lane), so the baseline does too.
    else flushSync(() => setBare?.(i));
  };
  /**
   * Ours shows shot i when the inspector's heading names it (shot.heading: "Shot {{number}}")
   * AND everything the inspector pane shows on screen is that shot's: every rendered part that
   * names a shot (data-shot-id) and reaches into the pane's visible area names shot i, and the
   * rendered parts fill the visible area down to its bottom (a section hidden while it waits for
   * a deferred render would leave a gap there), unless nothing is hidden at all.
   */
  const shows = (kind: 'ours' | 'bare', i: number) => {
    if (kind === 'bare')
      return document.querySelector('[data-testid="bare-inspector"] h2')?.textContent === `Shot ${i + 1}`;
    if (document.getElementById('detail-title')?.textContent !== `Shot ${i + 1}`) return false;
    const pane = document.querySelector('[data-testid="region-inspector"] .pane-scroll');
    if (!pane) return false;
    const view = pane.getBoundingClientRect();
    const id = order[i] as string;
    let filledTo = view.top;
    let hidden = false;
    for (const part of pane.querySelectorAll<HTMLElement>('[data-shot-id]')) {
      if (part.closest('[hidden]')) {
        hidden = true;
        continue;
      }
      const box = part.getBoundingClientRect();
      if (box.bottom <= view.top || box.top >= view.bottom) continue;
      if (part.dataset.shotId !== id) return false;
      filledTo = Math.max(filledTo, box.bottom);
    }
    return !hidden || filledTo >= view.bottom;
  };
  const bench = {
    async open(kind: 'ours' | 'bare'): Promise<number> {
      unmount();
      await painted();
      const t0 = performance.now();
      root = createRoot(el);
      if (kind === 'ours') {
        const store = createAppStore();
        store.getState().setSnapshot(doc);
        flushSync(() =>
          root?.render(
            <AppProvider value={{ api, store }}>
              <Workspace />
            </AppProvider>,
          ),
        );
        // Interactive: the four regions and the timeline canvas are in the DOM (the timeline loads lazily).
        while (!document.querySelector('[data-testid="timeline-canvas"] canvas')) await frame();
      } else {
        flushSync(() => root?.render(<BareList start={0} />));
      }
      return (await painted()) - t0;
    },
    /**
     * The old measure: from a change at a random point in a frame to the next rAF after the
     * DOM shows it. It includes the wait for vsync (up to 16.7 ms at 60 Hz), so even the bare
     * list's median sits at ~16.7 ms.
     */
    async select(kind: 'ours' | 'bare', i: number): Promise<number> {
      await painted();
      const t0 = performance.now();
      change(kind, i);
      while (!shows(kind, i)) await new Promise((r) => setTimeout(r, 0));
      return (await frame()) - t0;
    },
    /**
     * Selection change -> inspector painted, without the vsync wait: the change is made at the
     * start of a frame (in its rAF callback; React renders in the microtask right after it),
     * then that frame's style, layout, paint and commit run, and the task posted from the rAF
     * callback runs after them (Chromium runs rAF, style, layout, paint and commit in one
     * BeginMainFrame task: https://developer.chrome.com/docs/chromium/renderingng-architecture).
     * If the frame did not show the shot, whole frames are waited on and counted.
     */
    async selectInFrame(kind: 'ours' | 'bare', i: number): Promise<number> {
      await painted();
      const t0 = await new Promise<number>((r) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          change(kind, i);
          r(start);
        }),
      );
      // The end of the frame: a user-blocking task runs as soon as the frame's task (rAF, React's
      // urgent render, style, layout, paint, commit) is done, before tasks of normal priority
      // such as React's deferred render, which belongs to a later frame
      // (https://developer.mozilla.org/en-US/docs/Web/API/Scheduler/postTask#priority). A
      // setTimeout(0) would wait behind that render and count it in this frame.
      const afterFrame = () => scheduler.postTask(() => performance.now(), { priority: 'user-blocking' });
      let end = await afterFrame();
      while (!shows(kind, i)) {
        await frame();
        end = await afterFrame();
      }
      return end - t0;
    },
  };
  (window as unknown as { bench: typeof bench }).bench = bench;
  (window as unknown as { benchReady: boolean }).benchReady = true;
}

void main();
