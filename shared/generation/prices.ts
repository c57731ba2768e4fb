/**
 * Every price the app knows, in ONE table (design.md §5: "prices in one table with source and
 * date, editable"). Cloud prices are estimates copied from docs/providers.md (the providers'
 * pages or, where marked, secondary sources); settings can override any entry. Pure data.
 */
import { allowedDuration, type DurationRule } from './capabilities.js';

export interface PriceEntry {
  provider: string;
  /** A model id, or '*' for every model of the provider without its own entry. */
  model: string;
  /** Cost per second of generated video, in `currency`. */
  perSecond: number;
  /** A fixed cost per request, on top of perSecond. */
  perRequest: number;
  currency: string;
  source: string;
  /** When the price was read (YYYY-MM-DD). */
  asOf: string;
  /** True when not a first-party, current, exact price. */
  estimate: boolean;
}

/** The project's money unit: every estimate, budget cap and ledger total is in it. */
export const CURRENCY = 'USD';

const SORA = 'https://developers.openai.com/de-DE/api/docs/models/sora-2';
const VEO = 'https://ai.google.dev/gemini-api/docs/pricing (via reapi.ai, secondary)';
const RUNWAY = 'https://docs.dev.runwayml.com/ (credits/s, $0.01 per credit via toolcolumn.com, secondary)';

function p(provider: string, model: string, perSecond: number, source: string, asOf: string, estimate = true): PriceEntry {
  return { provider, model, perSecond, perRequest: 0, currency: CURRENCY, source, asOf, estimate };
}

export const PRICES: readonly PriceEntry[] = [
  p('animatic', '*', 0, 'built in, offline', '2026-11-21', false),
  p('comfyui', '*', 0, 'local GPU, no provider charge', '2026-11-21', false),
  p('sora', 'sora-2', 0.1, SORA, '2026-04-01'),
  p('sora', 'sora-2-pro', 0.3, SORA, '2026-04-01'),
  p('sora', '*', 0.1, SORA, '2026-04-01'),
  p('veo', 'veo-3.1-generate-preview', 0.4, VEO, '2026-04-01'),
  p('veo', 'veo-3.1-fast-generate-preview', 0.12, VEO, '2026-04-01'),
  p('veo', '*', 0.4, VEO, '2026-04-01'),
  p('runway', 'gen4.5', 0.12, RUNWAY, '2026-04-01'),
  p('runway', 'gen4_turbo', 0.05, RUNWAY, '2026-04-01'),
  p('runway', 'veo3.1', 0.4, RUNWAY, '2026-04-01'),
  p('runway', 'veo3.1_fast', 0.15, RUNWAY, '2026-04-01'),
  p('runway', 'seedance2', 0.36, RUNWAY, '2026-04-01'),
  p('runway', '*', 0.12, RUNWAY, '2026-04-01'),
  // ¥0.60/s at 720p (Beijing prices) at ~7.1 CNY/USD; crazyrouter docs, secondary.
  p('wan', '*', 0.085, 'https://docs.crazyrouter.com/jp/video/wan (secondary; CNY converted)', '2026-04-01'),
  // ~$0.93 per 5 s at 1080p (Seedance 2.0); apidog, secondary.
  p('seedance', '*', 0.186, 'apidog (secondary), per docs/providers.md', '2026-04-01'),
];

/** An override from settings: replaces the entry with the same provider and model. */
export type PriceOverride = Pick<PriceEntry, 'provider' | 'model' | 'perSecond'> & Partial<Pick<PriceEntry, 'perRequest'>>;

/** The table with the user's overrides applied (an override of an unknown pair is added). */
export function priceTable(overrides: readonly PriceOverride[] = []): PriceEntry[] {
  const table = PRICES.map((e) => ({ ...e }));
  for (const o of overrides) {
    const entry: PriceEntry = {
      provider: o.provider, model: o.model, perSecond: o.perSecond, perRequest: o.perRequest ?? 0, currency: CURRENCY,
      source: 'your settings', asOf: '', estimate: false,
    };
    const i = table.findIndex((e) => e.provider === o.provider && e.model === o.model);
    if (i >= 0) table[i] = entry;
    else table.push(entry);
  }
  return table;
}

/** The entry for a provider and model: exact model first, then the provider's '*'. */
export function findPrice(table: readonly PriceEntry[], provider: string, model: string | null): PriceEntry | null {
  return (model !== null ? table.find((e) => e.provider === provider && e.model === model) : undefined)
    ?? table.find((e) => e.provider === provider && e.model === '*')
    ?? null;
}

/**
 * The estimated cost of one request: the duration the provider will actually bill (the nearest
 * allowed one) times the price. An unknown provider without an entry costs `null` (unknown), so
 * a budget check can refuse it rather than assume it is free.
 */
export function priceOf(
  table: readonly PriceEntry[], provider: string, model: string | null, durationSec: number, durations?: DurationRule,
): number | null {
  const entry = findPrice(table, provider, model);
  if (!entry) return null;
  const billed = durations ? allowedDuration(durations, durationSec) : durationSec;
  return roundCents(entry.perRequest + entry.perSecond * billed);
}

export function roundCents(n: number): number {
  return Math.round(n * 100) / 100;
}
