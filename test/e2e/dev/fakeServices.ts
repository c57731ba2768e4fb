/**
 * An in-memory stand-in for the services, for developing and screenshotting the UI without
 * SQLite or ffmpeg. Not used by the e2e tests (they run the real CLI); it only has to behave
 * plausibly: snapshots, undo, fake generation and export with progress events.
 */
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { contract, type Handlers, type MethodName } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import type { Asset, Job, ProjectSnapshot, Shot, Take } from '../../../shared/model/entities.js';
import { newJob, newProject, newShot, newTake } from '../../../shared/model/factories.js';
import { outputSize } from '../../../shared/model/format.js';
import { parseFps, secondsToFrames } from '../../../shared/model/time.js';
import { EventHub } from '../../../electron/services/events.js';
import type { HostServices } from '../../../electron/host/server.js';
import { projectSnapshot } from '../../helpers/projectSnapshot.js';
import { realMedia } from '../../helpers/realMedia.js';

const GENERATED_CLIP = realMedia('ai-clip-kitten-720x480-8fps.mp4');
const now = () => new Date().toISOString();

export function createFakeServices(suggestedDir: string): HostServices {
  const hub = new EventHub();
  let doc: ProjectSnapshot | null = null;
  const undo: string[] = [];
  const redo: string[] = [];
  const exports = new Map<string, NodeJS.Timeout>();

  const current = (): ProjectSnapshot => {
    if (!doc) throw new AppError('NO_PROJECT', 'No project is open: create or open a project first.');
    return doc;
  };
  const changed = (): ProjectSnapshot => {
    const d = current();
    d.history = { canUndo: undo.length > 0, canRedo: redo.length > 0, revision: d.history.revision + 1 };
    d.shots.forEach((s, i) => (s.position = i));
    const copy = structuredClone(d);
    hub.emit('project.changed', copy);
    return copy;
  };
  const edit = (fn: (d: ProjectSnapshot) => void): ProjectSnapshot => {
    const d = current();
    undo.push(JSON.stringify({ ...d, history: undefined }));
    redo.length = 0;
    fn(d);
    return changed();
  };
  const restore = (from: string[], to: string[]): ProjectSnapshot => {
    const d = current();
    const prev = from.pop();
    if (!prev) return changed();
    to.push(JSON.stringify({ ...d, history: undefined }));
    doc = { ...(JSON.parse(prev) as ProjectSnapshot), history: d.history };
    return changed();
  };
  const importAsset = (d: ProjectSnapshot, path: string, kind: 'image' | 'video', origin: Asset['origin']): Asset => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) throw new AppError('MEDIA_MISSING', `"${basename(path)}" was not found.`);
    if (info.size < (kind === 'video' ? 10_000 : 100))
      throw new AppError('MEDIA_CORRUPT', `"${basename(path)}" is not a readable ${kind} (ffprobe found no streams).`);
    const id = randomUUID().replace(/-/g, '');
    const rel = `media/${id}${extname(path).toLowerCase()}`;
    mkdirSync(join(d.dir, 'media'), { recursive: true });
    copyFileSync(path, join(d.dir, rel));
    const asset: Asset = {
      id,
      path: rel,
      originalName: basename(path),
      bytes: info.size,
      origin,
      createdAt: now(),
      info: {
        kind,
        container: kind === 'video' ? 'mov,mp4' : 'png_pipe',
        width: 720,
        height: 480,
        displayWidth: 720,
        displayHeight: 480,
        durationSec: kind === 'video' ? 3 : 0,
        fps: kind === 'video' ? { num: 8, den: 1 } : null,
        vfr: false,
        rotation: 0,
        sar: { num: 1, den: 1 },
        videoCodec: kind === 'video' ? 'h264' : 'png',
        pixelFormat: 'yuv420p',
        hasAudio: false,
        audioCodec: null,
        audioChannels: 0,
        audioSampleRate: 0,
      },
    };
    d.assets.push(asset);
    return asset;
  };
  const addTake = (d: ProjectSnapshot, shot: Shot, asset: Asset, provider: string, jobId: string | null): Take => {
    const take: Take = newTake({
      id: randomUUID(),
      shotId: shot.id,
      assetId: asset.id,
      jobId,
      provider,
      createdAt: now(),
    });
    d.takes.push(take);
    shot.selectedTakeId = take.id;
    return take;
  };

  function runJob(shot: Shot): Job {
    const d = current();
    const job = newJob({
      id: randomUUID(),
      shotId: shot.id,
      provider: 'animatic',
      request: {},
      costEstimate: 0,
      createdAt: now(),
    });
    d.jobs.push(job);
    let progress = 0;
    const tick = setInterval(() => {
      progress = Math.min(1, progress + 0.25);
      job.state = progress < 1 ? 'running' : 'succeeded';
      job.progress = progress;
      if (progress >= 1) {
        clearInterval(tick);
        if (shot.prompt.includes('fail')) {
          job.state = 'failed';
          job.error = 'The animatic provider could not render this shot.';
        } else {
          const asset = importAsset(d, GENERATED_CLIP, 'video', 'generated');
          job.takeId = addTake(d, shot, asset, 'animatic', job.id).id;
        }
      }
      hub.emit('job.progress', { jobId: job.id, shotId: shot.id, state: job.state, progress, error: job.error });
      if (progress >= 1) changed();
    }, 300);
    return job;
  }

  const impl: Partial<Handlers> = {
    'app.info': async () => ({
      version: '0.0.0-dev',
      host: 'browser',
      ffmpeg: null,
      suggestedDir,
      providers: [{ id: 'animatic', label: 'Animatic', offline: true }],
    }),
    'project.create': async ({ dir, name, aspect, resolution, fps }) => {
      const size = outputSize(aspect, resolution);
      mkdirSync(dir, { recursive: true });
      doc = projectSnapshot({
        dir: resolve(dir),
        history: { canUndo: false, canRedo: false, revision: 0 },
        project: newProject({ id: randomUUID(), name, aspect, ...size, fps: parseFps(fps), createdAt: now() }),
      });
      undo.length = 0;
      redo.length = 0;
      return changed();
    },
    'project.open': async ({ dir }) => {
      throw new AppError('NOT_FOUND', `No Storyboard project in ${dir} (project.db is missing).`);
    },
    'project.current': async () => (doc ? structuredClone(doc) : null),
    'project.close': async () => {
      doc = null;
      return { ok: true as const };
    },
    'shots.add': async (input) => {
      let shotId = '';
      const snapshot = edit((d) => {
        const fps = d.project.fps;
        const shot: Shot = newShot({
          id: randomUUID(),
          position: d.shots.length,
          title: input.title ?? '',
          prompt: input.prompt ?? '',
          camera: input.camera ?? 'static',
          durationFrames: secondsToFrames(input.durationSec ?? (input.videoPath ? 3 : 4), fps),
        });
        if (input.firstFramePath) shot.firstFrameAssetId = importAsset(d, input.firstFramePath, 'image', 'imported').id;
        if (input.videoPath) addTake(d, shot, importAsset(d, input.videoPath, 'video', 'imported'), 'import', null);
        d.shots.splice(input.index ?? d.shots.length, 0, shot);
        shotId = shot.id;
      });
      return { shotId, snapshot };
    },
    'shots.update': async ({ shotId, patch }) => edit((d) => Object.assign(findShot(d, shotId), patch)),
    'shots.remove': async ({ shotId }) =>
      edit((d) => (d.shots = d.shots.filter((s) => s.id !== findShot(d, shotId).id))),
    'shots.move': async ({ shotId, toIndex }) =>
      edit((d) => {
        const shot = findShot(d, shotId);
        d.shots = d.shots.filter((s) => s !== shot);
        d.shots.splice(Math.min(toIndex, d.shots.length), 0, shot);
      }),
    'shots.selectTake': async ({ shotId, takeId }) => edit((d) => (findShot(d, shotId).selectedTakeId = takeId)),
    'shots.setTrim': async ({ shotId, inFrames, outFrames }) =>
      edit((d) => Object.assign(findShot(d, shotId), { trimInFrames: inFrames, trimOutFrames: outFrames })),
    'history.undo': async () => restore(undo, redo),
    'history.redo': async () => restore(redo, undo),
    'media.import': async ({ path }) => importAsset(current(), path, 'video', 'imported'),
    'generate.start': async ({ shotIds }) => {
      const d = current();
      const shots = d.shots.filter((s) => (shotIds ? shotIds.includes(s.id) : s.selectedTakeId === null));
      return { jobIds: shots.map((s) => runJob(s).id) };
    },
    'jobs.list': async () => current().jobs,
    'export.start': async ({ outPath }) => {
      current();
      const exportId = randomUUID();
      let progress = 0;
      const timer = setInterval(() => {
        progress = Math.min(1, progress + 0.05);
        const done = progress >= 1;
        hub.emit('export.progress', {
          exportId,
          state: done ? 'succeeded' : 'running',
          progress,
          outPath,
          error: null,
        });
        if (done) {
          clearInterval(timer);
          exports.delete(exportId);
        }
      }, 200);
      exports.set(exportId, timer);
      return { exportId };
    },
    'export.cancel': async ({ exportId }) => {
      const timer = exports.get(exportId);
      if (!timer) throw new AppError('NOT_FOUND', `No export ${exportId} is running.`);
      clearInterval(timer);
      exports.delete(exportId);
      setTimeout(
        () => hub.emit('export.progress', { exportId, state: 'canceled', progress: 0, outPath: '', error: null }),
        50,
      );
      return { ok: true as const };
    },
  };

  // Methods this dev fake does not imitate answer with a clear error instead of hanging.
  const unsupported = (name: string) => async () => {
    throw new AppError('INTERNAL', `${name} is not implemented by the dev fake services.`);
  };
  const handlers = Object.fromEntries(
    (Object.keys(contract) as MethodName[]).map((m) => [m, impl[m] ?? unsupported(m)]),
  ) as unknown as Handlers;

  return {
    handlers,
    on: (event, listener) => hub.on(event, listener),
    mediaRoots: () => (doc ? [doc.dir] : []),
    stageUpload: (name) => {
      const dir = join(tmpdir(), 'storyboard-fake-uploads', randomUUID());
      mkdirSync(dir, { recursive: true });
      return { path: join(dir, basename(name)) };
    },
  };
}

function findShot(d: ProjectSnapshot, shotId: string): Shot {
  const shot = d.shots.find((s) => s.id === shotId);
  if (!shot) throw new AppError('NOT_FOUND', `No shot ${shotId} in this project.`);
  return shot;
}
