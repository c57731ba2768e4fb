/**
 * A menu of the project's images not yet in a picture list; choosing one adds it (the element's
 * references and the project's style pictures both offer it).
 */
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../../../shared/model/entities';
import type { PictureSource } from '../../actions/payloads';

export function ReusePicture({
  reusable,
  testId,
  onAdd,
}: {
  reusable: readonly Asset[];
  testId: string;
  onAdd: (pictures: PictureSource[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      value=""
      aria-label={t('elements.reuse')}
      data-testid={testId}
      onChange={(e) => e.target.value && onAdd([{ assetId: e.target.value }])}
    >
      <option value="">{t('elements.reuse')}</option>
      {reusable.map((a) => (
        <option key={a.id} value={a.id}>
          {a.originalName}
        </option>
      ))}
    </select>
  );
}
