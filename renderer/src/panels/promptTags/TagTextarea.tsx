/**
 * A prompt field that knows the project's elements: typing @ opens a picker of elements with
 * their faces at the caret (↑/↓, Enter or Tab to insert the tag, Escape to close, a click
 * inserts), and every tag is highlighted behind the text: a known element's as a chip, an @word
 * no element has in a warning colour with a tooltip and a line under the field. The field is a
 * WAI-ARIA combobox (role on the textarea as github/combobox-nav does for <textarea>), the
 * popover its listbox; what it edits is the caller's (a draft committed as one undo step, or a
 * form's state), the picker is UI state only.
 */
import {
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { promptSegments, unknownTags } from '../../../../shared/model/promptTags';
import { useAppState } from '../../app/context';
import { MentionList, optionId } from './MentionList';
import { TagHighlight } from './TagHighlight';
import { useMentionPicker } from './useMentionPicker';
import { popoverPlace, syncMirror, unknownTagAt } from './mirror';
import './promptTags.css';

type TextareaProps = Omit<
  React.TextareaHTMLAttributes<HTMLTextAreaElement>,
  'value' | 'onChange' | 'role' | 'children' | 'defaultValue'
>;

export interface TagTextareaProps extends TextareaProps {
  value: string;
  onValueChange(text: string): void;
  'data-testid'?: string;
  ref?: React.Ref<HTMLTextAreaElement>;
}

const NO_ELEMENTS: never[] = [];

export function TagTextarea({
  value,
  onValueChange,
  ref,
  onKeyDown,
  onBlur,
  onScroll,
  'aria-describedby': describedBy,
  ...rest
}: TagTextareaProps) {
  const { t } = useTranslation();
  const snapshot = useAppState((s) => s.snapshot);
  const elements = snapshot?.elements ?? NO_ELEMENTS;
  const field = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => field.current as HTMLTextAreaElement, []);
  const mirror = useRef<HTMLDivElement>(null);
  const listId = useId();
  const warnId = `${listId}-unknown`;
  const pendingCaret = useRef<number | null>(null);
  const [place, setPlace] = useState<CSSProperties | undefined>(undefined);
  const [tip, setTip] = useState<string | null>(null);

  const picker = useMentionPicker(value, elements, (text, caret) => {
    pendingCaret.current = caret;
    onValueChange(text);
  });
  const parsed = useMemo(() => promptSegments(value, elements), [value, elements]);
  // The @word being typed is not a mistake yet: no warning while the picker is open on it.
  const typing = picker.mention?.start ?? null;
  const segments = useMemo(
    () => parsed.map((s) => (s.kind === 'unknown' && s.start === typing ? { ...s, kind: 'text' as const } : s)),
    [parsed, typing],
  );
  const unknown = unknownTags(segments);
  const open = picker.mention !== null && snapshot !== null;

  // After every render: the mirror follows the field's size and scroll; a picked tag puts the
  // caret after it; an open popover goes under the @ (re-placed when anything scrolls).
  useLayoutEffect(() => {
    const ta = field.current;
    const mi = mirror.current;
    if (!ta || !mi) return;
    syncMirror(ta, mi);
    if (pendingCaret.current !== null && ta.value === value) {
      ta.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });
  // The user drags the field's resize handle: no render, so the mirror follows by observation.
  useLayoutEffect(() => {
    const ta = field.current;
    if (!ta || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => mirror.current && syncMirror(ta, mirror.current));
    observer.observe(ta);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    if (!open) return;
    const reposition = () => {
      const anchor = mirror.current?.querySelector('[data-tag-anchor]');
      if (anchor && field.current) setPlace(popoverPlace(anchor.getBoundingClientRect(), field.current));
    };
    reposition();
    window.addEventListener('scroll', reposition, true);
    window.addEventListener('resize', reposition);
    return () => {
      window.removeEventListener('scroll', reposition, true);
      window.removeEventListener('resize', reposition);
    };
  }, [open, picker.mention?.start, value]);

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picker.onKeyDown(e)) return;
    onKeyDown?.(e);
  };
  const described = [describedBy, unknown.length > 0 ? warnId : undefined].filter(Boolean).join(' ') || undefined;
  const hasOptions = open && picker.options.length > 0;

  return (
    <div className="tag-field">
      <div className="tag-field-box">
        <TagHighlight ref={mirror} segments={segments} anchor={picker.mention?.start ?? null} />
        <textarea
          {...rest}
          ref={field}
          value={value}
          role="combobox"
          aria-autocomplete="list"
          aria-haspopup="listbox"
          aria-expanded={hasOptions}
          aria-controls={hasOptions ? listId : undefined}
          aria-activedescendant={hasOptions ? optionId(listId, picker.active) : undefined}
          aria-describedby={described}
          title={tip ?? undefined}
          onChange={(e) => {
            onValueChange(e.target.value);
            picker.track(e.target, true);
          }}
          onSelect={(e) => picker.track(e.currentTarget, false)}
          onKeyDown={keyDown}
          onBlur={(e) => {
            picker.close();
            onBlur?.(e);
          }}
          onScroll={(e) => {
            if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
            onScroll?.(e);
          }}
          onMouseMove={(e) => {
            const word = mirror.current ? unknownTagAt(mirror.current, e.clientX, e.clientY) : null;
            const next = word ? t('promptTags.unknownTip', { tag: word }) : null;
            if (next !== tip) setTip(next);
          }}
          {...picker.composition}
        />
      </div>
      {open &&
        createPortal(
          <MentionList
            id={listId}
            options={picker.options}
            total={elements.length}
            query={picker.mention?.query ?? ''}
            active={picker.active}
            snapshot={snapshot}
            style={place}
            onPick={picker.pick}
            onHover={picker.setActive}
          />,
          document.body,
        )}
      {unknown.length > 0 && (
        <small id={warnId} className="hint warn" data-testid="unknown-tags">
          {t('promptTags.unknown', { count: unknown.length, tags: unknown.join(' ') })}
        </small>
      )}
    </div>
  );
}
