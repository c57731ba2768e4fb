/**
 * The context menu of the grid's shots and of every timeline item (shot, transition, audio
 * item, dialogue line, empty track area). A view opens it by writing `contextMenu` ({ x, y,
 * shotId, target }) to the editor UI store after selecting the item; the entries come from the
 * registry (actions/contextMenus.ts). Keyboard: the first entry takes the focus, arrows move,
 * Home/End jump, Escape or a click outside closes and gives the focus back.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { actions, canRun, runAction } from '../actions';
import { menuFor, type MenuLine } from '../actions/contextMenus';
import type { Action } from '../actions/registry';
import { formatShortcut } from '../actions/shortcuts';
import { isMac, useAppContext } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { setEditorUi, type ContextMenuRequest } from '../store/uiEditor';
import type { AppState } from '../store/state';

/** The timeline names its target; the grid names a shot (or none: its empty area), which has the shot menu. */
function linesOf(menu: ContextMenuRequest, state: AppState): MenuLine[] {
  return menuFor(menu.target ?? { kind: 'shot', shotId: menu.shotId ?? '' }, state);
}

export function ContextMenu() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const menu = useEditorUi((s) => s.contextMenu);
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!menu) return;
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const close = (e: Event) => {
      if (e.type === 'keydown' && (e as KeyboardEvent).key !== 'Escape') return;
      if ((e.type === 'mousedown' || e.type === 'pointerdown') && ref.current?.contains(e.target as Node)) return;
      if (e.type === 'keydown') {
        e.preventDefault();
        e.stopPropagation();
      }
      setEditorUi({ contextMenu: null });
      if (e.type === 'keydown') opener?.focus();
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', close, true);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', close, true);
      window.removeEventListener('blur', close);
    };
  }, [menu]);
  if (!menu) return null;
  const state = ctx.store.getState();
  const lines = linesOf(menu, state);
  const move = (e: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      e.key === 'ArrowDown'
        ? (i + 1) % items.length
        : e.key === 'ArrowUp'
          ? (i + items.length - 1) % items.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    items[to]?.focus();
  };
  return (
    <ul
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={t('tracks.menu.label')}
      style={{ left: Math.min(menu.x, window.innerWidth - 240), top: Math.min(menu.y, window.innerHeight - 320) }}
      onKeyDown={move}
      data-testid="context-menu"
      data-target={menu.target?.kind ?? 'shot'}
    >
      {lines.map((line, i) => {
        if (line === null) return <li key={`sep${i}`} role="separator" className="menu-sep" />;
        const a = (actions as Record<string, Action>)[line.id]!;
        const label = line.label
          ? t(line.label.key, Object.fromEntries(Object.entries(line.label.keyParams ?? {}).map(([k, v]) => [k, t(v)])))
          : t(a.labelKey);
        return (
          <li key={`${line.id}-${i}`} role="none">
            <button
              type="button"
              role={line.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={line.checked}
              disabled={!canRun(a, state, line.payload as never)}
              onClick={() => {
                setEditorUi({ contextMenu: null });
                void runAction(ctx, a, line.payload as never);
              }}
            >
              <span className="menu-check" aria-hidden="true">
                {line.checked ? '✓' : ''}
              </span>
              <span>{label}</span>
              {a.shortcuts?.[0] && <kbd>{formatShortcut(a.shortcuts[0], isMac)}</kbd>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
