/**
 * Lip sync as a generation on an existing take: the take's clip + a voiced line -> a new take
 * whose mouths speak the line. Provider: Kling's lip-sync task, which re-renders a video Kling
 * made (by its video id) to an audio file: POST /v1/videos/lip-sync {input: {video_id, mode:
 * 'audio2video', audio_type: 'file', audio_file: <base64 .mp3/.wav/.m4a/.aac, max 5 MB>}}, then
 * GET /v1/videos/lip-sync/{task_id} like every Kling task (Kling lip-sync API reference as
 * mirrored by docs.comfy.org "kling/videos-lip-sync"; ComfyUI's KlingLipSyncAudioToVideoNode:
 * video 2-10 s, audio must hold a clear voice).
 * Several speakers: one line at a time at its offset — line k's audio is silence until the
 * line's time in the clip, then the line; its job runs on the video line k-1 produced. Every
 * step is a durable job row (written, with its estimate, before anything is sent; budgeted;
 * resumed by task id after a kill, never sent twice).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { JobProgress } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import { takeOutputRef } from '../../../shared/generation/request.js';
import { dialogueTimeline } from '../../../shared/model/dialogueTiming.js';
import type { Asset, Job, Take } from '../../../shared/model/entities.js';
import { newJob, newTake } from '../../../shared/model/factories.js';
import { framesToSeconds } from '../../../shared/model/time.js';
import { assertWithinBudget, budgetOf } from '../generation/cost.js';
import { jobKind } from '../generation/ports.js';
import { downloadToFile } from '../generation/providers/download.js';
import { DEFAULT_KLING_URL, klingJson, type KlingCall } from '../generation/providers/kling/http.js';
import { klingKeys } from '../generation/providers/kling/jwt.js';
import type { PollResult, ProviderSettings } from '../generation/types.js';
import type { ProjectStore } from '../project/store.js';
import { paidJobTmpDir, runPaidJob } from '../jobs/paidJob.js';
import { offsetAudio, sourceVideoId, type LipSyncRequest } from './lipSyncStep.js';
import { IN_FLIGHT_JOB_STATES } from '../../../shared/model/entities.js';

export interface LipSyncDeps {
  store: ProjectStore;
  importFile(path: string): Promise<Asset>;
  providerSettings(providerId: string): ProviderSettings;
  minCloudPollMs?: number;
}

export interface LipSyncOptions {
  takeId: string;
  lineIds?: string[];
  provider?: string;
  signal?: AbortSignal;
  onQueued?: (jobIds: string[]) => void;
  onProgress?: (p: JobProgress) => void;
}

/** Kling lip-sync is billed per 5 s of video; about $0.07 a run on the pay-as-you-go table (an estimate). */
export const LIP_SYNC_USD = 0.07;

interface KlingTask {
  task_id?: string;
  task_status?: string;
  task_status_msg?: string;
  task_result?: { videos?: { id?: string; url?: string }[] };
}

const refuse = (message: string, details?: Record<string, unknown>): AppError =>
  new AppError('INVALID_INPUT', `${message} Nothing was sent.`, details);

/** Plans the chain, checks the budget, writes the job rows, then runs them one after another. */
export async function lipSyncTake(deps: LipSyncDeps, o: LipSyncOptions): Promise<{ jobIds: string[] }> {
  const provider = o.provider ?? 'kling';
  if (provider !== 'kling') throw refuse(`Lip sync is offered through Kling only (asked: ${provider}).`);
  const doc = deps.store.snapshot();
  const take = doc.takes.find((t) => t.id === o.takeId);
  if (!take) throw new AppError('NOT_FOUND', `Take "${o.takeId}" is not in this project.`, { takeId: o.takeId });
  const ref = takeOutputRef(take);
  if (take.provider !== 'kling' || !ref) {
    throw refuse(
      `Kling lip-syncs only videos it made itself (by their Kling video id); this take comes from ${take.provider}. Generate the shot with Kling first.`,
      { issue: 'lipSyncSource' },
    );
  }
  const shot = doc.shots.find((s) => s.id === take.shotId);
  const asset = doc.assets.find((a) => a.id === take.assetId);
  const timing = dialogueTimeline(doc).find((t) => t.shotId === take.shotId);
  if (!shot || !asset || !timing) throw refuse("This take's shot has no dialogue lines to lip-sync.");
  const placed = timing.placed.filter((p) => !o.lineIds?.length || o.lineIds.includes(p.line.id));
  const items = new Map(doc.audioItems.map((a) => [a.id, a]));
  const fps = doc.project.fps;
  const steps = placed.map((p) => {
    const item = p.line.voiceItemId ? items.get(p.line.voiceItemId) : undefined;
    if (!item)
      throw refuse(`Line ${p.line.position + 1} ("${p.line.text.slice(0, 30)}") is not voiced yet: voice it first.`, {
        issue: 'notVoiced',
      });
    return {
      line: p.line,
      audioAssetId: item.assetId,
      offsetSec: framesToSeconds(shot.trimInFrames + p.startFrame, fps),
    };
  });
  if (steps.length === 0) throw refuse('No voiced line was chosen for lip sync.');
  const cap = doc.project.budgetCap;
  assertWithinBudget({
    jobs: steps.length,
    perProvider: [],
    ...budgetOf(
      deps.store.listJobs(),
      steps.map(() => LIP_SYNC_USD),
      cap,
    ),
  });
  const now = new Date().toISOString();
  const jobs: Job[] = [];
  for (const [step, s] of steps.entries()) {
    const request: LipSyncRequest = {
      kind: 'lipsync',
      provider: 'kling',
      sourceTakeId: take.id,
      step,
      afterJobId: jobs.at(-1)?.id ?? null,
      lineId: s.line.id,
      audioAssetId: s.audioAssetId,
      offsetSec: s.offsetSec,
      clipSec: asset.info.durationSec,
    };
    jobs.push(
      newJob({
        id: randomUUID(),
        shotId: take.shotId,
        provider: 'kling',
        model: 'lip-sync',
        request: { ...request },
        costEstimate: LIP_SYNC_USD,
        createdAt: now,
      }),
    );
  }
  deps.store.createJobs(jobs);
  o.onQueued?.(jobs.map((j) => j.id));
  for (const j of jobs) await runLipSyncJob(deps, j.id, o);
  return { jobIds: jobs.map((j) => j.id) };
}

