/** "?": every shortcut, read from the action registry and grouped, so it can never drift. */
import { useTranslation } from 'react-i18next';
import { GROUPS, globalActions } from '../actions/catalog';
import { actions } from '../actions';
import type { Action } from '../actions/registry';
import { formatShortcut } from '../actions/shortcuts';
import { isMac } from '../app/context';
import { Sheet } from '../components/Sheet';
import { useEditorUi } from '../app/useEditor';
import { setEditorUi } from '../store/uiEditor';

export function ShortcutsSheet() {
  const { t } = useTranslation();
  const open = useEditorUi((s) => s.sheetOpen);
  if (!open) return null;
  const close = () => setEditorUi({ sheetOpen: false });
  const withKeys = [...globalActions(), actions['history.undo'], actions['history.redo']].filter(
    (a: Action) => (a.shortcuts?.length ?? 0) > 0,
  );
  return (
    <Sheet title={t('editor.help.shortcuts')} testId="shortcuts-sheet" onClose={close}>
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
                    <dd>
                      {a.shortcuts!.map((s) => (
                        <kbd key={s}>{formatShortcut(s, isMac)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
    </Sheet>
  );
}
