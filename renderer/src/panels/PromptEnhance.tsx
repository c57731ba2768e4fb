/**
 * "Enhance prompt" in the shot inspector: the configured chat endpoint (Settings → AI breakdown)
 * rewrites the shot's prompt in the prompt style of the chosen video provider
 * (shared/breakdown/enhance.ts); the suggestion is shown as a word diff against the current
 * prompt (removed words struck through, added words marked). "Use this prompt" applies it as
 * ONE undo step (breakdown.applyPrompts, refused when the prompt changed meanwhile); "Discard"
 * changes nothing. The suggestion is window state, never part of the document. A failure is the
 * breakdown's keyed message (svc.breakdown.*), shown here, and nothing changes.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromptSuggestion } from '../../../shared/api/breakdown';
import { wordDiff } from '../../../shared/breakdown/enhance';
import type { Shot } from '../../../shared/model/entities';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { providerName } from './providerName';
import type { ShotProvider } from './ShotProviderFields';
import './promptEnhance.css';

function WordDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <p className="prompt-diff" data-testid="enhance-diff" aria-label={t('breakdown.enhance.diffLabel')}>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'del' ? (
          <del key={i} aria-label={t('breakdown.enhance.removed', { text: p.text })}>
            {p.text}
          </del>
        ) : (
          <ins key={i} aria-label={t('breakdown.enhance.added', { text: p.text })}>
            {p.text}
          </ins>
        ),
      )}
    </p>
  );
}

export function PromptEnhance({ shot, provider }: { shot: Shot; provider: ShotProvider }) {
  const { t, i18n } = useTranslation();
  const ctx = useAppContext();
  const id = useId();
  const busy = useAppState((s) => s.busy.promptEnhance === true);
  const [target, setTarget] = useState(provider.id);
  const [suggestion, setSuggestion] = useState<PromptSuggestion | null>(null);
  const providers = provider.providers ?? [];
  const label = (pid: string) => {
    const info = providers.find((p) => p.id === pid);
    return info ? providerName(t, info, (k) => i18n.exists(k)) : pid;
  };
  const current = suggestion?.shotId === shot.id ? suggestion : null;
  return (
    <div className="prompt-enhance" data-testid="prompt-enhance">
      <div className="row prompt-enhance-bar">
        <label className="small" htmlFor={`${id}-for`}>
          {t('breakdown.enhance.for')}
        </label>
        <select
          id={`${id}-for`}
          value={target}
          data-testid="enhance-provider"
          onChange={(e) => {
            setTarget(e.target.value);
            setSuggestion(null);
          }}
        >
          {(providers.some((p) => p.id === target) ? providers : [{ id: target }, ...providers]).map((p) => (
            <option key={p.id} value={p.id}>
              {label(p.id)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small btn-secondary"
          disabled={busy || !shot.prompt.trim()}
          data-testid="enhance-prompt"
          onClick={() =>
            void runAction(ctx, actions['prompt.enhance'], {
              shotId: shot.id,
              provider: target,
              onSuggestion: setSuggestion,
            })
          }
        >
          {busy ? t('breakdown.enhance.working') : t('breakdown.enhance.button')}
        </button>
      </div>
      <ErrorMessage place="promptEnhance" />
      {current && (
        <div
          className="prompt-suggestion"
          role="region"
          aria-label={t('breakdown.enhance.title', { provider: label(target) })}
          data-testid="enhance-suggestion"
        >
          <p className="small muted">{t('breakdown.enhance.title', { provider: label(target) })}</p>
          {current.after === current.before ? (
            <p className="small">{t('breakdown.enhance.same')}</p>
          ) : (
            <WordDiff before={current.before} after={current.after} />
          )}
          <div className="btn-group">
            <button
              type="button"
              className="btn btn-small"
              disabled={current.after === current.before}
              data-testid="enhance-accept"
              onClick={() =>
                void runAction(ctx, actions['prompt.applyEnhanced'], { prompts: [current] }).then(
                  (ok) => ok && setSuggestion(null),
                )
              }
            >
              {t('breakdown.enhance.apply')}
            </button>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              data-testid="enhance-reject"
              onClick={() => setSuggestion(null)}
            >
              {t('breakdown.enhance.discard')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
