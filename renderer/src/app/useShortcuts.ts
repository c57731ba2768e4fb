/**
 * Routes key presses to actions through the registry. Text fields keep their own keys (Ctrl+Z
 * edits the text, Space types a space); held arrow keys repeat frame steps, nothing else repeats.
 */
import { useEffect } from 'react';
import { actions, actionForKey, canRun, runAction } from '../actions';
import { editorUi } from '../store/uiEditor';
import { isMac, useAppContext } from './context';

const REPEATS = new Set(['frame.prev', 'frame.next', 'frame.back10', 'frame.forward10']);

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Space and Enter on a focused button or link press it; the shortcut must not also fire. */
function isPressable(target: EventTarget | null, key: string): boolean {
  return (
    (key === ' ' || key === 'Enter') &&
    target instanceof HTMLElement &&
    ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName)
  );
}

export function useShortcuts(): void {
  const ctx = useAppContext();
  useEffect(() => {
    let history: Promise<void> = Promise.resolve();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isEditable(e.target) || isPressable(e.target, e.key)) return;
      // An open palette or sheet owns the keyboard (it handles Escape itself).
      if (editorUi.getState().paletteOpen || editorUi.getState().sheetOpen) return;
      const action = actionForKey(actions, e, isMac);
      if (!action || (e.repeat && !REPEATS.has(action.id))) return;
      if (action.place === 'history') {
        // Undo/redo pressed quickly in a row run one after another instead of being dropped
        // while the previous step is still on its way.
        e.preventDefault();
        history = history.then(() => runAction(ctx, action, undefined as never)).then(() => undefined);
        return;
      }
      // A key whose action can't run now keeps its browser meaning (Ctrl+C copies page text).
      if (!canRun(action, ctx.store.getState(), undefined as never)) return;
      e.preventDefault();
      // Shortcut actions take no payload (play, split, delete, ...).
      void runAction(ctx, action, undefined as never);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}
