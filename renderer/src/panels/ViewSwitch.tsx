/** Grid | Timeline: two views of the same document (a radio group, keyboard reachable). */
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/context';
import { useEditorUi } from '../app/useEditor';

export function ViewSwitch() {
  const { t } = useTranslation();
  const view = useEditorUi((s) => s.view);
  const grid = useAction('view.grid', undefined);
  const timeline = useAction('view.timeline', undefined);
  return (
    <div className="segmented view-switch" role="radiogroup" aria-label={t('editor.view.label')}>
      {(
        [
          ['grid', grid],
          ['timeline', timeline],
        ] as const
      ).map(([id, a]) => (
        <button
          key={id}
          type="button"
          role="radio"
          aria-checked={view === id}
          className={view === id ? 'seg selected' : 'seg'}
          title={a.title}
          data-testid={`view-${id}`}
          onClick={() => void a.run()}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
