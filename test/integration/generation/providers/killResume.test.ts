/**
 * JOB-1/2 for every provider, table-driven, through the shared kill-and-resume harness
 * (test/helpers/killResume.ts): the BUILT CLI is SIGKILLed once the provider's fake (running
 * in this process) reports `creates() > 0`, then run again to the end. Each row keeps its own
 * fake setup, its kill signal and its own assertions, with the reason the assertion is what it
 * is (killResumeRows.ts here; the fal and Replicate endpoint rows run in
 * killResumeEndpoints.test.ts); killResumeCoverage.test.ts keeps the table exhaustive over the
 * catalogue.
 */
import { describe } from 'vitest';
import { PROVIDER_ROWS } from './killResumeRows.js';
import { killResumeTests } from './killResumeTable.js';

describe('kill -9 during generate, then resume (every provider)', () => {
  killResumeTests(PROVIDER_ROWS);
});
