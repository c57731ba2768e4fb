/**
 * The README's capability matrix is generated from the adapters: this test fails when an
 * adapter's capabilities change and the README was not regenerated
 * (`npm run docs:capabilities` rewrites it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../../electron/services/generation/providers/index.js';
import {
  capabilityMatrixMarkdown,
  capabilitySection,
  MATRIX_END,
  MATRIX_START,
  replaceMatrix,
} from '../../../shared/generation/capabilityMatrix.js';

import { plainCapabilities } from '../../fakes/capabilities.js';

const README = new URL('../../../README.md', import.meta.url);

describe('capability matrix', () => {
  it('has a row per provider model with its own overrides', () => {
    const table = capabilityMatrixMarkdown([
      {
        id: 'acme',
        label: 'Acme',
        offline: false,
        capabilities: plainCapabilities({
          imageToVideo: false,
          durations: { kind: 'set', values: [5, 10] },
          aspects: ['16:9'],
          models: [
            { id: 'a1', label: 'A1' },
            { id: 'a2', label: 'A2', capabilities: { imageToVideo: true, referenceImagesMax: 3 } },
          ],
        }),
      },
    ]);
    const rows = table.split('\n').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('| Acme (`acme`) | `a1` | yes | — | — | — | — | — | — | ignored | — | 5, 10 s | 16:9 | any |');
    expect(rows[1]).toContain('| `a2` | yes | yes | — | up to 3 |');
  });

  it('README matches what the adapters declare', () => {
    const providers = listProviders().map((p) => ({
      id: p.id,
      label: p.label,
      offline: p.offline,
      capabilities: p.capabilities,
    }));
    const readme = readFileSync(README, 'utf8');
    const expected = replaceMatrix(readme, capabilitySection(providers));
    expect(readme.includes(MATRIX_START) && readme.includes(MATRIX_END)).toBe(true);
    if (process.env.UPDATE_README === '1') writeFileSync(README, expected);
    else expect(readme).toBe(expected);
  });
});
