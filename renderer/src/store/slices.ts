/** The slice creators. Setters only: talking to the services is the actions' job. */
import type { StateCreator } from 'zustand';
import { emptyJobs } from './jobs';
import type { AppState, DocumentSlice, Language, UiSlice } from './state';

type Slice<T> = StateCreator<AppState, [], [], T>;

export const createDocumentSlice: Slice<DocumentSlice> = (set) => ({
  snapshot: null,
  setSnapshot: (snapshot) =>
    set((s) => {
      // The selection follows in store.ts (it lives in the selection store, not here).
      // No project before and after (start-up's project.current answering late) is no change:
      // an error shown on the start screen meanwhile stays.
      const sameProject = (s.snapshot?.project.id ?? null) === (snapshot?.project.id ?? null);
      return { snapshot, ...(sameProject ? {} : { ...emptyJobs, exportRun: null, errors: {} }) };
    }),
});

export { createJobsSlice } from './jobs';

export const createUiSlice =
  (language: Language): Slice<UiSlice> =>
  (set) => ({
    language,
    appInfo: null,
    connection: 'connecting',
    busy: {},
    errors: {},
    exportRun: null,
    setLanguage: (lang) => set({ language: lang }),
    setAppInfo: (appInfo) => set({ appInfo }),
    setConnection: (connection) => set({ connection }),
    setBusy: (place, busy) => set((s) => ({ busy: { ...s.busy, [place]: busy } })),
    setError: (place, error) =>
      set((s) => {
        const errors = { ...s.errors };
        if (error) errors[place] = error;
        else delete errors[place];
        return { errors };
      }),
    setExportRun: (exportRun) => set({ exportRun }),
    applyExportProgress: (p) =>
      set((s) => {
        const run = s.exportRun;
        // Events can beat export.start's answer: adopt the id while the run is starting.
        if (!run || (run.exportId !== null && run.exportId !== p.exportId)) return {};
        if (run.exportId === null && run.state !== 'starting') return {};
        const done = run.state === 'succeeded' || run.state === 'failed' || run.state === 'canceled';
        if (done) return {};
        const state = p.state === 'running' && run.state === 'canceling' ? 'canceling' : p.state;
        return {
          exportRun: {
            exportId: p.exportId,
            state,
            progress: p.progress,
            outPath: p.outPath,
            error: p.error,
            localized: p.localized ?? null,
          },
        };
      }),
  });
