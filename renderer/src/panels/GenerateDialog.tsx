/**
 * Generate: provider and model (from providers.list, with what each can take), variations,
 * which shots, and the cost estimate BEFORE anything starts. Over the project budget the
 * start button is replaced by a block: nothing is submitted.
 */
import { providerName } from './providerName';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { uiErrorOf } from '../components/serviceText';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { useSelection } from '../app/useEditor';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { formatMoney } from '../store/jobs';
import { jobsUi } from '../store/jobsUi';
import { GenerateEstimate } from './GenerateEstimate';
import { GenerateScopeField } from './GenerateScopeField';
import { MultiShotOption } from './MultiShotOption';
import { RestyleOption } from './RestyleOption';
import {
  batchFor,
  capabilitiesOf,
  durationText,
  MAX_DIALOG_VARIATIONS,
  modelLabel,
  multiShotOffer,
  shotsInScope,
  unsupportedShots,
  hasReferencePictures,
  shotsWithoutReferences,
  type GenerateChoice,
} from './generateModel';
import { modelCapabilities } from '../../../shared/generation/capabilities';
import { offersRestyleChoice, restyleClip } from '../../../shared/generation/restyleClip';
import './generation.css';

export function GenerateDialog() {
  const open = useStore(jobsUi, (s) => s.generateOpen);
  return open ? <GenerateForm /> : null;
}

