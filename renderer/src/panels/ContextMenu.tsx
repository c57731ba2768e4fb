/**
 * The shot context menu for the grid and the timeline. Either view opens it by writing
 * `contextMenu` ({ x, y, shotId }) to the editor UI store; items come from the registry.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { actions, canRun, runAction } from '../actions';
import { SHOT_MENU } from '../actions/catalog';
import type { Action } from '../actions/registry';
import { formatShortcut } from '../actions/shortcuts';
import { isMac, useAppContext } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { setEditorUi } from '../store/uiEditor';

export function ContextMenu() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const menu = useEditorUi((s) => s.contextMenu);
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const close = (e: Event) => {
      if (e.type === 'keydown' && (e as KeyboardEvent).key !== 'Escape') return;
      if (e.type === 'mousedown' && ref.current?.contains(e.target as Node)) return;
      setEditorUi({ contextMenu: null });
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
      window.removeEventListener('blur', close);
    };
  }, [menu]);
  if (!menu) return null;
  const state = ctx.store.getState();
  const move = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };
  return (
    <ul
      ref={ref}
      className="context-menu"
      role="menu"
      style={{ left: Math.min(menu.x, window.innerWidth - 240), top: Math.min(menu.y, window.innerHeight - 320) }}
      onKeyDown={move}
      data-testid="context-menu"
    >
      {SHOT_MENU.map((id, i) => {
        if (id === null) return <li key={`sep${i}`} role="separator" className="menu-sep" />;
        const a = (actions as Record<string, Action>)[id]!;
        return (
          <li key={id} role="none">
            <button
              type="button"
              role="menuitem"
              disabled={!canRun(a, state, undefined as never)}
              onClick={() => {
                setEditorUi({ contextMenu: null });
                void runAction(ctx, a, undefined as never);
              }}
            >
              <span>{t(a.labelKey)}</span>
              {a.shortcuts?.[0] && <kbd>{formatShortcut(a.shortcuts[0], isMac)}</kbd>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
