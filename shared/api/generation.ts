/**
 * Contract methods of generation (merged into `contract` in contract.ts): batches and their
 * estimate, jobs and the cost ledger, the budget cap, app settings and providers.
 */
import { z } from 'zod';
import { method } from './method.js';
import { IdSchema, JobSchema, JobStateSchema } from '../model/entities.js';
import { AspectSchema } from '../model/format.js';
import { PriceOverrideSchema, SettingsUpdateSchema, SettingsViewSchema } from '../generation/settings.js';

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

const ProviderIdSchema = z.string().min(1).max(64);

/** Which jobs a batch makes: shared by generate.start and generate.estimate. */
const BatchInputSchema = z
  .object({
    shotIds: z.array(IdSchema).max(10_000).optional(),
    provider: ProviderIdSchema.optional(),
    /** One job per (shot, provider): generate a shot on several providers to compare. */
    providers: z.array(ProviderIdSchema).min(1).max(8).optional(),
    model: z.string().min(1).max(200).optional(),
    /** Takes per shot. */
    variations: z.number().int().min(1).max(16).optional(),
    /** 'same' regenerates with the shot's (or last take's) seed; 'new' draws a fresh one. */
    seed: z.enum(['same', 'new']).optional(),
    /**
     * Restyle: each chosen shot's latest clip is the video a video-to-video model edits (Runway
     * Aleph 2); without shotIds, the shots that have a clip.
     */
    restyle: z.boolean().optional(),
    /**
     * Make the takes at this delivery aspect instead of the project's (the variant matrix's
     * native generation per aspect); they are never selected as the shots' clips, and an export
     * at that aspect uses them (shared/model/aspectTakes.ts).
     */
    aspect: AspectSchema.optional(),
  })
  .strict();

export const BatchEstimateSchema = z.object({
  jobs: z.number().int().min(0),
  total: z.number().nonnegative(),
  currency: z.string(),
  perProvider: z.array(
    z.object({ provider: z.string(), jobs: z.number().int(), total: z.number(), unpriced: z.number().int() }),
  ),
  committed: z.number().nonnegative(),
  budgetCap: z.number().nonnegative().nullable(),
  overBudget: z.boolean(),
  unpriced: z.number().int().min(0),
});
export type BatchEstimate = z.infer<typeof BatchEstimateSchema>;

export const LedgerSchema = z.object({
  currency: z.string(),
  budgetCap: z.number().nonnegative().nullable(),
  rows: z.array(
    z.object({
      jobId: IdSchema,
      shotId: IdSchema,
      provider: z.string(),
      model: z.string().nullable(),
      state: JobStateSchema,
      estimated: z.number().nullable(),
      actual: z.number().nullable(),
      createdAt: z.string(),
    }),
  ),
  /**
   * Sum of estimates, of actual costs, and of what counts against the cap (spent + under way);
   * `unpriced`: jobs spent or under way with no known price, which `committed` cannot include.
   */
  totals: z.object({
    estimated: z.number(),
    actual: z.number(),
    committed: z.number(),
    unpriced: z.number().int().min(0),
  }),
});
export type Ledger = z.infer<typeof LedgerSchema>;

export const ProviderInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  offline: z.boolean(),
  enabled: z.boolean(),
  hasKey: z.boolean(),
  /** shared/generation/capabilities.ts ProviderCapabilities, as data for the inspector. */
  capabilities: z.record(z.string(), z.unknown()),
  canTest: z.boolean(),
});

export { PriceOverrideSchema };

export const generationMethods = {
  'generate.start': method(BatchInputSchema, z.object({ jobIds: z.array(IdSchema) })),
  /** What generate.start would make and cost, with nothing written or sent. */
  'generate.estimate': method(BatchInputSchema, BatchEstimateSchema),
  'jobs.list': method(Empty, z.array(JobSchema)),
  /** Cancels a job under way (the provider's task too, where it can), or one not started. */
  'jobs.cancel': method(z.object({ jobId: IdSchema }).strict(), Ok),
  'jobs.ledger': method(Empty, LedgerSchema),
  /** The project's budget cap in the ledger's currency; null removes it. */
  'project.setBudget': method(
    z.object({ budgetCap: z.number().nonnegative().max(1e9).nullable() }).strict(),
    z.object({ budgetCap: z.number().nullable() }),
  ),
  'settings.get': method(Empty, SettingsViewSchema),
  'settings.update': method(SettingsUpdateSchema, SettingsViewSchema),
  'providers.list': method(Empty, z.array(ProviderInfoSchema)),
  /** Checks a provider's base URL and key with a free call. */
  'providers.test': method(
    z.object({ provider: ProviderIdSchema }).strict(),
    z.object({ ok: z.boolean(), message: z.string() }),
  ),
} as const;
