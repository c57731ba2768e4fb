/** Adds an element: a name, its kind, and optionally its first reference pictures. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ELEMENT_KINDS } from '../../../../shared/model/entities';
import type { ElementKind } from '../../actions/payloads';
import { useAction } from '../../app/context';
import { Field } from '../../components/Field';

export const IMAGE_TYPES = 'image/png,image/jpeg,image/webp';

export function KindSelect({
  value,
  onChange,
  id,
  testId,
}: {
  value: ElementKind;
  onChange(k: ElementKind): void;
  id?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as ElementKind)} data-testid={testId}>
      {ELEMENT_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`elements.kinds.${k}`)}
        </option>
      ))}
    </select>
  );
}

export function NewElementForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ElementKind>('character');
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const add = useAction('element.create', { name, kind, files });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!add.enabled) return;
    // Kept on a refusal (e.g. a broken picture) so the user can fix and retry.
    if (!(await add.run())) return;
    setName('');
    setFiles([]);
    if (fileInput.current) fileInput.current.value = '';
  };
  return (
    <form className="element-new" onSubmit={(e) => void submit(e)} data-testid="element-new">
      <div className="row">
        <Field label={t('elements.name')}>
          <input
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('elements.namePlaceholder')}
            data-testid="element-name"
          />
        </Field>
        <Field label={t('elements.kind')}>
          <KindSelect value={kind} onChange={setKind} testId="element-kind" />
        </Field>
      </div>
      {/* Not the native control's text (it shows the browser's language): a translated label opens it. */}
      <div className="field">
        <span id={`${inputId}-label`}>{t('elements.pictures')}</span>
        <div className="file-picker">
          <input
            ref={fileInput}
            id={inputId}
            type="file"
            multiple
            accept={IMAGE_TYPES}
            className="file-input"
            data-testid="element-files"
            aria-labelledby={`${inputId}-label`}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
          <label htmlFor={inputId} className="btn btn-secondary btn-small" aria-hidden="true">
            {t('file.choose')}
          </label>
          <span className={files.length ? 'file-name' : 'file-name muted'}>
            {files.length ? t('elements.picked', { count: files.length }) : t('file.none')}
          </span>
        </div>
        <small id={`${inputId}-hint`} className="hint">
          {t('elements.picturesHint')}
        </small>
      </div>
      <button
        type="submit"
        className="btn btn-primary btn-small"
        disabled={!add.enabled}
        aria-busy={add.busy}
        data-testid="element-add"
      >
        {add.label}
      </button>
    </form>
  );
}