export async function runLipSyncJob(
  deps: LipSyncDeps,
  jobId: string,
  o: Pick<LipSyncOptions, 'signal' | 'onProgress'>,
): Promise<void> {
  const { store } = deps;
  const job = store.getJob(jobId);
  const req = job.request as unknown as LipSyncRequest;
  const settings = deps.providerSettings('kling');
  const call = (what: string): KlingCall => ({
    base: settings.baseUrl?.trim() || DEFAULT_KLING_URL,
    keys: klingKeys(settings),
    what,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const task = (taskId: string): Promise<KlingTask | null> =>
    klingJson<KlingTask>(`/v1/videos/lip-sync/${encodeURIComponent(taskId)}`, call('read the lip-sync task'));
  let outputRef: string | undefined;
  await runPaidJob(
    store,
    jobId,
    {
      label: 'Kling lip sync',
      offline: false,
      pollPolicy: { initialMs: 5000, maxMs: 30_000, factor: 1.5 },
      slot: 'kling',
      ext: 'mp4',
      async submit() {
        const wav = await offsetAudio(store, req, join(paidJobTmpDir(store.dir), `lipsync-${jobId}.wav`), o.signal);
        const body = {
          input: {
            video_id: sourceVideoId(store, req),
            mode: 'audio2video',
            audio_type: 'file',
            audio_file: wav.toString('base64'),
          },
          external_task_id: jobId,
        };
        const data = await klingJson<KlingTask>('/v1/videos/lip-sync', {
          ...call('create the lip-sync task'),
          method: 'POST',
          body,
        });
        if (!data?.task_id) throw new Error('Kling accepted the lip-sync request but returned no task id.');
        return { taskId: data.task_id };
      },
      async poll(taskId): Promise<PollResult> {
        const t = await task(taskId);
        if (!t) return { state: 'failed', taskLost: true, error: `Kling has no lip-sync task ${taskId}.` };
        if (t.task_status === 'succeed') return { state: 'succeeded', progress: 1 };
        if (t.task_status === 'failed')
          return {
            state: 'failed',
            error: `Kling could not lip-sync this clip: ${t.task_status_msg || 'no reason given'}.`,
          };
        return { state: 'running', progress: t.task_status === 'processing' ? 0.5 : 0 };
      },
      async fetch(taskId, dest, signal) {
        const v = (await task(taskId))?.task_result?.videos?.[0];
        if (!v?.url)
          throw new AppError('PROVIDER_FAILED', `Kling lists no video for lip-sync task ${taskId}.`, {
            expired: true,
            failureKind: 'expired',
          });
        outputRef = v.id;
        await downloadToFile(v.url, dest, { label: 'Kling', taskId, ...(signal ? { signal } : {}) });
      },
      async finish(tmp) {
        const asset = await deps.importFile(tmp);
        const take: Take = newTake({
          id: randomUUID(),
          shotId: job.shotId,
          assetId: asset.id,
          jobId,
          provider: 'kling',
          model: 'lip-sync',
          request: { ...req, ...(outputRef ? { providerOutput: { ref: outputRef } } : {}) },
          cost: job.costEstimate,
          createdAt: new Date().toISOString(),
        });
        store.addTake(take, { selectIfNone: false });
        store.addProvenance({
          actor: 'provider:kling',
          action: 'lipsync',
          subjectType: 'take',
          subjectId: take.id,
          details: { jobId, lineId: req.lineId, step: req.step },
        });
        return { resultAssetId: asset.id, takeId: take.id };
      },
    },
    { ...o, ...(deps.minCloudPollMs !== undefined ? { minCloudPollMs: deps.minCloudPollMs } : {}) },
  );
}

/** After a crash: steps with a task id are polled; one cut off while sending becomes `unknown`. */
export async function resumeLipSyncJobs(
  deps: LipSyncDeps,
  o: Pick<LipSyncOptions, 'signal' | 'onProgress'> & { onStart?: (jobIds: string[]) => void } = {},
): Promise<string[]> {
  const ids: string[] = [];
  const steps = deps.store
    .listJobs({ states: IN_FLIGHT_JOB_STATES })
    .filter((j) => jobKind(j) === 'lipsync')
    .sort((a, b) => Number(a.request.step) - Number(b.request.step));
  for (const job of steps) {
    if (job.state === 'submitting') {
      deps.store.updateJob(job.id, {
        state: 'unknown',
        error:
          'The app stopped while this lip-sync step was being sent, so whether Kling made (and charged for) it is unknown. It was not sent again.',
      });
      continue;
    }
    ids.push(job.id);
  }
  if (ids.length > 0) o.onStart?.(ids);
  // In chain order: a later step needs the earlier one's video.
  for (const id of ids) await runLipSyncJob(deps, id, o);
  return ids;
}
