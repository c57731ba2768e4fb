/**
 * Where reference pictures are added (an element's, the project's style): a drop zone for image
 * files with a translated file picker inside it. Hands the chosen files on as picture sources.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PictureSource } from '../../actions/payloads';
import { useImageDrop } from '../../components/useImageDrop';
import { IMAGE_TYPES } from './NewElementForm';

export function PictureDrop({
  hint,
  testId,
  onAdd,
}: {
  hint: string;
  testId: string;
  onAdd: (pictures: PictureSource[]) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const { over, dropProps } = useImageDrop((files) => onAdd(files.map((file) => ({ file }))));
  return (
    <div className={`frame-drop picture-drop${over ? ' over' : ''}`} {...dropProps}>
      <span className="muted small">{hint}</span>
      <input
        id={inputId}
        type="file"
        multiple
        accept={IMAGE_TYPES}
        className="file-input"
        data-testid={testId}
        onChange={(e) => {
          onAdd([...(e.target.files ?? [])].map((file) => ({ file })));
          e.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="btn btn-ghost btn-small">
        {t('file.choose')}
      </label>
    </div>
  );
}
