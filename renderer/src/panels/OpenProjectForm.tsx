/** Open an existing project folder by path. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { FolderField } from './recovery/FolderField';
import { RepairOffer } from './recovery/RepairOffer';

export function OpenProjectForm() {
  const { t } = useTranslation();
  const [dir, setDir] = useState('');
  const open = useAction('project.open', { dir });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void open.run();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="open-title" data-testid="open-project">
      <h2 id="open-title">{t('start.open.title')}</h2>
      <p className="muted">{t('start.open.description')}</p>
      <Field label={t('start.open.folder')}>
        <FolderField value={dir} onChange={setDir} placeholder="/home/me/Films/Trailer" required testId="open-folder" />
      </Field>
      <ErrorMessage place="start.open" />
      <RepairOffer />
      <button type="submit" className="btn btn-secondary" disabled={!open.enabled} aria-busy={open.busy}>
        {open.busy ? t('start.open.opening') : open.label}
      </button>
    </form>
  );
}
