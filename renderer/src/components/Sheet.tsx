/**
 * A modal sheet over the app (settings, shortcuts): a titled dialog with a close button; Escape
 * or a click on the backdrop closes it too. Rendered through a portal at body level: the panes
 * are CSS-contained (workspace.css `contain: strict`), which would clip a fixed overlay drawn
 * inside one and make it relative to that pane instead of the window
 * (https://developer.mozilla.org/en-US/docs/Web/CSS/contain#paint).
 */
import { useId, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

interface SheetProps {
  title: string;
  testId: string;
  /** Extra class for the sheet (e.g. its width). */
  className?: string;
  onClose: () => void;
  children: ReactNode;
}

export function Sheet({ title, testId, className, onClose, children }: SheetProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const sheet = (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={className ? `sheet ${className}` : 'sheet'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <div className="detail-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-ghost" autoFocus onClick={onClose}>
            {t('editor.overlay.close')}
          </button>
        </div>
        {children}
      </div>
    </div>
  );
  // Server rendering (the unit tests' markup) has no document: the sheet is drawn in place.
  return typeof document === 'undefined' ? sheet : createPortal(sheet, document.body);
}
