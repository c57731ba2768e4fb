/** New project: folder, name, aspect, resolution, frame rate. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASPECTS, RESOLUTIONS, outputSize, type Aspect, type Resolution } from '../../../shared/model/format';
import type { CreateProjectPayload } from '../actions/payloads';
import { useAction, useAppState } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { focusedFolder, shownFolder } from './projectFolder';
import { FolderField } from './recovery/FolderField';
import { OpenExisting } from './recovery/OpenExisting';

const FPS_CHOICES = ['23.976', '24', '25', '29.97', '30', '50', '60'];

export function CreateProjectForm() {
  const { t } = useTranslation();
  const suggestedDir = useAppState((s) => s.appInfo?.suggestedDir ?? null);
  const [dir, setDir] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [aspect, setAspect] = useState<Aspect>('16:9');
  const [resolution, setResolution] = useState<Resolution>('1080p');
  const [fps, setFps] = useState('24');
  // Until the field is the user's, follow the host's suggestion (it arrives after load).
  const folder = shownFolder(dir, suggestedDir);
  const payload: CreateProjectPayload = { dir: folder, name, aspect, resolution, fps };
  const create = useAction('project.create', payload);
  const size = outputSize(aspect, resolution);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run();
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-title" data-testid="create-project">
      <h2 id="create-title">{t('start.create.title')}</h2>
      <Field label={t('start.create.name')}>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('start.create.namePlaceholder')}
          maxLength={200}
          required
        />
      </Field>
      <Field label={t('start.create.folder')} hint={t('start.create.folderHint')}>
        <FolderField
          value={folder}
          onChange={setDir}
          // Once the field has focus it is the user's (projectFolder.ts).
          onFocus={() => setDir(focusedFolder(dir, suggestedDir))}
          required
          testId="create-folder"
        />
      </Field>
      <fieldset className="field">
        <legend>{t('start.create.aspect')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('start.create.aspect')}>
          {ASPECTS.map((a) => (
            <label key={a} className={a === aspect ? 'seg selected' : 'seg'}>
              <input type="radio" name="aspect" value={a} checked={a === aspect} onChange={() => setAspect(a)} />
              <span className={`aspect-icon aspect-${a.replace(':', 'x')}`} aria-hidden="true" />
              {a}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <Field label={t('start.create.resolution')}>
          <select value={resolution} onChange={(e) => setResolution(e.target.value as Resolution)}>
            {RESOLUTIONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('start.create.fps')}>
          <select value={fps} onChange={(e) => setFps(e.target.value)}>
            {FPS_CHOICES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="muted small" data-testid="create-size">
        {t('start.create.size', { width: size.width, height: size.height })}
      </p>
      <ErrorMessage place="start.create" />
      <OpenExisting dir={folder} />
      <button type="submit" className="btn btn-primary" disabled={!create.enabled} aria-busy={create.busy}>
        {create.busy ? t('start.create.creating') : create.label}
      </button>
    </form>
  );
}
