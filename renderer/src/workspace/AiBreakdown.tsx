/**
 * "Break down with AI" in the script review: sends the script under review to the chat endpoint
 * of Settings → AI breakdown (breakdown.propose, through the action registry) and hands the
 * proposal it answers back to the review, where it is accepted, edited or left like any other.
 * Failures (unreachable, timeout, refusal, not JSON, a field outside the schema) are shown in
 * the review by the action's place; nothing changes in the project.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LlmSettingsView } from '../../../shared/breakdown/settings';
import type { ScriptProposal } from '../../../shared/script/proposal';
import { useAction, useAppContext } from '../app/context';

export function AiBreakdown({
  script,
  onProposal,
}: {
  script: { text: string; fileName: string } | null;
  onProposal(p: ScriptProposal): void;
}) {
  const { t } = useTranslation();
  const { api } = useAppContext();
  const [llm, setLlm] = useState<LlmSettingsView | null>(null);
  useEffect(() => {
    void api.call('breakdown.settings', {}).then(setLlm, () => setLlm(null));
  }, [api]);
  const action = useAction(
    'script.breakdown',
    useMemo(() => ({ script, onProposal }), [script, onProposal]),
  );
  return (
    <div className="script-ai" data-testid="script-ai">
      <button
        type="button"
        className="btn btn-small"
        disabled={!action.enabled}
        onClick={() => void action.run()}
        data-testid="script-ai-breakdown"
      >
        {action.busy ? t('breakdown.aiWorking', { model: llm?.model ?? '' }) : action.label}
      </button>
      {llm && (
        <span className="muted small" data-testid="script-ai-hint">
          {t('breakdown.aiHint', { endpoint: llm.baseUrl, model: llm.model })}
        </span>
      )}
    </div>
  );
}
