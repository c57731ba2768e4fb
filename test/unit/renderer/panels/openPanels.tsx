/**
 * The panels the renderer tests open, server-rendered over a store they set up: the Generate
 * dialog over the chosen shots, and the shot inspector on the one chosen shot.
 */
import type { ApiClient } from '../../../../renderer/src/api/client';
import { GenerateDialog } from '../../../../renderer/src/panels/GenerateDialog';
import { ShotInspector } from '../../../../renderer/src/panels/ShotInspector';
import { jobsUi, setJobsUi, type GenerateScope } from '../../../../renderer/src/store/jobsUi';
import type { AppStore } from '../../../../renderer/src/store/store';
import { selection } from '../../../../renderer/src/store/uiEditor';
import { renderInApp } from '../fixtures';

/** Chooses the shots `picked` among the store's shots, in the order the grid shows them. */
function choose(store: AppStore, picked: readonly string[]): void {
  const all = store.getState().snapshot?.shots.map((s) => s.id) ?? [];
  selection.getState().select([...picked], 'replace', all);
}

/** The Generate dialog, open, with the shots `picked` chosen and its scope `scope` (else the dialog's default). */
export function renderGenerateDialog(
  store: AppStore,
  { picked = [], scope }: { picked?: readonly string[]; scope?: GenerateScope } = {},
): string {
  choose(store, picked);
  setJobsUi({ generateOpen: true, ...(scope ? { generateScope: scope } : {}) });
  return renderInApp(store, <GenerateDialog />, [jobsUi, selection]);
}

/** The shot inspector with the shot `shotId` chosen. */
export function renderInspector(store: AppStore, shotId: string, api?: ApiClient): string {
  choose(store, [shotId]);
  return renderInApp(store, <ShotInspector />, [selection], api);
}
