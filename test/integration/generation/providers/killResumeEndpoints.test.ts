/**
 * JOB-1/2 for the Kling Omni and Aleph endpoints on fal and Replicate (killResumeEndpointRows.ts),
 * through the same kill-and-resume harness and row runner as every provider's own protocol
 * (killResume.test.ts); a file of its own so the integration workers share the table's minutes.
 */
import { describe } from 'vitest';
import { ENDPOINT_ROWS } from './killResumeEndpointRows.js';
import { killResumeTests } from './killResumeTable.js';

describe('kill -9 during generate, then resume (fal and Replicate endpoints)', () => {
  killResumeTests(ENDPOINT_ROWS);
});
