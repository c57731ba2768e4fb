/**
 * Render-on-approach for long card lists (UI-3: a 500-shot project must open in well under a
 * second). The first EAGER cards render at once; each later one starts as a placeholder of the
 * card's size and becomes the real card when it comes within MARGIN of its scroll container's
 * visible area — one IntersectionObserver per list, rooted at that container (rootMargin only
 * widens an explicit root, not the clipping of a nested scroller:
 * https://developer.mozilla.org/en-US/docs/Web/API/IntersectionObserver/rootMargin).
 * A revealed card stays rendered, so scrolling back never flickers.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

/** Cards rendered without waiting to be seen: more than a screenful, and every small project whole. */
export const EAGER = 24;
const MARGIN = '600px 0px';

export interface Revealer {
  /** Calls `on` once, when `el` first comes near the visible area; returns the unwatch. */
  watch(el: Element, on: () => void): () => void;
}

type ObserverFactory = (
  cb: (entries: { target: Element; isIntersecting: boolean }[]) => void,
  root: Element | null,
) => { observe(el: Element): void; unobserve(el: Element): void; disconnect(): void };

function scrollParent(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

const browserObserver: ObserverFactory = (cb, root) => new IntersectionObserver(cb, { root, rootMargin: MARGIN });

export function createRevealer(
  make: ObserverFactory = browserObserver,
  rootOf: (el: Element) => Element | null = scrollParent,
): Revealer {
  const waiting = new Map<Element, () => void>();
  let io: ReturnType<ObserverFactory> | null = null;
  const seen = (entries: { target: Element; isIntersecting: boolean }[]) => {
    for (const e of entries) {
      const on = e.isIntersecting ? waiting.get(e.target) : undefined;
      if (!on) continue;
      waiting.delete(e.target);
      io?.unobserve(e.target);
      on();
    }
  };
  return {
    watch(el, on) {
      // The root is found from the first card, once it is in the document.
      io ??= make(seen, rootOf(el));
      waiting.set(el, on);
      io.observe(el);
      return () => {
        if (waiting.delete(el)) io?.unobserve(el);
      };
    },
  };
}

const RevealContext = createContext<Revealer | null>(null);

export function RevealScope({ children }: { children: ReactNode }) {
  const [revealer] = useState(() => (typeof IntersectionObserver === 'function' ? createRevealer() : null));
  return <RevealContext.Provider value={revealer}>{children}</RevealContext.Provider>;
}

/**
 * The card at `index` of its list: the real one from the start if it is among the first EAGER
 * (or nothing can observe), else a placeholder of a card's footprint until it comes near view.
 */
export function RevealedCard({
  index,
  shotId,
  children,
}: {
  index: number;
  shotId: string;
  children: () => ReactNode;
}) {
  const revealer = useContext(RevealContext);
  const [shown, setShown] = useState(index < EAGER || revealer === null);
  const el = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (shown || !revealer || !el.current) return;
    return revealer.watch(el.current, () => setShown(true));
  }, [shown, revealer]);
  if (shown) return children();
  return (
    <li className="card-item card-pending" ref={el} data-shot-id={shotId} aria-hidden="true">
      <span className="shot-card">
        <span className="thumb" />
        <span className="card-body" />
      </span>
    </li>
  );
}
