/**
 * The Generate dialog's "generate a new clip" / "restyle this shot's clip" choice, offered on a
 * model that does both (Replicate's Kling 3.0 Omni: shared/generation/restyleClip.ts
 * offersRestyleChoice) for chosen shots. A restyle sends each shot's picked take (else its latest
 * clip) and is estimated on that clip's length; shots without a clip are counted, not sent.
 */
import { useTranslation } from 'react-i18next';

export function RestyleOption(props: {
  /** Chosen shots that have a clip to restyle. */
  withClip: number;
  restyle: boolean;
  /** The provider and model, for "what … makes". */
  modelName: string;
  onChange: (restyle: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field gen-restyle" data-testid="gen-restyle">
      <legend>{t('restyle.choice.legend', { model: props.modelName })}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('restyle.choice.legend', { model: props.modelName })}>
        {([false, true] as const).map((on) => (
          <label key={String(on)} className={on === props.restyle ? 'seg selected' : 'seg'}>
            <input
              type="radio"
              name="gen-restyle"
              value={on ? 'clip' : 'new'}
              checked={on === props.restyle}
              onChange={() => props.onChange(on)}
              data-testid={on ? 'gen-restyle-clip' : 'gen-restyle-new'}
            />
            {t(on ? 'restyle.choice.clip' : 'restyle.choice.new')}
          </label>
        ))}
      </div>
      <small className="muted" data-testid="gen-restyle-hint">
        {props.restyle ? t('restyle.choice.clipHint', { count: props.withClip }) : t('restyle.choice.newHint')}
      </small>
    </fieldset>
  );
}
