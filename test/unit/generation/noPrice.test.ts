/**
 * "No price" has one meaning: null, the price is unknown. It is never 0 (free) and never NaN:
 * an adapter with no table entry for a model says null, requestCost() passes it on, and the
 * batch estimate counts it as unpriced (which a budget cap refuses until the user decides).
 */
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../../electron/services/generation/providers/index.js';
import { requestCost } from '../../../electron/services/generation/plan.js';
import type { PriceEntry } from '../../../shared/generation/priceList.js';
import { AppError } from '../../../shared/errors.js';
import { genRequest } from '../../fakes/providerRequest.js';

/** Free by design: the offline animatic and a ComfyUI server of your own (no bill to anyone). */
const FREE = new Set(['animatic', 'comfyui']);
const UNKNOWN_MODEL = genRequest({ model: 'no-such-model-in-the-price-table' });

/** The cost, or 'refused' when the adapter refuses a model it does not know (also never free). */
function costOf(f: () => number | null): number | null | 'refused' {
  try {
    return f();
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT') return 'refused';
    throw e;
  }
}

describe('no price means "price unknown", never free', () => {
  it('every paid provider: a model it has no price for is null or a real price, never 0 or NaN', () => {
    const paid = listProviders().filter((p) => !FREE.has(p.id));
    expect(paid.length).toBeGreaterThan(5);
    // Some adapters price an unknown model as their default one; none may call it free.
    const offenders = paid
      .map((p) => ({ provider: p.id, cost: costOf(() => p.estimateCost(UNKNOWN_MODEL)) }))
      .filter(({ cost }) => !(cost === null || cost === 'refused' || cost > 0));
    expect(offenders).toEqual([]);
  });

  it('requestCost with an empty price table: unknown stays null; the free providers are 0', () => {
    const NO_PRICES: readonly PriceEntry[] = [];
    const costs = Object.fromEntries(
      listProviders().map((p) => [p.id, costOf(() => requestCost(p, UNKNOWN_MODEL, NO_PRICES))]),
    );
    for (const [id, cost] of Object.entries(costs)) {
      if (FREE.has(id)) expect({ id, cost }).toEqual({ id, cost: 0 });
      else expect({ id, free: cost === 0, nan: Number.isNaN(cost) }).toEqual({ id, free: false, nan: false });
    }
  });
});
