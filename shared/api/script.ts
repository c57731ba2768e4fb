/**
 * Contract methods of script import (merged into `contract` in contract.ts): a script's text ->
 * a reviewable proposal (nothing written), and an accepted proposal -> ONE undo step.
 */
import { z } from 'zod';
import { method } from './method.js';
import { ProjectSnapshotSchema } from '../model/entities.js';
import { ScriptProposalSchema } from '../script/proposal.js';
import { MAX_SCRIPT_BYTES } from '../script/index.js';

export const scriptMethods = {
  /**
   * Parses a Fountain screenplay, a Chinese script or a text/Markdown outline (picked from the
   * file name and the text) into a proposal against the open project's characters. Problems
   * come back in `issues` with their line numbers; nothing is written.
   */
  'script.propose': method(
    z.object({ text: z.string().max(MAX_SCRIPT_BYTES), fileName: z.string().min(1).max(500) }).strict(),
    ScriptProposalSchema,
  ),
  /** Applies what the user accepted (and edited) of a proposal as ONE undo step. Refused whole while errors remain. */
  'script.apply': method(z.object({ proposal: ScriptProposalSchema }).strict(), ProjectSnapshotSchema),
};
