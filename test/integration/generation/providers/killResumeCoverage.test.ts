/**
 * The kill-and-resume table is exhaustive: every paid provider's every catalogue model has a row
 * (killResumeRows.ts, killResumeEndpointRows.ts) or is listed as sharing one of the same
 * submit/poll protocol (killResumeShared.ts, with the reason). A new endpoint added to a
 * catalogue without either fails here, so it cannot be forgotten. Offline providers (the
 * animatic) create nothing paid and have no row.
 */
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../../../electron/services/generation/providers/index.js';
import { ENDPOINT_ROWS } from './killResumeEndpointRows.js';
import { PROVIDER_ROWS } from './killResumeRows.js';
import { SHARED } from './killResumeShared.js';

const rows = [...PROVIDER_ROWS, ...ENDPOINT_ROWS];
const key = (provider: string, model: string): string => `${provider} ${model}`;
const withRow = new Set(rows.map((r) => key(r.provider, r.model)));
const catalogue = listProviders()
  .filter((p) => !p.offline)
  .map((p) => ({ id: p.id, models: (p.capabilities.models ?? []).map((m) => m.id) }));
const inCatalogue = new Set(catalogue.flatMap((p) => p.models.map((m) => key(p.id, m))));

describe('the kill-and-resume table covers the catalogue', () => {
  it('every paid provider has at least one row', () => {
    expect(catalogue.map((p) => p.id).filter((id) => !rows.some((r) => r.provider === id))).toEqual([]);
  });

  it('every catalogue model has its own row or shares one (with the reason)', () => {
    const shared = new Set(SHARED.map((s) => key(s.provider, s.model)));
    const missing = [...inCatalogue].filter((k) => !withRow.has(k) && !shared.has(k));
    expect(missing).toEqual([]);
  });

  it('a shared model names a model of its provider that has a row, and is not also a row of its own', () => {
    for (const s of SHARED) {
      expect(withRow.has(key(s.provider, s.sharesWith)), `${s.model} shares ${s.sharesWith}`).toBe(true);
      expect(withRow.has(key(s.provider, s.model)), `${s.model} has a row and a shared entry`).toBe(false);
      expect(s.why.length).toBeGreaterThan(40);
    }
  });

  it('rows and shared entries name models the catalogue has (no stale entries)', () => {
    const stale = [...rows.map((r) => key(r.provider, r.model)), ...SHARED.map((s) => key(s.provider, s.model))].filter(
      (k) => !inCatalogue.has(k),
    );
    expect(stale).toEqual([]);
  });
});
