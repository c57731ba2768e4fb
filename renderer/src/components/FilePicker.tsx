/**
 * A file input whose button and "no file" text are translated (the native control shows the
 * browser's language). The real input stays in the page, focusable and labelled, so keyboard,
 * screen readers and Playwright's setInputFiles all work on it.
 */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id?: string;
  'aria-describedby'?: string;
  accept: string;
  file: File | null;
  onChange(file: File | null): void;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
}

export function FilePicker({ id, accept, file, onChange, inputRef, testId, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <div className="file-picker">
      <input
        ref={inputRef}
        id={id}
        type="file"
        className="file-input"
        accept={accept}
        aria-describedby={rest['aria-describedby']}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        data-testid={testId}
      />
      <label htmlFor={id} className="btn btn-secondary" aria-hidden="true">
        {t('file.choose')}
      </label>
      <span className={file ? 'file-name' : 'file-name muted'}>{file ? file.name : t('file.none')}</span>
    </div>
  );
}