function GenerateForm() {
  const { t, i18n } = useTranslation();
  const ctx = useAppContext();
  const providers = useAppState((s) => s.providers);
  const snapshot = useAppState((s) => s.snapshot);
  const estimate = useAppState((s) => s.estimate);
  const busy = useAppState((s) => s.busy.generateDialog === true);
  const lang = useAppState((s) => s.language);
  const picked = useSelection((s) => s.ids);
  // The one selection, restricted to shots of this document (store/selection.ts).
  const selected = useMemo(() => picked.filter((id) => snapshot?.shots.some((s) => s.id === id)), [picked, snapshot]);
  const initialScope = useStore(jobsUi, (s) => s.generateScope);
  const [choice, setChoice] = useState<GenerateChoice>(() => ({
    provider: snapshot?.project.defaultProvider || 'animatic',
    model: '',
    variations: 1,
    // The scope it was opened with (the one selection always holds a shot after an add, so
    // "selected" is offered, never assumed); the dialog names the shots either way.
    scope: initialScope,
    seed: 'new',
  }));
  // "One multi-shot generation" (MultiShotOption): UI state of this dialog only.
  const [multiShotOn, setMultiShotOn] = useState(false);
  // The project's default provider when it is enabled here, else the first enabled one.
  const provider = providers?.some((p) => p.id === choice.provider && p.enabled)
    ? choice.provider
    : (providers?.find((p) => p.enabled)?.id ?? choice.provider);
  const info = providers?.find((p) => p.id === provider);
  // The chosen model's capabilities (models of one provider may differ).
  const providerCaps = capabilitiesOf(info);
  const caps = providerCaps ? modelCapabilities(providerCaps, choice.model || null) : null;
  // Two or more chosen shots may go as ONE request when the model can and they are consecutive.
  const multiOffered = choice.scope !== 'missing' && selected.length >= 2;
  const multiProblem = snapshot && multiOffered ? multiShotOffer(snapshot, selected, caps) : null;
  // "Generate a new clip" / "restyle this shot's clip" on a model that does both, for chosen shots.
  const restyleOffered = choice.scope !== 'missing' && offersRestyleChoice(caps?.videoInput);
  const restyle = restyleOffered && choice.restyle === true;
  // A restyle edits each shot's own clip: never one multi-shot generation.
  const multi = multiOffered && multiShotOn && multiProblem === null && !restyle;
  const batch = batchFor({ ...choice, provider, restyle }, selected);
  const multiBatch = useMemo(
    () => ({ shotIds: [...selected], provider, ...(choice.model ? { model: choice.model } : {}) }),
    [selected, provider, choice.model],
  );
  const key = JSON.stringify(multi ? { multi: multiBatch } : batch);
  const scoped = snapshot ? shotsInScope(snapshot, choice.scope, selected) : [];
  const unsupported = unsupportedShots(scoped, caps, snapshot?.takes, restyle, (s) =>
    snapshot ? hasReferencePictures(s, snapshot) : false,
  );
  // Shots a reference-only model cannot start (no element or style pictures), said apart with why.
  const noRefs = snapshot ? shotsWithoutReferences(scoped, caps, snapshot) : [];
  const needsSelection = choice.scope !== 'missing' && selected.length === 0;

  // The estimate follows every change; a late answer for older choices is dropped.
  useEffect(() => {
    if (needsSelection || !providers) return;
    let live = true;
    const { store, api } = ctx;
    store.getState().setEstimate(null);
    const timer = setTimeout(() => {
      const asked = JSON.parse(key) as typeof batch | { multi: typeof multiBatch };
      const call =
        'multi' in asked ? api.call('multiShot.estimate', asked.multi) : api.call('generate.estimate', asked);
      call.then(
        (est) => {
          if (live) store.getState().setEstimate(est);
        },
        (err: unknown) => {
          if (!live) return;
          store.getState().setError('generateDialog', uiErrorOf(err));
        },
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ctx, key, needsSelection, providers]);

  const set = (patch: Partial<GenerateChoice>) => {
    ctx.store.getState().setError('generateDialog', null);
    setChoice((c) => ({ ...c, ...patch }));
  };
  const close = () => void runAction(ctx, actions['generate.close'], undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (multi) void runAction(ctx, actions['generate.runMultiShot'], multiBatch);
    else void runAction(ctx, actions['generate.run'], batch);
  };
  const blocked = estimate === null || estimate.overBudget || estimate.jobs === 0 || needsSelection;
  const labels = Object.fromEntries((providers ?? []).map((p) => [p.id, providerName(t, p, (k) => i18n.exists(k))]));

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form
        className="sheet gen-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="gen-title"
        data-testid="generate-dialog"
        onSubmit={submit}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <div className="detail-head">
          <h2 id="gen-title">{t('generate.title')}</h2>
          <button type="button" className="btn btn-ghost" onClick={close}>
            {t('generate.cancel')}
          </button>
        </div>
        <div className="gen-grid">
          <Field label={t('generate.provider')}>
            <select
              value={provider}
              onChange={(e) => set({ provider: e.target.value, model: '', restyle: false })}
              data-testid="gen-provider"
              autoFocus
            >
              {(providers ?? []).map((p) => (
                <option key={p.id} value={p.id} disabled={!p.enabled}>
                  {providerName(t, p, (k) => i18n.exists(k))}
                  {p.enabled ? '' : ` (${t('generate.disabled')})`}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('generate.model')}>
            <select
              value={choice.model}
              onChange={(e) => set({ model: e.target.value, restyle: false })}
              data-testid="gen-model"
              disabled={!caps || caps.models.length === 0}
            >
              <option value="">{t('generate.defaultModel')}</option>
              {(caps?.models ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {caps && (
          <ul className="chips caps" aria-label={t('generate.capabilities')} data-testid="gen-capabilities">
            {caps.textToVideo && <li className="chip">{t('generate.caps.text')}</li>}
            {caps.imageToVideo && <li className="chip">{t('generate.caps.image')}</li>}
            {caps.lastFrame && <li className="chip">{t('generate.caps.lastFrame')}</li>}
            {caps.audio && <li className="chip">{t('generate.caps.audio')}</li>}
            <li className="chip">{durationText(caps)}</li>
          </ul>
        )}
        <fieldset className="field">
          <legend>{t('generate.variations')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('generate.variations')}>
            {Array.from({ length: MAX_DIALOG_VARIATIONS }, (_, i) => i + 1).map((n) => (
              <label key={n} className={n === choice.variations ? 'seg selected' : 'seg'}>
                <input
                  type="radio"
                  name="gen-variations"
                  value={n}
                  checked={n === choice.variations}
                  onChange={() => set({ variations: n })}
                  data-testid={`gen-variations-${n}`}
                />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
        <GenerateScopeField
          choice={choice}
          selectedCount={selected.length}
          snapshot={snapshot}
          scoped={scoped}
          needsSelection={needsSelection}
          onChange={set}
        />
        {restyleOffered && (
          <RestyleOption
            restyle={restyle}
            withClip={scoped.filter((sh) => restyleClip(snapshot?.takes ?? [], sh)).length}
            modelName={modelLabel(caps, choice.model)}
            onChange={(on) => set({ restyle: on })}
          />
        )}
        {multiOffered && !restyle && (
          <MultiShotOption
            count={selected.length}
            problem={multiProblem}
            checked={multiShotOn}
            modelName={`${info ? providerName(t, info, (k) => i18n.exists(k)) : provider}${choice.model ? ` ${choice.model}` : ''}`}
            onChange={(on) => {
              ctx.store.getState().setError('generateDialog', null);
              setMultiShotOn(on);
            }}
          />
        )}
        {unsupported.length > 0 && info && (
          <p className="warn small" data-testid="gen-unsupported">
            {t('generate.unsupported', {
              count: unsupported.length,
              provider: providerName(t, info, (k) => i18n.exists(k)),
            })}
          </p>
        )}
        {noRefs.length > 0 && (
          <p className="warn small" data-testid="gen-needs-references">
            {t('referencesNeeded.dialog', {
              count: noRefs.length,
              model: modelLabel(caps, choice.model),
            })}
          </p>
        )}
        {!needsSelection && <GenerateEstimate estimate={estimate} labels={labels} />}
        <ErrorMessage place="generateDialog" />
        <div className="btn-row gen-actions">
          <button type="button" className="btn btn-ghost" onClick={close}>
            {t('generate.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={blocked || busy} data-testid="gen-start">
            {busy
              ? t('generate.starting')
              : estimate && multi
                ? t('multiShot.startFor', {
                    count: selected.length,
                    cost: formatMoney(estimate.total, estimate.currency, lang),
                  })
                : estimate
                  ? t('generate.startFor', {
                      count: estimate.jobs,
                      cost: formatMoney(estimate.total, estimate.currency, lang),
                    })
                  : t('generate.start')}
          </button>
        </div>
      </form>
    </div>
  );
}
