/**
 * The panels the renderer tests open, server-rendered over a store they set up: the Generate
 * dialog over the chosen shots, and the shot inspector on the one chosen shot; and the hooks
 * that put the UI stores back between tests.
 */
import { afterEach, beforeAll, vi } from 'vitest';
import type { ApiClient } from '../../../../renderer/src/api/client';
import { initI18n } from '../../../../renderer/src/i18n';
import { GenerateDialog } from '../../../../renderer/src/panels/GenerateDialog';
import { ShotInspector } from '../../../../renderer/src/panels/ShotInspector';
import { jobsUi, resetJobsUi, setJobsUi, type GenerateScope } from '../../../../renderer/src/store/jobsUi';
import type { AppStore } from '../../../../renderer/src/store/store';
import { resetEditorUi, selection } from '../../../../renderer/src/store/uiEditor';
import { renderInApp } from '../fixtures';

/** A panel test file's hooks: English before its first test; spies, the jobs UI and the selection put back after each. */
export function panelTestHooks(): void {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    resetJobsUi();
    resetEditorUi();
  });
}

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
