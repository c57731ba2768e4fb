/**
 * The AI breakdown and the prompt enhancer over an OpenAI-compatible chat endpoint. Both only
 * read the project: a breakdown becomes a script proposal (applied later by `script.apply`, ONE
 * undo step), enhanced prompts become suggestions (applied by `applyPrompts`, ONE undo step). A
 * failure of any kind is a keyed error and changes nothing.
 */
import { keyedError } from '../../../shared/errors.js';
import type { z } from 'zod';
import { answerText, validatedAnswer, type ChatRequestBody } from '../../../shared/breakdown/chat.js';
import { breakdownProposal, breakdownRequest, MAX_BREAKDOWN_CHARS } from '../../../shared/breakdown/breakdown.js';
import { EnhancedPromptSchema, enhanceRequest, promptStyle } from '../../../shared/breakdown/enhance.js';
import { BreakdownSchema } from '../../../shared/breakdown/schema.js';
import type { PromptSuggestion } from '../../../shared/api/breakdown.js';
import type { ScriptProposal } from '../../../shared/script/proposal.js';
import { framesToSeconds } from '../../../shared/model/time.js';
import type { ProjectStore } from '../project/store.js';
import { postChat } from './chatClient.js';
import type { LlmEndpoint, LlmSettings } from './llmSettings.js';

/** One chat request; its answer's JSON validated by `schema` (or a keyed error). */
async function ask<T extends z.ZodType>(
  ep: LlmEndpoint,
  body: ChatRequestBody,
  schema: T,
  signal: AbortSignal | undefined,
): Promise<z.output<T>> {
  const json = await postChat({
    baseUrl: ep.baseUrl,
    apiKey: ep.apiKey,
    timeoutMs: ep.timeoutMs,
    body,
    ...(signal ? { signal } : {}),
  });
  return validatedAnswer(answerText(json, ep.baseUrl), schema);
}

export class BreakdownService {
  constructor(readonly settings: LlmSettings) {}

  async propose(
    store: ProjectStore,
    input: { text: string; fileName: string; baseUrl?: string | undefined; model?: string | undefined },
    signal?: AbortSignal,
  ): Promise<ScriptProposal> {
    if (input.text.length > MAX_BREAKDOWN_CHARS)
      throw keyedError(
        'INVALID_INPUT',
        'svc.breakdown.tooLong',
        { max: MAX_BREAKDOWN_CHARS },
        `The script is longer than ${MAX_BREAKDOWN_CHARS} characters; break it down in parts.`,
      );
    const ep = await this.settings.endpoint({ baseUrl: input.baseUrl, model: input.model });
    const elements = store.snapshot().elements;
    const body = breakdownRequest({
      preset: ep.preset,
      model: ep.model,
      script: input.text,
      existingCharacters: elements.filter((e) => e.kind === 'character').map((e) => e.name),
    });
    const breakdown = await ask(ep, body, BreakdownSchema, signal);
    return breakdownProposal(breakdown, { fileName: input.fileName, elements });
  }

  /** One suggestion per shot, in the order asked; the first failure stops the rest (nothing is written anyway). */
  async enhance(
    store: ProjectStore,
    input: { shotIds: readonly string[]; provider: string; providerLabel: string },
    signal?: AbortSignal,
  ): Promise<PromptSuggestion[]> {
    const ep = await this.settings.endpoint();
    const snap = store.snapshot();
    const names = new Map(snap.elements.map((e) => [e.id, e.name]));
    const out: PromptSuggestion[] = [];
    for (const shotId of input.shotIds) {
      const shot = snap.shots.find((s) => s.id === shotId);
      if (!shot)
        throw keyedError(
          'NOT_FOUND',
          'svc.breakdown.noShot',
          { shotId },
          `The shot ${shotId} is no longer in the project.`,
        );
      if (!shot.prompt.trim())
        throw keyedError(
          'INVALID_INPUT',
          'svc.breakdown.emptyPrompt',
          { title: shot.title || shotId },
          `“${shot.title || shotId}” has no prompt to enhance; write one first.`,
        );
      const lines = (snap.dialogueLines ?? [])
        .filter((l) => l.shotId === shotId)
        .map((l) => `${l.speakerId ? (names.get(l.speakerId) ?? '?') : 'Narrator'}: ${l.text}`);
      const body = enhanceRequest({
        preset: ep.preset,
        model: ep.model,
        providerId: input.provider,
        providerLabel: input.providerLabel,
        shot: {
          prompt: shot.prompt,
          shotSize: shot.shotSize,
          camera: shot.camera,
          durationSec: framesToSeconds(shot.durationFrames, snap.project.fps),
          dialogue: lines,
        },
      });
      const { prompt } = await ask(ep, body, EnhancedPromptSchema, signal);
      const max = promptStyle(input.provider).maxChars;
      if ([...prompt].length > max)
        throw keyedError(
          'PROVIDER_FAILED',
          'svc.breakdown.promptTooLong',
          { length: [...prompt].length, max, provider: input.providerLabel },
          `The rewritten prompt is ${[...prompt].length} characters; ${input.providerLabel} takes at most ${max}. Nothing was changed.`,
        );
      out.push({ shotId, before: shot.prompt, after: prompt });
    }
    return out;
  }
}
