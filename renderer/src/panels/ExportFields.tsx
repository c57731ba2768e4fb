/** The fields both export forms share: where the output goes (a path) and the quality. */
import { useTranslation } from 'react-i18next';
import { QualitySchema, type Quality } from '../../../shared/api/contract';
import { Field } from '../components/Field';

interface Props {
  pathLabel: string;
  path: string;
  onPath(path: string): void;
  quality: Quality;
  onQuality(q: Quality): void;
  disabled: boolean;
  /** Test ids of the path input and the quality select. */
  pathTestId: string;
  qualityTestId: string;
}

export function ExportFields(p: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={p.pathLabel}>
        <input
          value={p.path}
          onChange={(e) => p.onPath(e.target.value)}
          spellCheck={false}
          className="mono"
          disabled={p.disabled}
          data-testid={p.pathTestId}
        />
      </Field>
      <Field label={t('export.quality')}>
        <select
          value={p.quality}
          onChange={(e) => p.onQuality(QualitySchema.parse(e.target.value))}
          disabled={p.disabled}
          data-testid={p.qualityTestId}
        >
          {QualitySchema.options.map((q) => (
            <option key={q} value={q}>
              {t(`export.qualities.${q}`)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
