/**
 * Dialogue commands:
 *   storyboard cast <dir> --speaker <name|@tag|narrator> --voice <provider>:<voiceId> [--speed <n>]
 *   storyboard voice <dir> [--shot <id>]... [--force] [--budget <amount>]
 *   storyboard fit <dir> [--shot <id>]...
 *   storyboard lipsync <dir> --take <id> [--line <id>]...
 * and the subtitle sidecars of `storyboard export <dir> --format srt|vtt --out <file>`.
 * `voice` first finishes what a crash left (polled by task id, never sent twice), prints the
 * estimate, voices what lacks current audio, then the timing warnings.
 */
import { resolve } from 'node:path';
import type { EventPayload } from '../../shared/api/contract.js';
import { matchSpeaker } from '../../shared/model/dialogue.js';
import { tooShortShots } from '../../shared/model/dialogueTiming.js';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import { framesToSeconds } from '../../shared/model/time.js';
import type { AppServices } from '../services/app.js';
import { call, withProject } from './client.js';
import { CliError } from './commands.js';
import { isFinished, isInFlight } from '../../shared/model/entities.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** The timing warnings, one line each (stderr): which shot, how long its lines need, how long it is. */
export function timingWarnings(snap: ProjectSnapshot): string[] {
  const fps = snap.project.fps;
  return tooShortShots(snap).map((t) => {
    const n = snap.shots.findIndex((s) => s.id === t.shotId) + 1;
    return `warning: shot ${n} (${t.shotId}) is ${framesToSeconds(t.frames, fps).toFixed(2)} s but its lines need ${framesToSeconds(t.needed, fps).toFixed(2)} s; run "storyboard fit" to fit it.`;
  });
}

export async function cmdCast(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.speaker !== 'string' || !v.speaker)
    throw new CliError('cast: --speaker <name|@tag|narrator> is required');
  const spec = typeof v.voice === 'string' ? v.voice : '';
  const m = /^([a-z0-9-]+):(.+)$/.exec(spec);
  if (!m)
    throw new CliError(
      'cast: --voice <provider>:<voiceId> is required (e.g. espeak:cmn+f3, minimax-speech:female-shaonv)',
    );
  const speed = v.speed === undefined ? 1 : Number(v.speed);
  if (!(speed >= 0.5 && speed <= 2)) throw new CliError('cast: --speed must be a number from 0.5 to 2');
  return withProject(dir, async (services) => {
    const snap = await current(services);
    const who = matchSpeaker(v.speaker as string, snap.elements);
    if (who === null) throw new CliError(`cast: nobody in this project is called "${String(v.speaker)}"`, 1);
    await call(services, 'dialogue.setVoice', {
      ...(who === 'narrator' ? {} : { elementId: who.id }),
      voice: { provider: m[1] as string, voiceId: m[2] as string, speed },
    });
    process.stdout.write(`${who === 'narrator' ? 'narrator' : who.name}: ${spec}\n`);
    return 0;
  });
}

async function current(services: AppServices): Promise<ProjectSnapshot> {
  const snap = await call(services, 'project.current', {});
  if (!snap) throw new CliError('no project open', 1);
  return snap;
}

/** Waits until every given job is no longer under way. */
function settled(services: AppServices, jobIds: readonly string[]): { wait: Promise<void>; stop: () => void } {
  const open = new Set(jobIds);
  let done: () => void = () => {};
  const wait = new Promise<void>((r) => (done = r));
  const off = services.on('job.progress', (p: EventPayload<'job.progress'>) => {
    if (isFinished(p.state)) open.delete(p.jobId);
    if (p.error && p.state !== 'queued') process.stderr.write(`job ${p.jobId}: ${p.state}: ${p.error}\n`);
    if (open.size === 0) done();
  });
  if (open.size === 0) done();
  return { wait, stop: off };
}

