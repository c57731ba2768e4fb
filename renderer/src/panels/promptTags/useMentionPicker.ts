/**
 * The @ picker's state for one prompt field (UI state, never in the document's history): the
 * mention at the caret, the elements that match it, the active one, and the keys that move,
 * pick and close. Nothing opens or is picked while an input method is composing (Chinese pinyin:
 * the @ query is read when the composition ends, and Enter that confirms a composition stays
 * the input method's: https://developer.mozilla.org/en-US/docs/Web/API/KeyboardEvent/isComposing).
 */
import { useState, type KeyboardEvent } from 'react';
import type { Element } from '../../../../shared/model/entities';
import { filterElements, insertMention, mentionAt, type MentionQuery } from '../../../../shared/model/promptTags';

export interface MentionPicker {
  /** The open mention (null: the picker is closed). */
  mention: MentionQuery | null;
  options: Element[];
  active: number;
  setActive(index: number): void;
  /** Reads the caret after an edit, a click or a selection change. */
  track(field: HTMLTextAreaElement): void;
  /** Call on keydown first; true when the picker used the key. */
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean;
  pick(element: Element): void;
  composition: { onCompositionStart(): void; onCompositionEnd(e: { currentTarget: HTMLTextAreaElement }): void };
  close(): void;
}

/** `index` moved by `delta`, wrapping around `count` options. */
export const moveActive = (index: number, delta: number, count: number): number =>
  count === 0 ? 0 : (((index + delta) % count) + count) % count;

export function useMentionPicker(
  value: string,
  elements: readonly Element[],
  replace: (text: string, caret: number) => void,
): MentionPicker {
  const [caret, setCaret] = useState<number | null>(null);
  const [composing, setComposing] = useState(false);
  // The @ the user closed (Escape, or a pick that ended inside a tag): stays closed until the caret leaves it.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [activeFor, setActiveFor] = useState<{ key: string; index: number }>({ key: '', index: 0 });

  const at = caret === null || composing ? null : mentionAt(value, Math.min(caret, value.length));
  const mention = at && at.start !== dismissed ? at : null;
  const options = mention ? filterElements(elements, mention.query) : [];
  const key = mention ? `${mention.start}:${mention.query}` : '';
  const active = activeFor.key === key ? Math.min(activeFor.index, Math.max(0, options.length - 1)) : 0;
  const setActive = (index: number) => setActiveFor({ key, index });

  const readCaret = (field: HTMLTextAreaElement) => {
    const c = field.selectionStart === field.selectionEnd ? field.selectionStart : null;
    setCaret(c);
    if (dismissed !== null && (c === null || mentionAt(field.value, c)?.start !== dismissed)) setDismissed(null);
  };

  const pick = (element: Element) => {
    if (!mention) return;
    const next = insertMention(value, mention, element.tag);
    // A tag with no space after it still ends a mention at the caret: keep that one closed.
    setDismissed(mention.start);
    setCaret(next.caret);
    replace(next.text, next.caret);
  };

  return {
    mention,
    options,
    active,
    setActive,
    track: (field) => {
      if (!composing) readCaret(field);
    },
    onKeyDown: (e) => {
      if (!mention || composing || e.nativeEvent.isComposing || e.keyCode === 229) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (options.length === 0) return false;
        e.preventDefault();
        setActive(moveActive(active, e.key === 'ArrowDown' ? 1 : -1, options.length));
        return true;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && options[active]) {
        e.preventDefault();
        pick(options[active]);
        return true;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(mention.start);
        return true;
      }
      return false;
    },
    pick,
    composition: {
      onCompositionStart: () => setComposing(true),
      onCompositionEnd: (e) => {
        setComposing(false);
        readCaret(e.currentTarget);
      },
    },
    close: () => setCaret(null),
  };
}
