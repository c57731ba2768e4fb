/**
 * The @ picker's state for one prompt field (UI state, never in the document's history): the
 * mention being typed at the caret, the elements that match it, the active one, and the keys
 * that move, pick and close. It opens when typing puts the caret in an @word, not when the caret
 * is only moved into a tag already written. Nothing opens or is picked while an input method is composing (Chinese pinyin:
 * the @ query is read when the composition ends, and Enter that confirms a composition stays
 * the input method's: https://developer.mozilla.org/en-US/docs/Web/API/KeyboardEvent/isComposing).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Element } from '../../../../shared/model/entities';
import { filterElements, insertMention, mentionAt, type MentionQuery } from '../../../../shared/model/promptTags';

export interface MentionPicker {
  /** The open mention (null: the picker is closed). */
  mention: MentionQuery | null;
  options: Element[];
  active: number;
  setActive(index: number): void;
  /** Reads the caret after an edit (`edited`: the user typed or deleted) or a selection change. */
  track(field: HTMLTextAreaElement, edited: boolean): void;
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
  // The @ the user is typing a mention at: set by an edit that leaves the caret in a mention,
  // cleared by Escape, a pick or the caret leaving it. A click into a tag already written
  // opens nothing (as in Notion or Slack: the picker answers typing, not reading).
  const [armed, setArmed] = useState<number | null>(null);
  // The @ of a mention closed by Escape or a pick ("@小明" + "走进" runs on as one @word): typing
  // on in it opens nothing until the caret has left it. A ref, not state: the selection event
  // the pick's own caret move fires runs with this render's handlers, and a stale `null` there
  // cleared the mark, so typing on after a pick reopened the picker.
  const closedAt = useRef<number | null>(null);
  const [activeFor, setActiveFor] = useState<{ key: string; index: number }>({ key: '', index: 0 });

  const at = caret === null || composing ? null : mentionAt(value, Math.min(caret, value.length));
  const mention = at && at.start === armed ? at : null;
  const options = mention ? filterElements(elements, mention.query) : [];
  const key = mention ? `${mention.start}:${mention.query}` : '';
  const active = activeFor.key === key ? Math.min(activeFor.index, Math.max(0, options.length - 1)) : 0;
  const setActive = (index: number) => setActiveFor({ key, index });

  const readCaret = (field: HTMLTextAreaElement, edited: boolean) => {
    const c = field.selectionStart === field.selectionEnd ? field.selectionStart : null;
    setCaret(c);
    const start = c === null ? null : (mentionAt(field.value, c)?.start ?? null);
    if (start !== closedAt.current) closedAt.current = null;
    if (start === null || start === closedAt.current) setArmed(null);
    else if (edited) setArmed(start);
    else if (start !== armed) setArmed(null);
  };
  const closeMention = (start: number) => {
    setArmed(null);
    closedAt.current = start;
  };

  const pick = (element: Element) => {
    if (!mention) return;
    const next = insertMention(value, mention, element.tag);
    closeMention(mention.start);
    setCaret(next.caret);
    replace(next.text, next.caret);
  };

  return {
    mention,
    options,
    active,
    setActive,
    track: (field, edited) => {
      if (!composing) readCaret(field, edited);
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
        closeMention(mention.start);
        return true;
      }
      return false;
    },
    pick,
    composition: {
      onCompositionStart: () => setComposing(true),
      onCompositionEnd: (e) => {
        setComposing(false);
        readCaret(e.currentTarget, true);
      },
    },
    close: () => setCaret(null),
  };
}
