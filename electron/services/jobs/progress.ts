/** The progress event of a job as stored: what every job runner reports after each update. */
import type { JobProgress } from '../../../shared/api/contract.js';
import type { Job } from '../../../shared/model/entities.js';

export function progressOf(job: Job): JobProgress {
  return {
    jobId: job.id,
    shotId: job.shotId,
    state: job.state,
    progress: job.progress,
    error: job.error,
    errorInfo: job.errorInfo ?? null,
  };
}
