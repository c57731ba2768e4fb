/**
 * Contract handlers of the `handoff.*` namespace (shared/api/handoff.ts): editor files and the PDF through
 * one format table (handoff/formats.ts), collect, and conform as one undo step.
 */
import { resolve } from 'node:path';
import { collectProject } from '../handoff/collect.js';
import { conformFrom } from '../handoff/conform.js';
import { HANDOFF_WRITERS } from '../handoff/formats.js';
import type { NamespaceHandlers, Session } from './session.js';

export function handoffHandlers(session: Session): NamespaceHandlers<'handoff'> {
  return {
    'handoff.export': async ({ format, outPath }) => {
      const store = session.require();
      const target = resolve(outPath);
      const files = await HANDOFF_WRITERS[format].write(store.snapshot(), target);
      return { outPath: target, files };
    },
    'handoff.collect': async ({ outPath, cutOnly }) => {
      const store = session.require();
      return collectProject(store.snapshot(), (dest) => store.backupTo(dest), resolve(outPath), cutOnly);
    },
    'handoff.conform': async ({ path }) => {
      const store = session.require();
      const report = await conformFrom(store, resolve(path));
      return { snapshot: session.changed(), report };
    },
  };
}
