/** Ctrl/Cmd+K: every payload-free action, fuzzy filtered, run with Enter; arrows move. */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canRun, runAction } from '../actions';
import { globalActions } from '../actions/catalog';
import { fuzzyFilter } from '../actions/fuzzy';
import type { Action } from '../actions/registry';
import { formatShortcut } from '../actions/shortcuts';
import { isMac, useAppContext } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { setEditorUi } from '../store/uiEditor';

export function CommandPalette() {
  const open = useEditorUi((s) => s.paletteOpen);
  return open ? <Palette /> : null;
}

function Palette() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const all = useMemo(() => globalActions().filter((a) => a.id !== 'palette.open' && a.id !== 'overlay.close'), []);
  const items = fuzzyFilter(all, query, (a) => `${t(a.labelKey)} ${a.id}`);
  const state = ctx.store.getState();
  const close = () => setEditorUi({ paletteOpen: false });
  const run = (a: Action | undefined) => {
    if (!a || !canRun(a, ctx.store.getState(), undefined as never)) return;
    close();
    void runAction(ctx, a, undefined as never);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') setActive((i) => Math.min(items.length - 1, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter') run(items[active]);
    else return;
    e.preventDefault();
  };
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('editor.palette.title')}
        data-testid="palette"
      >
        <input
          autoFocus
          value={query}
          placeholder={t('editor.palette.placeholder')}
          aria-label={t('editor.palette.title')}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={items[active] ? `palette-${items[active].id}` : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKey}
          data-testid="palette-input"
        />
        <ul id="palette-list" role="listbox" className="palette-list">
          {items.length === 0 && <li className="muted small palette-none">{t('editor.palette.none')}</li>}
          {items.map((a, i) => {
            const enabled = canRun(a, state, undefined as never);
            return (
              <li
                key={a.id}
                id={`palette-${a.id}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={!enabled}
                className={`palette-item${i === active ? ' active' : ''}${enabled ? '' : ' disabled'}`}
                onMouseEnter={() => setActive(i)}
                onClick={() => run(a)}
              >
                <span>{t(a.labelKey)}</span>
                {a.shortcuts?.[0] && <kbd>{formatShortcut(a.shortcuts[0], isMac)}</kbd>}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
