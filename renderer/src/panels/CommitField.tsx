/**
 * Inspector inputs that commit on blur or Enter (Shift+Enter is a new line in text areas),
 * so each edit is one undo step, not one per key. Escape drops the draft. A committed draft
 * stays on screen until a new document arrives, so a refused edit keeps the user's text
 * instead of snapping back, and an undo later shows the document's value, not the old draft.
 */
import { useState, type KeyboardEvent } from 'react';
import { useAppState } from '../app/context';
import { TagTextarea } from './promptTags/TagTextarea';

interface Props {
  id?: string;
  'aria-describedby'?: string;
  'aria-label'?: string;
  value: string;
  onCommit(text: string): void;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'number';
  min?: number;
  step?: number;
  placeholder?: string;
  invalid?(text: string): boolean;
  testId?: string;
  /** A prompt that takes @tags: the @ picker and the tag highlight (a multiline field). */
  tagged?: boolean;
}

export function CommitField({
  value,
  onCommit,
  multiline,
  rows = 3,
  type = 'text',
  invalid,
  testId,
  tagged,
  ...rest
}: Props) {
  const snapshot = useAppState((s) => s.snapshot);
  const [draft, setDraft] = useState<{ base: string; text: string; committedOn: unknown } | null>(null);
  const live = draft !== null && draft.base === value && (draft.committedOn === null || draft.committedOn === snapshot);
  const text = live ? draft.text : value;
  const bad = invalid?.(text) ?? false;
  const commit = () => {
    if (text === value || bad || !draft) return;
    setDraft({ ...draft, committedOn: snapshot });
    onCommit(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return; // the key belongs to the input method (Chinese pinyin)
    if (e.key === 'Escape') {
      setDraft(null);
      e.currentTarget.blur();
    } else if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
      e.preventDefault();
      e.currentTarget.blur();
    }
  };
  const edit = (next: string) => setDraft({ base: value, text: next, committedOn: null });
  const base = { ...rest, value: text, onBlur: commit, onKeyDown, 'aria-invalid': bad, 'data-testid': testId };
  if (tagged) return <TagTextarea {...base} rows={rows} maxLength={20000} onValueChange={edit} />;
  const common = { ...base, onChange: (e: { target: { value: string } }) => edit(e.target.value) };
  return multiline ? <textarea {...common} rows={rows} maxLength={20000} /> : <input {...common} type={type} />;
}
