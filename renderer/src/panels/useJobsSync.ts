/**
 * Keeps the job list and the ledger current while the jobs panel is shown: fetched once, then
 * again (at most every 400 ms) when a progress event names a job the list lacks or a job
 * ends, or when the document changes (a take arrived, an undo, a cancel).
 */
import { useEffect } from 'react';
import { uiErrorOf } from '../components/serviceText';
import { refreshJobs } from '../actions/generationActions';
import { useAppContext } from '../app/context';
import { isActive } from '../store/jobs';

const THROTTLE_MS = 400;

export function useJobsSync(): void {
  const ctx = useAppContext();
  useEffect(() => {
    const { api, store } = ctx;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const refresh = () => {
      if (timer !== null || stopped) return;
      timer = setTimeout(() => {
        timer = null;
        if (stopped || !store.getState().snapshot) return;
        refreshJobs(api, store).catch((err: unknown) => {
          store.getState().setError('jobs', uiErrorOf(err));
        });
      }, THROTTLE_MS);
    };
    refresh();
    const off = store.subscribe((s, prev) => {
      if (s.snapshot !== prev.snapshot && s.snapshot) refresh();
      if (s.jobProgress === prev.jobProgress) return;
      const known = new Map((s.jobList ?? []).map((j) => [j.id, j.state]));
      for (const p of Object.values(s.jobProgress)) {
        if (prev.jobProgress[p.jobId] === p) continue;
        const listed = known.get(p.jobId);
        if (listed === undefined || (!isActive(p.state) && listed !== p.state)) refresh();
      }
    });
    return () => {
      stopped = true;
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [ctx]);
}