export async function runJobs(services: AppServices, start: () => Promise<{ jobIds: string[] }>): Promise<string[]> {
  const jobs = await start();
  const { wait, stop } = settled(services, jobs.jobIds);
  try {
    // Jobs that finished before we listened are read from the store.
    const left = (await call(services, 'jobs.list', {})).filter(
      (j) => jobs.jobIds.includes(j.id) && isInFlight(j.state),
    );
    if (left.length > 0) await wait;
  } finally {
    stop();
  }
  return jobs.jobIds;
}

export async function failedOf(services: AppServices, ids: readonly string[]): Promise<number> {
  return (await call(services, 'jobs.list', {})).filter((j) => ids.includes(j.id) && j.state !== 'succeeded').length;
}

export async function cmdVoice(dir: string, v: Record<string, unknown>): Promise<number> {
  const shotIds = list(v.shot);
  const budget = v.budget === undefined ? undefined : Number(v.budget);
  if (budget !== undefined && !(budget >= 0)) throw new CliError('voice: --budget must be a number >= 0');
  return withProject(dir, async (services) => {
    if (budget !== undefined) await call(services, 'project.setBudget', { budgetCap: budget });
    const input = { ...(shotIds.length ? { shotIds } : {}), ...(v.force ? { force: true } : {}) };
    const est = await call(services, 'dialogue.estimate', input);
    process.stderr.write(
      `voice: ${est.lines} line(s), ${est.jobs} to send, about ${est.total.toFixed(2)} ${est.currency}\n`,
    );
    const ids = await runJobs(services, () => call(services, 'dialogue.voice', input));
    const snap = await current(services);
    for (const w of timingWarnings(snap)) process.stderr.write(`${w}\n`);
    const voiced = (snap.dialogueLines ?? []).filter((l) => l.voiceItemId !== null).length;
    process.stdout.write(`${voiced} of ${(snap.dialogueLines ?? []).length} line(s) voiced\n`);
    return (await failedOf(services, ids)) > 0 ? 1 : 0;
  });
}

export async function cmdFit(dir: string, v: Record<string, unknown>): Promise<number> {
  return withProject(dir, async (services) => {
    const snap = await current(services);
    const withLines = [...new Set((snap.dialogueLines ?? []).map((l) => l.shotId))];
    const shotIds = list(v.shot).length ? list(v.shot) : withLines;
    if (shotIds.length === 0) throw new CliError('fit: no shot has dialogue lines', 1);
    const after = await call(services, 'dialogue.fit', { shotIds });
    for (const id of shotIds) {
      const shot = after.shots.find((s) => s.id === id);
      if (shot) process.stdout.write(`${id} ${framesToSeconds(shot.durationFrames, after.project.fps).toFixed(2)}s\n`);
    }
    for (const w of timingWarnings(after)) process.stderr.write(`${w}\n`);
    return 0;
  });
}

export async function cmdLipSync(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.take !== 'string' || !v.take) throw new CliError('lipsync: --take <id> is required');
  return withProject(dir, async (services) => {
    const ids = await runJobs(services, () =>
      call(services, 'dialogue.lipSync', {
        takeId: v.take as string,
        ...(list(v.line).length ? { lineIds: list(v.line) } : {}),
      }),
    );
    const jobs = (await call(services, 'jobs.list', {})).filter((j) => ids.includes(j.id));
    for (const j of jobs) process.stdout.write(`${j.id} ${j.state}${j.takeId ? ` take ${j.takeId}` : ''}\n`);
    return (await failedOf(services, ids)) > 0 ? 1 : 0;
  });
}

/** `export --format srt|vtt`: a subtitle sidecar from the dialogue (format table: shared/export/subtitles.ts). */
export async function exportSidecar(dir: string, format: 'srt' | 'vtt', out: string): Promise<number> {
  return withProject(dir, async (services) => {
    const r = await call(services, 'export.subtitles', { outPath: resolve(out), format });
    process.stdout.write(`${r.outPath}\n`);
    return 0;
  });
}
