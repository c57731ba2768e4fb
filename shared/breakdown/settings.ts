/**
 * The AI breakdown's endpoint settings (app-level, beside the video providers' settings): which
 * preset, its base URL and model, and the request timeout. The key is never here: it is kept
 * like a video provider's key (the OS keychain through the SecretStore, or
 * STORYBOARD_LLM_API_KEY), under the id LLM_SECRET_ID.
 */
import { z } from 'zod';
import { DEFAULT_LLM_PRESET, DEFAULT_LLM_TIMEOUT_SEC, LLM_PRESET_IDS } from './presets.js';

/** The SecretStore id (and STORYBOARD_LLM_* environment prefix) of the chat endpoint's key. */
export const LLM_SECRET_ID = 'llm';

const HttpUrl = z
  .string()
  .url()
  .max(2048)
  .refine((u) => /^https?:\/\//iu.test(u), 'must be an http(s) URL');

export const LlmPrefsSchema = z
  .object({
    preset: z.enum(LLM_PRESET_IDS).default(DEFAULT_LLM_PRESET),
    /** null: the preset's address. */
    baseUrl: HttpUrl.nullable().default(null),
    /** null: the preset's default model. */
    model: z.string().trim().min(1).max(200).nullable().default(null),
    timeoutSec: z.number().int().min(5).max(1800).default(DEFAULT_LLM_TIMEOUT_SEC),
  })
  .strict();
export type LlmPrefs = z.infer<typeof LlmPrefsSchema>;

export const LlmSettingsViewSchema = z.object({
  preset: z.enum(LLM_PRESET_IDS),
  /** The address requests go to (saved, else the preset's; STORYBOARD_LLM_BASE_URL wins). */
  baseUrl: z.string(),
  baseUrlFromEnv: z.boolean(),
  model: z.string(),
  timeoutSec: z.number(),
  hasKey: z.boolean(),
  keySource: z.enum(['env', 'store']).nullable(),
  /** The preset needs a key and none is set. */
  needsKey: z.boolean(),
  canStoreKeys: z.boolean(),
  presets: z.array(z.object({ id: z.enum(LLM_PRESET_IDS), label: z.string(), baseUrl: z.string(), model: z.string() })),
});
export type LlmSettingsView = z.infer<typeof LlmSettingsViewSchema>;

export const LlmSettingsUpdateSchema = z
  .object({
    preset: z.enum(LLM_PRESET_IDS).optional(),
    baseUrl: HttpUrl.nullable().optional(),
    model: z.string().trim().min(1).max(200).nullable().optional(),
    timeoutSec: z.number().int().min(5).max(1800).optional(),
    /** A new key (kept in the OS keychain, never returned); null deletes it. */
    apiKey: z.string().min(1).max(4096).nullable().optional(),
  })
  .strict();
export type LlmSettingsUpdate = z.infer<typeof LlmSettingsUpdateSchema>;
