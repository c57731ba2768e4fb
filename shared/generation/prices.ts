/**
 * Reading the price table (priceList.ts): the user's overrides, the entry for a provider and
 * model, and what one request costs. Pure.
 */
import { allowedDuration, type DurationRule } from './capabilities.js';
import { CURRENCY, PRICES, type PriceEntry } from './priceList.js';

/** An override from settings: replaces the entry with the same provider and model. */
export type PriceOverride = Pick<PriceEntry, 'provider' | 'model' | 'perSecond'> &
  Partial<Pick<PriceEntry, 'perRequest'>>;

/** The table with the user's overrides applied (an override of an unknown pair is added). */
export function priceTable(overrides: readonly PriceOverride[] = []): PriceEntry[] {
  const table = PRICES.map((e) => ({ ...e }));
  for (const o of overrides) {
    const entry: PriceEntry = {
      provider: o.provider,
      model: o.model,
      perSecond: o.perSecond,
      perRequest: o.perRequest ?? 0,
      currency: CURRENCY,
      source: 'your settings',
      asOf: '',
      estimate: false,
    };
    const i = table.findIndex((e) => e.provider === o.provider && e.model === o.model);
    if (i >= 0) table[i] = entry;
    else table.push(entry);
  }
  return table;
}

/** The entry for a provider and model: exact model first, then the provider's '*'. */
export function findPrice(table: readonly PriceEntry[], provider: string, model: string | null): PriceEntry | null {
  return (
    (model !== null ? table.find((e) => e.provider === provider && e.model === model) : undefined) ??
    table.find((e) => e.provider === provider && e.model === '*') ??
    null
  );
}

/**
 * The estimated cost of one request: the duration the provider will actually bill (the nearest
 * allowed one) times the price. An unknown provider without an entry costs `null` (unknown), so
 * a budget check can refuse it rather than assume it is free.
 */
export function priceOf(
  table: readonly PriceEntry[],
  provider: string,
  model: string | null,
  durationSec: number,
  durations?: DurationRule,
): number | null {
  const entry = findPrice(table, provider, model);
  if (!entry) return null;
  const billed = durations ? allowedDuration(durations, durationSec) : durationSec;
  return roundCents(entry.perRequest + entry.perSecond * billed);
}

/**
 * The seconds a request is billed on before the model's duration rule: a restyle's output is as
 * long as the clip it edits (Runway Aleph, Kling edit), so its source clip; else the shot's length.
 */
export function billedSeconds(req: { durationSec: number; sourceVideo?: { durationSec: number } }): number {
  return req.sourceVideo?.durationSec ?? req.durationSec;
}

export function roundCents(n: number): number {
  return Math.round(n * 100) / 100;
}
