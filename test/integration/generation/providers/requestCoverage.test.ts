/**
 * Every (provider, model, kind of shot) the code offers has a row in a request table: the body
 * the adapter sent to its strict fake, or the sentence it refused with before sending. The list
 * comes from the code's own tables (the provider registry and each adapter's model table), the
 * rows from the request ledgers the table tests hold as file snapshots (__snapshots__/requests,
 * test/helpers/requestLedger.ts), so a model added to a table without a row fails here.
 *
 * The rows must also agree with what each model declares to the UI and the runner
 * (shared/generation/capabilities.ts): a kind the model cannot take is refused in every run,
 * a kind it can take is sent in at least one, and a model that takes camera moves or reference
 * pictures puts them on the wire (its camera / references body differs from its text body).
 *
 * A restyle of a clip (the `video` kind) is not one of the six: the fal / Replicate edit
 * endpoints have theirs in falKlingOmniTable.test.ts and replicateOmniAlephTable.test.ts, Runway Aleph in
 * runwayAleph.test.ts.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { capabilityGap, modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { listProviders } from '../../../../electron/services/generation/providers/index.js';
import { readLedgers, type LedgerCell } from '../../../helpers/requestLedger.js';
import { SCENARIOS, scenarioRequest, type Scenario } from '../../../helpers/requestTable.js';

/** Adapters that send nothing over the wire, and why. */
const NO_WIRE: Record<string, string> = {
  animatic: 'renders on this machine with ffmpeg: no request leaves it',
};

const ledgers = readLedgers();
const cloud = listProviders().filter((p) => !(p.id in NO_WIRE));
const bodyOf = (c: LedgerCell | undefined) => (c && 'body' in c ? c.body : undefined);

describe('request coverage: every model and kind of shot has a recorded body or a refusal', () => {
  it('the registry has providers and the ledgers name only providers it has', () => {
    expect(cloud.length).toBeGreaterThan(10);
    const ids = new Set(listProviders().map((p) => p.id));
    expect(ledgers.map((l) => l.provider).filter((p) => !ids.has(p))).toEqual([]);
    for (const id of Object.keys(NO_WIRE)) expect(ledgers.filter((l) => l.provider === id)).toEqual([]);
  });

  it.each(cloud.map((p) => [p.id, p] as const))('%s', (_id, provider) => {
    const runs = ledgers.filter((l) => l.provider === provider.id);
    expect(runs.length, `${provider.id} has no request table`).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const model of provider.capabilities.models) {
      const caps = modelCapabilities(provider.capabilities, model.id);
      const cellsOf = (s: Scenario) => runs.map((r) => r.cells[model.id]?.[s]);
      for (const s of SCENARIOS) {
        const where = `${provider.id} / ${model.id} / ${s}`;
        const cells = cellsOf(s);
        const missing = runs.filter((_, i) => !cells[i]).map((r) => r.variant || 'the table');
        if (missing.length) problems.push(`${where}: no recorded body or refusal in ${missing.join(', ')}`);
        for (const c of cells)
          if (c && 'refused' in c && !/\w.*\.$/.test(c.refused.trim()))
            problems.push(`${where}: refused without a sentence ("${c.refused}")`);
        // What the UI and the runner are told must match what the adapter does.
        const gap =
          s === 'references' || s === 'camera'
            ? null
            : capabilityGap(caps, scenarioRequest(s, model.id, provider.id, 'ref'));
        const sent = cells.filter((c) => c && 'body' in c).length;
        if (gap && sent) problems.push(`${where}: sent, but the model declares ${gap}`);
        if (!gap && s !== 'references' && s !== 'camera' && !sent && !missing.length)
          problems.push(`${where}: declared possible, refused in every run`);
      }
      // Camera moves and reference pictures reach the wire where the model says they do.
      runs.forEach((r) => {
        const text = bodyOf(r.cells[model.id]?.text);
        const camera = bodyOf(r.cells[model.id]?.camera);
        const refs = bodyOf(r.cells[model.id]?.references);
        const run = r.variant ? ` (${r.variant})` : '';
        const how = caps.cameraMoves ?? 'ignored';
        if (how !== 'ignored' && text && camera && isDeepStrictEqual(text, camera))
          problems.push(`${provider.id} / ${model.id} / camera${run}: declares camera moves by ${how}, sent none`);
        if (caps.referenceImagesMax > 0 && text && refs && isDeepStrictEqual(text, refs))
          problems.push(`${provider.id} / ${model.id} / references${run}: takes ${caps.referenceImagesMax}, sent none`);
      });
    }
    expect(problems).toEqual([]);
  });
});
