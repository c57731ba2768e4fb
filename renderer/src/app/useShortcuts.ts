/** Routes key presses to actions. Text fields keep their own undo (Ctrl+Z edits the text). */
import { useEffect } from 'react';
import { actions, actionForKey, runAction } from '../actions';
import { isMac, useAppContext } from './context';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(): void {
  const ctx = useAppContext();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || isEditable(e.target)) return;
      const action = actionForKey(actions, e, isMac);
      if (!action) return;
      e.preventDefault();
      // Shortcut actions take no payload (undo, redo, ...).
      void runAction(ctx, action, undefined as never);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}
