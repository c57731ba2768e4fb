/**
 * The Generate dialog's "one multi-shot generation" choice: offered when two or more shots are
 * chosen; enabled only when the model can make them in one clip and they are consecutive, else
 * it says why (shared/generation/multiShot.ts multiShotProblem, translated).
 */
import { useTranslation } from 'react-i18next';
import type { MultiShotProblem } from '../../../shared/generation/multiShot';

export function MultiShotOption(props: {
  count: number;
  problem: MultiShotProblem | null;
  checked: boolean;
  /** The provider and model, for "… cannot make several shots". */
  modelName: string;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const { problem } = props;
  const why = problem
    ? (() => {
        const { reason, ...params } = problem;
        return t(`multiShot.problems.${reason}`, { ...params, model: props.modelName });
      })()
    : null;
  return (
    <div className="field gen-multishot" data-testid="gen-multishot">
      <label className="check">
        <input
          type="checkbox"
          checked={props.checked && !problem}
          disabled={problem !== null}
          onChange={(e) => props.onChange(e.target.checked)}
          data-testid="gen-multishot-toggle"
        />
        <span>{t('multiShot.option', { count: props.count })}</span>
      </label>
      {why ? (
        <small className="muted" data-testid="gen-multishot-why">
          {why}
        </small>
      ) : (
        <small className="muted">{t('multiShot.hint')}</small>
      )}
    </div>
  );
}
