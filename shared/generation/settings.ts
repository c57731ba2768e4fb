/**
 * App-level settings (not in any project): which providers are enabled, base URL overrides,
 * price overrides, the default provider and model. Keys are NOT here (secrets.ts).
 */
import { z } from 'zod';
import { DriftThresholdsSchema } from '../continuity/score.js';

export const ProviderPrefsSchema = z
  .object({
    enabled: z.boolean().optional(),
    /** http(s) only: a key is sent there. */
    baseUrl: z
      .string()
      .url()
      .max(2048)
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
      .optional(),
    /** A visible watermark on generated clips, where the API has the choice (watermark.ts). */
    watermark: z.boolean().optional(),
  })
  .strict();

export const PriceOverrideSchema = z
  .object({
    provider: z.string().min(1).max(64),
    model: z.string().min(1).max(200),
    perSecond: z.number().nonnegative().max(1000),
    perRequest: z.number().nonnegative().max(10_000).optional(),
  })
  .strict();

export const AppSettingsSchema = z.object({
  version: z.literal(1).default(1),
  providers: z.record(z.string().min(1).max(64), ProviderPrefsSchema).default({}),
  priceOverrides: z.array(PriceOverrideSchema).max(500).default([]),
  defaultProvider: z.string().min(1).max(64).nullable().default(null),
  defaultModel: z.string().min(1).max(200).nullable().default(null),
  /** Consistency check: drift below these scores, per element kind (absent: the defaults). */
  continuityThresholds: DriftThresholdsSchema.optional(),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

/** What settings.get answers: never a key, only whether one is set and where from. */
export const ProviderSettingsViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  offline: z.boolean(),
  enabled: z.boolean(),
  baseUrl: z.string().nullable(),
  /** STORYBOARD_<PROVIDER>_BASE_URL is set and wins over the saved one. */
  baseUrlFromEnv: z.boolean(),
  hasKey: z.boolean(),
  keySource: z.enum(['env', 'store']).nullable(),
  /** The effective watermark choice; null or absent when the provider's API has none (watermark.ts). */
  watermark: z.boolean().nullable().optional(),
});

export const SettingsViewSchema = z.object({
  providers: z.array(ProviderSettingsViewSchema),
  priceOverrides: z.array(PriceOverrideSchema),
  defaultProvider: z.string().nullable(),
  defaultModel: z.string().nullable(),
  /** False in the CLI and browser host: keys come from the environment only. */
  canStoreKeys: z.boolean(),
  keyStoreProblem: z.string().nullable(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

export const SettingsUpdateSchema = z
  .object({
    providers: z
      .record(
        z.string().min(1).max(64),
        z
          .object({
            enabled: z.boolean().optional(),
            /** null removes the override. */
            baseUrl: ProviderPrefsSchema.shape.baseUrl.unwrap().nullable().optional(),
            /** null returns to the default (DEFAULT_WATERMARK); refused for providers without one. */
            watermark: z.boolean().nullable().optional(),
            /** A new key (stored in the OS keychain, never returned); null deletes it. */
            apiKey: z.string().min(1).max(4096).nullable().optional(),
          })
          .strict(),
      )
      .optional(),
    priceOverrides: z.array(PriceOverrideSchema).max(500).optional(),
    defaultProvider: z.string().min(1).max(64).nullable().optional(),
    defaultModel: z.string().min(1).max(200).nullable().optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;
