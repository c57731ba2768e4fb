/**
 * DOM helpers of the tag highlight: the mirror copies the textarea's box and text metrics (the
 * property list of component/textarea-caret-position, which makes a div wrap exactly as a
 * textarea), the popover is placed under the @ and kept on screen, and the unknown tag under the
 * pointer is found for the field's tooltip (the mirror lies behind the field, so it gets no
 * pointer events of its own).
 */
import type { CSSProperties } from 'react';

const COPIED = [
  'boxSizing',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'paddingTop',
  'paddingBottom',
  'paddingLeft',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'tabSize',
  'direction',
  'whiteSpace',
  'overflowWrap',
  'wordBreak',
] as const;

/** The mirror takes the field's size, metrics and scroll (a scrollbar narrows the text: padded). */
export function syncMirror(field: HTMLTextAreaElement, mirror: HTMLDivElement): void {
  const cs = getComputedStyle(field);
  const style = mirror.style;
  for (const p of COPIED) style[p] = cs[p];
  const borders = parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
  const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - borders);
  style.paddingRight = `${parseFloat(cs.paddingRight) + scrollbar}px`;
  style.width = `${field.offsetWidth}px`;
  style.height = `${field.offsetHeight}px`;
  mirror.scrollTop = field.scrollTop;
}

const POPOVER_WIDTH = 300;
const POPOVER_MAX_HEIGHT = 280;

/**
 * Fixed coordinates for the popover under the @ (above it when there is no room below), kept
 * inside the viewport and next to the visible part of the field.
 */
export function popoverPlace(anchor: DOMRect, field: HTMLTextAreaElement): CSSProperties {
  const box = field.getBoundingClientRect();
  const lineTop = Math.min(Math.max(anchor.top, box.top), box.bottom);
  const lineBottom = Math.min(Math.max(anchor.bottom, box.top), box.bottom);
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - POPOVER_WIDTH - 8));
  const below = window.innerHeight - lineBottom - 8;
  if (below >= Math.min(POPOVER_MAX_HEIGHT, 160) || below >= lineTop)
    return {
      position: 'fixed',
      left,
      top: lineBottom + 2,
      width: POPOVER_WIDTH,
      maxHeight: Math.min(POPOVER_MAX_HEIGHT, below),
    };
  return {
    position: 'fixed',
    left,
    bottom: window.innerHeight - lineTop + 2,
    width: POPOVER_WIDTH,
    maxHeight: Math.min(POPOVER_MAX_HEIGHT, lineTop - 8),
  };
}

/** The unknown tag drawn at (x, y), if any. */
export function unknownTagAt(mirror: HTMLDivElement, x: number, y: number): string | null {
  for (const mark of mirror.querySelectorAll<HTMLElement>('mark[data-kind="unknown"]')) {
    for (const r of mark.getClientRects()) {
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return mark.dataset.tag ?? null;
    }
  }
  return null;
}
