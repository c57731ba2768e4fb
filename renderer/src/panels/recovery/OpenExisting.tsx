/** "Open it": creating a project where one already exists offers to open that one instead. */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/context';
import { ActionButton } from '../../components/ActionButton';

export function OpenExisting({ dir }: { dir: string }) {
  const { t } = useTranslation();
  const exists = useAppState((s) => s.errors['start.create']?.code === 'PROJECT_EXISTS');
  if (!exists) return null;
  return (
    <ActionButton
      action="project.open"
      payload={{ dir }}
      variant="primary"
      label={t('projects.openIt')}
      testId="open-existing"
    />
  );
}
