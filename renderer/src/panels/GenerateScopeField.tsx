/**
 * Which shots a Generate batch runs on (GenerateDialog): missing, the selected ones or those
 * regenerated (with the same or a new seed), and the shots that choice names.
 */
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import type { GenerateScope } from '../store/jobsUi';
import { shotsInScope, type GenerateChoice } from './generateModel';
import { ScopeShots } from './ScopeShots';

const SCOPES: readonly GenerateScope[] = ['missing', 'selected', 'regenerate'];

export function GenerateScopeField({
  choice,
  selectedCount,
  snapshot,
  scoped,
  needsSelection,
  onChange,
}: {
  choice: Pick<GenerateChoice, 'scope' | 'seed'>;
  selectedCount: number;
  snapshot: ProjectSnapshot | null;
  scoped: readonly Shot[];
  needsSelection: boolean;
  onChange: (patch: Partial<GenerateChoice>) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t('generate.scope')}</legend>
      <div className="gen-scopes" role="radiogroup" aria-label={t('generate.scope')}>
        {SCOPES.map((s) => (
          <label key={s} className="gen-scope">
            <input
              type="radio"
              name="gen-scope"
              value={s}
              checked={s === choice.scope}
              onChange={() => onChange({ scope: s })}
              data-testid={`gen-scope-${s}`}
              disabled={s !== 'missing' && selectedCount === 0}
            />
            <span>
              {t(`generate.scopes.${s}`, {
                count: s === 'missing' && snapshot ? shotsInScope(snapshot, 'missing', []).length : selectedCount,
              })}
            </span>
          </label>
        ))}
      </div>
      {choice.scope === 'regenerate' && (
        <div className="segmented gen-seed" role="radiogroup" aria-label={t('generate.seed')}>
          {(['same', 'new'] as const).map((s) => (
            <label key={s} className={s === choice.seed ? 'seg selected' : 'seg'}>
              <input
                type="radio"
                name="gen-seed"
                value={s}
                checked={s === choice.seed}
                onChange={() => onChange({ seed: s })}
                data-testid={`gen-seed-${s}`}
              />
              {t(`generate.seeds.${s}`)}
            </label>
          ))}
        </div>
      )}
      {needsSelection && (
        <small className="field-error" data-testid="gen-need-selection">
          {t('generate.needSelection')}
        </small>
      )}
      {snapshot && scoped.length > 0 && <ScopeShots snapshot={snapshot} shots={scoped} />}
    </fieldset>
  );
}
