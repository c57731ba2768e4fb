/**
 * Waits for a job to finish, on events: the job's progress events (bindApi feeds them into the
 * store) and the document's changes (a finished job's row arrives with the snapshot). The jobs
 * list is read once first, for a job that ended before anyone listened. No polling, no timers.
 */
import { isInFlight, type Job, type JobState } from '../../../shared/model/entities';
import type { ActionContext } from './registry';

export interface JobEnd {
  state: JobState;
  takeId: string | null;
  error: string | null;
}

function ended(job: Pick<Job, 'state' | 'takeId' | 'error'> | undefined): JobEnd | null {
  return job && !isInFlight(job.state) ? { state: job.state, takeId: job.takeId, error: job.error } : null;
}

export async function waitForJob({ api, store }: ActionContext, jobId: string): Promise<JobEnd> {
  return new Promise<JobEnd>((resolve, reject) => {
    let done = false;
    const finish = (end: JobEnd) => {
      if (done) return;
      done = true;
      off();
      resolve(end);
    };
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      off();
      reject(err);
    };
    const fromSnapshot = () => ended(store.getState().snapshot?.jobs.find((j) => j.id === jobId));
    // A live event says the job ended; its take id comes with the row, so read the list then.
    const fromList = async () => {
      const row = (await api.call('jobs.list', {})).find((j) => j.id === jobId);
      const end = ended(row);
      if (end) finish(end);
    };
    const off = store.subscribe((s, prev) => {
      if (s.snapshot !== prev.snapshot) {
        const end = fromSnapshot();
        if (end) return finish(end);
      }
      const p = s.jobProgress[jobId];
      if (p && p !== prev.jobProgress[jobId] && !isInFlight(p.state)) fromList().catch(fail);
    });
    const now = fromSnapshot();
    if (now) finish(now);
    else fromList().catch(fail);
  });
}
