/**
 * Every model the registry offers has a price with its source in the one price table
 * (shared/generation/priceList.ts), or is on the list below of models knowingly left "price
 * unknown" (never counted as free: a batch under a budget cap asks the user). A model added to
 * an adapter's table without either fails here.
 */
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../../electron/services/generation/providers/index.js';
import { findPrice } from '../../../shared/generation/prices.js';
import { PRICES } from '../../../shared/generation/priceList.js';
import { genRequest } from '../../fakes/providerRequest.js';

/** No first-party or reseller price found when last searched (2026-12-07). */
const UNPRICED: Record<string, string> = {
  'luma/ray-2': 'Dream Machine API: credits only; one reseller quote ($0.50/s, aigateway.sh), not adopted',
  'luma/ray-flash-2': 'Dream Machine API: credits only',
  'luma-agents/ray-3.2': 'Agents API: no public per-second price found',
  'vidu/viduq2': 'no price found (priceList.ts: Q2 / Q1 stay unpriced)',
  'vidu/viduq1': 'no price found (priceList.ts: Q2 / Q1 stay unpriced)',
};

const models = listProviders().flatMap((p) => p.capabilities.models.map((m) => [`${p.id}/${m.id}`, p, m.id] as const));

describe('every offered model has a price source', () => {
  it.each(models)('%s', (key, provider, model) => {
    const cost = provider.estimateCost(genRequest({ model }));
    if (cost === 0) {
      // Free only where the table says so (the animatic, a local ComfyUI server).
      expect(findPrice(PRICES, provider.id, model)?.perSecond, `${key} costs nothing`).toBe(0);
      return;
    }
    if (key in UNPRICED) {
      expect(cost, `${key} is priced now: take it off UNPRICED`).toBeNull();
      return;
    }
    expect(cost, `${key} has no price`).toBeGreaterThan(0);
  });

  it('every cloud price entry names where it was read and when', () => {
    for (const e of PRICES.filter((x) => x.perSecond > 0 || x.perRequest > 0)) {
      expect(e.source.length, `${e.provider}/${e.model}`).toBeGreaterThan(5);
      expect(e.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(Object.keys(UNPRICED).every((k) => models.some(([key]) => key === k))).toBe(true);
    expect(findPrice(PRICES, 'luma', 'ray-2')).toBeNull();
  });
});
