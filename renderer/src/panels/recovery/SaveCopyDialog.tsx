/**
 * "Save a copy" (DATA-6): the open project's database (SQLite backup API) and media into a new
 * or empty folder while the project stays open; the copy opens elsewhere.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/context';
import { ActionButton } from '../../components/ActionButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Sheet } from '../../components/Sheet';
import { setRecoveryUi, useRecoveryUi } from '../../store/recoveryUi';
import { FolderField } from './FolderField';

export function SaveCopyDialog() {
  const { t } = useTranslation();
  const open = useRecoveryUi((s) => s.saveCopyOpen);
  const savedTo = useRecoveryUi((s) => s.savedTo);
  const projectDir = useAppState((s) => s.snapshot?.dir ?? '');
  const [dir, setDir] = useState<string | null>(null);
  if (!open) return null;
  const folder = dir ?? `${projectDir.replace(/[\\/]+$/, '')} copy`;
  return (
    <Sheet
      title={t('recovery.saveCopy.title')}
      testId="save-copy-dialog"
      onClose={() => setRecoveryUi({ saveCopyOpen: false, savedTo: null })}
    >
      <Field label={t('recovery.saveCopy.folder')}>
        <FolderField value={folder} onChange={setDir} testId="save-copy-folder" />
      </Field>
      <ErrorMessage place="saveCopy" />
      {savedTo !== null && (
        <p className="muted" role="status" data-testid="save-copy-done">
          {t('recovery.saveCopy.saved', { dir: savedTo })}
        </p>
      )}
      <ActionButton action="project.saveCopy" payload={{ dir: folder }} variant="primary" testId="save-copy" />
    </Sheet>
  );
}
