/**
 * A modal sheet over the app (settings, shortcuts): a titled dialog with a close button; Escape
 * or a click on the backdrop closes it too.
 */
import { useId, type ReactNode } from 'react';
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
  return (
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
}
