/** "?": every shortcut, read from the action registry and grouped, so it can never drift. */
import { useTranslation } from 'react-i18next';
import { GROUPS, globalActions } from '../actions/catalog';
import { actions } from '../actions';
import type { Action } from '../actions/registry';
import { formatShortcut } from '../actions/shortcuts';
import { isMac } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { setEditorUi } from '../store/uiEditor';

export function ShortcutsSheet() {
  const { t } = useTranslation();
  const open = useEditorUi((s) => s.sheetOpen);
  if (!open) return null;
  const close = () => setEditorUi({ sheetOpen: false });
  const withKeys = [...globalActions(), actions['history.undo'], actions['history.redo']].filter((a: Action) => (a.shortcuts?.length ?? 0) > 0);
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title" data-testid="shortcuts-sheet"
        onKeyDown={(e) => e.key === 'Escape' && close()}>
        <div className="detail-head">
          <h2 id="sheet-title">{t('editor.help.shortcuts')}</h2>
          <button type="button" className="btn btn-ghost" autoFocus onClick={close}>{t('editor.overlay.close')}</button>
        </div>
        <div className="sheet-groups">
          {GROUPS.map((g) => {
            const list = withKeys.filter((a) => (a.group ?? 'edit') === g);
            if (list.length === 0) return null;
            return (
              <section key={g}>
                <h3>{t(`editor.groups.${g}`)}</h3>
                <dl>
                  {list.map((a) => (
                    <div key={a.id} className="sheet-row">
                      <dt>{t(a.labelKey)}</dt>
                      <dd>{a.shortcuts!.map((s) => <kbd key={s}>{formatShortcut(s, isMac)}</kbd>)}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            );
          })}
        </div>
      </div>
    </div>
  );
}
