/**
 * A folder path: typed, or chosen in the folder browser ("Browse…", folders.browse), which
 * starts at the typed folder when it can be listed.
 */
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../components/ActionButton';

interface Props {
  value: string;
  onChange(value: string): void;
  testId?: string;
  placeholder?: string;
  id?: string;
  'aria-describedby'?: string;
  required?: boolean;
  onFocus?(): void;
}

export function FolderField({ value, onChange, onFocus, testId, placeholder, id, required, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <div className="folder-field">
      <input
        id={id}
        aria-describedby={rest['aria-describedby']}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
        spellCheck={false}
        className="mono"
        placeholder={placeholder}
        required={required}
        data-testid={testId}
      />
      <ActionButton
        action="folders.browse"
        payload={{ ...(value.trim() ? { path: value.trim() } : {}), onChoose: onChange }}
        className="btn-small"
        label={t('projects.browse.button')}
        testId={testId ? `${testId}-browse` : undefined}
      />
    </div>
  );
}
