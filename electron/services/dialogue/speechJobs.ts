/**
 * Voicing dialogue lines: plan (which lines lack current audio, with which voice), estimate and
 * check the budget, write one job row per line BEFORE anything is sent, run them through the
 * durable runner (paidJob.ts), and put each result on the voice-over lane at its line's time
 * (DialogueOps.placeVoice, one undo step). Audio is cached by text + language + voice: a line
 * voiced before (or the same words in the same voice elsewhere) is placed without a job.
 */
import { createHash, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import type { JobProgress } from '../../../shared/api/contract.js';
import { AppError, keyedError } from '../../../shared/errors.js';
import { speechKeyText, voiceOf, type DialogueLine, type Voice } from '../../../shared/model/dialogue.js';
import type { Asset, Job } from '../../../shared/model/entities.js';
import { assertWithinBudget, budgetOf } from '../generation/cost.js';
import { jobKind } from '../generation/ports.js';
import type { ProviderSettings } from '../generation/types.js';
import type { ProjectStore } from '../project/store.js';
import { paidJobTmpDir, runPaidJob, type PaidJobOptions } from '../jobs/paidJob.js';
import { cachedSpeech, rememberSpeech } from './speechCache.js';
import { findLocalResult } from '../jobs/localResult.js';
import { getSpeechProvider, OFFLINE_SPEECH } from './speech/index.js';
import type { SpeechAdapter, SpeechContext, SpeechRequest } from './speech/types.js';
import { IN_FLIGHT_JOB_STATES } from '../../../shared/model/entities.js';
import { resolvedOrRefused, resolveTemplate } from '../../../shared/template/variables.js';
import { newJob } from '../../../shared/model/factories.js';

export interface SpeechDeps {
  store: ProjectStore;
  importFile(path: string): Promise<Asset>;
  providerSettings(providerId: string): ProviderSettings;
  getSpeech?(id: string): SpeechAdapter;
  minCloudPollMs?: number;
}

export interface VoiceOptions extends Pick<PaidJobOptions, 'signal' | 'onProgress'> {
  shotIds?: string[];
  lineIds?: string[];
  /** Voice again even lines whose audio is current. */
  force?: boolean;
  budgetCap?: number | null;
  /** Once the job rows exist; `placed`: lines placed from the cache without a job. */
  onQueued?: (jobIds: string[], placed: number) => void;
}

export interface SpeechPlanRow {
  line: DialogueLine;
  voice: Voice;
  key: string;
  /** 'fresh': already voiced with this text and voice; 'cached': audio in the cache; 'job': to send. */
  action: 'fresh' | 'cached' | 'job';
  cachedAssetId: string | null;
  cost: number | null;
}

export interface SpeechEstimate {
  lines: number;
  jobs: number;
  total: number;
  currency: string;
  committed: number;
  budgetCap: number | null;
  overBudget: boolean;
  unpriced: number;
}

/** The speech request a line makes, as stored in its job row and sent. */
export interface SpeechJobRequest extends SpeechRequest {
  kind: 'speech';
  lineId: string;
  provider: string;
  key: string;
}

const speech = (deps: SpeechDeps, id: string): SpeechAdapter => (deps.getSpeech ?? getSpeechProvider)(id);

export function speechOutDir(projectDir: string): string {
  return join(paidJobTmpDir(projectDir), 'speech');
}

function keyHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The lines to voice and how. Throws before anything is written when a line's voice is
 * unusable (unknown provider, a voice id the provider does not have) or a shot is unknown.
 */
export async function planSpeech(deps: SpeechDeps, opts: VoiceOptions): Promise<SpeechPlanRow[]> {
  // Lines are spoken with their template values (or refused with the list of missing ones).
  const doc = resolvedOrRefused(deps.store.snapshot(), 'voicing');
  const all = doc.dialogueLines ?? [];
  for (const id of opts.shotIds ?? []) {
    if (!doc.shots.some((s) => s.id === id))
      throw new AppError('NOT_FOUND', `Shot "${id}" is not in this project; nothing was voiced.`, { shotId: id });
  }
  const lines = all.filter(
    (l) =>
      (!opts.shotIds?.length || opts.shotIds.includes(l.shotId)) &&
      (!opts.lineIds?.length || opts.lineIds.includes(l.id)),
  );
  const items = new Set(doc.audioItems.map((a) => a.id));
  // A line with a job under way, or one whose outcome is unknown (it may have been paid), is not
  // voiced again until that job is resolved (canceled by the user after checking the provider).
  const busy = new Set(
    deps.store
      .listJobs({ states: [...IN_FLIGHT_JOB_STATES, 'unknown'] })
      .filter((j) => jobKind(j) === 'speech')
      .map((j) => String(j.request.lineId)),
  );
  const rows: SpeechPlanRow[] = [];
  const checked = new Map<string, string | null>();
  for (const line of lines) {
    if (busy.has(line.id)) continue;
    const chosen = voiceOf(line, { elements: doc.elements, narrator: doc.project.narratorVoice ?? null });
    const offline = speech(deps, OFFLINE_SPEECH);
    const voice: Voice = chosen ?? {
      provider: offline.id,
      voiceId: offline.defaultVoice(line.language) ?? 'en-us',
      speed: 1,
    };
    const provider = speech(deps, voice.provider);
    const ck = `${voice.provider}\n${voice.voiceId}`;
    if (!checked.has(ck)) checked.set(ck, await provider.voiceProblem(voice.voiceId));
    const problem = checked.get(ck);
    if (problem)
      throw keyedError(
        'INVALID_INPUT',
        'svc.speech.lineVoice',
        { speaker: speakerName(doc, line), voice: voice.voiceId, provider: voice.provider },
        `${speakerName(doc, line)}: ${problem} Nothing was voiced.`,
        { lineId: line.id, voiceId: voice.voiceId },
      );
    const key = keyHash(speechKeyText(line.text, line.language, voice));
    const fresh = !opts.force && line.voiceKey === key && line.voiceItemId !== null && items.has(line.voiceItemId);
    const cached = fresh ? null : cachedSpeech(deps.store, key);
    const req: SpeechRequest = { text: line.text, language: line.language, voiceId: voice.voiceId, speed: voice.speed };
    rows.push({
      line,
      voice,
      key,
      action: fresh ? 'fresh' : cached ? 'cached' : 'job',
      cachedAssetId: cached,
      cost: provider.estimateCost(req),
    });
  }
  return rows;
}

function speakerName(doc: ReturnType<ProjectStore['snapshot']>, line: DialogueLine): string {
  const shot = doc.shots.findIndex((s) => s.id === line.shotId) + 1;
  const who = line.speakerId
    ? (doc.elements.find((e) => e.id === line.speakerId)?.name ?? 'a character')
    : 'the narrator';
  return `Shot ${shot}, line ${line.position + 1} (${who})`;
}

export function estimateSpeech(deps: SpeechDeps, rows: readonly SpeechPlanRow[], cap: number | null): SpeechEstimate {
  const jobs = rows.filter((r) => r.action === 'job');
  return {
    lines: rows.length,
    jobs: jobs.length,
    ...budgetOf(
      deps.store.listJobs(),
      jobs.map((r) => r.cost),
      cap,
    ),
  };
}

/**
 * Voices the lines that need it. Cached audio is placed at once; the rest become job rows
 * (one transaction) and run. Refused before anything is written over the budget cap.
 */
export async function voiceLines(
  deps: SpeechDeps,
  opts: VoiceOptions = {},
): Promise<{ jobIds: string[]; placed: number; estimate: SpeechEstimate }> {
  if (opts.signal) setMaxListeners(0, opts.signal);
  const rows = await planSpeech(deps, opts);
  const cap = opts.budgetCap !== undefined ? opts.budgetCap : deps.store.project().budgetCap;
  const estimate = estimateSpeech(deps, rows, cap);
  assertWithinBudget({ ...estimate, jobs: estimate.jobs, perProvider: [] });
  const ops = deps.store.dialogue;
  let placed = 0;
  for (const r of rows.filter((x) => x.action === 'cached')) {
    ops.placeVoice(r.line.id, r.cachedAssetId as string, r.key);
    placed++;
  }
  const now = new Date().toISOString();
  const jobs: Job[] = rows
    .filter((r) => r.action === 'job')
    .map((r) => {
      const request: SpeechJobRequest = {
        kind: 'speech',
        lineId: r.line.id,
        provider: r.voice.provider,
        key: r.key,
        text: r.line.text,
        language: r.line.language,
        voiceId: r.voice.voiceId,
        speed: r.voice.speed,
      };
      return newJob({
        id: randomUUID(),
        shotId: r.line.shotId,
        provider: r.voice.provider,
        request: { ...request },
        costEstimate: r.cost,
        createdAt: now,
      });
    });
  if (jobs.length > 0) deps.store.createJobs(jobs);
  const jobIds = jobs.map((j) => j.id);
  opts.onQueued?.(jobIds, placed);
  await Promise.all(jobIds.map((id) => runSpeechJob(deps, id, opts)));
  return { jobIds, placed, estimate };
}

/** Runs one speech job row to its end (also after a restart). */
export async function runSpeechJob(
  deps: SpeechDeps,
  jobId: string,
  opts: Pick<VoiceOptions, 'signal' | 'onProgress'>,
): Promise<void> {
  const job = deps.store.getJob(jobId);
  const req = job.request as unknown as SpeechJobRequest;
  const provider = speech(deps, req.provider);
  const ctx: SpeechContext = {
    settings: deps.providerSettings(provider.id),
    jobId,
    outDir: speechOutDir(deps.store.dir),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  await runPaidJob(
    deps.store,
    jobId,
    {
      label: provider.label,
      offline: provider.offline,
      pollPolicy: provider.pollPolicy,
      slot: `speech:${provider.id}`,
      ext: provider.fileExt,
      name: req.text,
      submit: () => provider.submit(req, ctx),
      poll: (taskId) => provider.poll(taskId, ctx),
      fetch: (taskId, dest) => provider.fetchResult(taskId, dest, ctx),
      finish: async (tmp) => {
        const asset = await deps.importFile(tmp);
        rememberSpeech(deps.store, req.key, asset.id, provider.id);
        // The line may have been edited or removed meanwhile: the audio stays cached for its words.
        const line = (resolveTemplate(deps.store.snapshot()).dialogueLines ?? []).find((l) => l.id === req.lineId);
        if (line && line.text === req.text && line.language === req.language)
          deps.store.dialogue.placeVoice(req.lineId, asset.id, req.key);
        return { resultAssetId: asset.id };
      },
    },
    { ...opts, ...(deps.minCloudPollMs !== undefined ? { minCloudPollMs: deps.minCloudPollMs } : {}) },
  );
}

/**
 * After a crash or restart: a speech job cut off while sending is found again when its audio
 * reached the disk (synchronous providers write it before answering), re-sent when the
 * provider is offline (free), and otherwise left `unknown` (it may have been paid). Jobs with
 * a task id are polled. Returns the ids it ran.
 */
export async function resumeSpeechJobs(
  deps: SpeechDeps,
  opts: Pick<VoiceOptions, 'signal' | 'onProgress'> = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const job of deps.store.listJobs({ states: IN_FLIGHT_JOB_STATES })) {
    if (jobKind(job) !== 'speech') continue;
    if (job.state === 'submitting') {
      const found = await findLocalResult(speechOutDir(deps.store.dir), job.id);
      const offline = speech(deps, job.provider).offline;
      if (found) deps.store.updateJob(job.id, { state: 'submitted', taskId: found, error: null });
      else if (offline) deps.store.updateJob(job.id, { state: 'queued', taskId: null, error: null });
      else {
        deps.store.updateJob(job.id, {
          state: 'unknown',
          error:
            'The app stopped while this line was being sent, so whether the provider made (and charged for) it is unknown. It was not sent again.',
        });
        continue;
      }
    }
    ids.push(job.id);
  }
  await Promise.all(ids.map((id) => runSpeechJob(deps, id, opts)));
  return ids;
}

export type { JobProgress };
