import { describe, expect, it } from 'vitest';
import { findPrice, priceOf, priceTable } from '../../../shared/generation/prices.js';
import { PRICES } from '../../../shared/generation/priceList.js';
import { failureKindOf } from '../../../shared/generation/failure.js';
import { redact } from '../../../shared/generation/redact.js';

describe('price table', () => {
  it('one entry per (provider, model), every entry with a source and date; local providers are free', () => {
    const pairs = PRICES.map((p) => `${p.provider}/${p.model}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const p of PRICES) {
      expect(p.source.length).toBeGreaterThan(5);
      expect(p.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(priceOf(PRICES, 'animatic', null, 8)).toBe(0);
    expect(priceOf(PRICES, 'comfyui', 'wan', 8)).toBe(0);
    expect(PRICES.filter((p) => p.perSecond > 0).every((p) => p.estimate)).toBe(true);
  });

  it('exact model first, then the provider default; billed at the duration the provider allows', () => {
    expect(findPrice(PRICES, 'sora', 'sora-2-pro')?.perSecond).toBe(0.3);
    expect(findPrice(PRICES, 'sora', 'unknown-model')?.model).toBe('*');
    expect(priceOf(PRICES, 'sora', 'sora-2', 5)).toBe(0.5);
    // Veo takes 4/6/8 s: a 5 s shot is billed as 6 s.
    expect(priceOf(PRICES, 'veo', 'veo-3.1-generate-preview', 5, { kind: 'set', values: [4, 6, 8] })).toBe(2.4);
    expect(priceOf(PRICES, 'nobody', null, 5)).toBeNull();
  });

  it('settings overrides replace an entry or add one', () => {
    const t = priceTable([
      { provider: 'sora', model: 'sora-2', perSecond: 0.05 },
      { provider: 'mine', model: '*', perSecond: 1, perRequest: 0.5 },
    ]);
    expect(priceOf(t, 'sora', 'sora-2', 4)).toBe(0.2);
    expect(priceOf(t, 'mine', 'x', 2)).toBe(2.5);
    expect(priceOf(PRICES, 'sora', 'sora-2', 4)).toBe(0.4); // the shipped table is untouched
  });
});

describe('failure kinds and redaction', () => {
  it('kind from the adapter, else provider or local', () => {
    expect(failureKindOf({ code: 'PROVIDER_FAILED', details: { failureKind: 'expired' } })).toBe('expired');
    expect(failureKindOf({ code: 'PROVIDER_FAILED', details: { failureKind: 'bogus' } })).toBe('provider');
    expect(failureKindOf({ code: 'MEDIA_CORRUPT' })).toBe('local');
    expect(failureKindOf({ code: 'CANCELED' })).toBe('canceled');
    expect(failureKindOf('x')).toBe('local');
  });

  it('masks every occurrence of a key, ignores empty ones', () => {
    expect(redact('a sk-123456 b sk-123456', ['sk-123456', undefined, ''])).toBe('a •••• b ••••');
    expect(redact('no key here', [null])).toBe('no key here');
  });
});
