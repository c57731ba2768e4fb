/**
 * Contract methods of the AI breakdown and the prompt enhancer (merged into `contract` in
 * contract.ts). A breakdown answers the same reviewable proposal as `script.propose`, applied
 * by `script.apply` as ONE undo step; enhanced prompts come back as suggestions (before/after)
 * and are applied by `breakdown.applyPrompts` as ONE undo step. Nothing is written before.
 */
import { z } from 'zod';
import { method } from './method.js';
import { IdSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { ScriptProposalSchema } from '../script/proposal.js';
import { MAX_BREAKDOWN_CHARS } from '../breakdown/breakdown.js';
import { LlmSettingsUpdateSchema, LlmSettingsViewSchema } from '../breakdown/settings.js';

const HttpUrl = z
  .string()
  .url()
  .max(2048)
  .refine((u) => /^https?:\/\//iu.test(u), 'must be an http(s) URL');

export const PromptSuggestionSchema = z.object({
  shotId: IdSchema,
  before: z.string().max(20_000),
  after: z.string().max(20_000),
});
export type PromptSuggestion = z.infer<typeof PromptSuggestionSchema>;

export const breakdownMethods = {
  /** The chat endpoint's settings (never the key: only whether one is set and where from). */
  'breakdown.settings': method(z.object({}).strict(), LlmSettingsViewSchema),
  'breakdown.updateSettings': method(LlmSettingsUpdateSchema, LlmSettingsViewSchema),
  /**
   * Sends the script to the configured chat endpoint and answers its breakdown as a script
   * proposal (shot size, camera move, duration, prompt, characters, dialogue per shot). Any
   * failure (unreachable, timeout, HTTP error, refusal, not JSON, a field outside the schema)
   * is a keyed error; nothing is written either way.
   */
  'breakdown.propose': method(
    z
      .object({
        text: z.string().min(1).max(MAX_BREAKDOWN_CHARS),
        fileName: z.string().min(1).max(500),
        /** For this request only (CLI --llm / --model); a saved key is sent only to the saved address. */
        baseUrl: HttpUrl.optional(),
        model: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    ScriptProposalSchema,
  ),
  /** Rewrites each shot's prompt in the style of the video provider `provider`; nothing is written. */
  'breakdown.enhance': method(
    z.object({ shotIds: z.array(IdSchema).min(1).max(50), provider: z.string().min(1).max(64) }).strict(),
    z.object({ suggestions: z.array(PromptSuggestionSchema) }),
  ),
  /**
   * Applies accepted suggestions as ONE undo step. Refused whole when a shot is gone or its
   * prompt changed since the suggestion was made (`before` no longer matches).
   */
  'breakdown.applyPrompts': method(
    z.object({ prompts: z.array(PromptSuggestionSchema).min(1).max(200) }).strict(),
    ProjectSnapshotSchema,
  ),
};
