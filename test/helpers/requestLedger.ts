/**
 * The request ledger: for each adapter's request table (requestTable.ts), one JSON file per table
 * run with, for every model and kind of shot, what the adapter did — the body it sent to the
 * strict fake (`path`, `body`, normalised by recordedBody) or the sentence it refused with before
 * sending (`refused`). The table tests hold these files as file snapshots (a changed field or a
 * model that changes from sending to refusing shows in review), and requestCoverage.test.ts reads
 * them to prove every (provider, model, kind) of the code's model tables has one or the other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { SCENARIOS, type BodyTable, type RefusalTable, type Scenario } from './requestTable.js';

export const LEDGER_DIR = fileURLToPath(
  new URL('../integration/generation/providers/__snapshots__/requests', import.meta.url),
);

export type LedgerCell = { path: string; body: unknown } | { refused: string };

export interface Ledger {
  /** The adapter's id (the registry's). */
  provider: string;
  /** What this run of the table varied (a resolution, a region), or '' for the only run. */
  variant: string;
  cells: Record<string, Partial<Record<Scenario, LedgerCell>>>;
}

/** The ledger of one table run: every model of `models` in order, each kind in SCENARIOS order. */
export function ledgerOf(
  provider: string,
  variant: string,
  models: readonly string[],
  bodies: BodyTable,
  refusals: RefusalTable,
): Ledger {
  const cells: Ledger['cells'] = {};
  for (const model of models) {
    const row: Partial<Record<Scenario, LedgerCell>> = {};
    for (const s of SCENARIOS) {
      const sent = bodies[model]?.[s];
      const refused = refusals[model]?.[s];
      if (sent) row[s] = sent;
      else if (refused !== undefined) row[s] = { refused };
    }
    cells[model] = row;
  }
  return { provider, variant, cells };
}

const fileOf = (l: Pick<Ledger, 'provider' | 'variant'>) =>
  join(LEDGER_DIR, `${l.provider}${l.variant ? `.${l.variant}` : ''}.json`);

/** Hold a table run's ledger as a file snapshot (`vitest -u` rewrites it). */
export async function expectLedger(ledger: Ledger): Promise<void> {
  await expect(`${JSON.stringify(ledger, null, 2)}\n`).toMatchFileSnapshot(fileOf(ledger));
}

/** Every ledger on disk. */
export function readLedgers(): Ledger[] {
  return readdirSync(LEDGER_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(LEDGER_DIR, f), 'utf8')) as Ledger);
}
