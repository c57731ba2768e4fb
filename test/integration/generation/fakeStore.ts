/**
 * An in-memory GenerationStore with the real store's contract: rows are validated with the
 * domain schemas, unknown ids throw NOT_FOUND, and every job update is recorded so tests can
 * check the exact state sequence.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { Asset, Job, JobState, Project, Shot, Take } from '../../../shared/model/entities.js';
import { newProject, newShot } from '../../../shared/model/factories.js';
import { AssetSchema, JobSchema, ShotSchema, TakeSchema } from '../../../shared/model/entities.js';
import type { GenerationStore } from '../../../electron/services/generation/ports.js';
import { ffprobeJson } from '../../helpers/ffprobe.js';

/** The states a job goes through from its submit to its take when nothing goes wrong (`history` after 'queued'). */
export const SUBMIT_TO_SUCCESS: JobState[] = ['submitting', 'submitted', 'running', 'downloading', 'succeeded'];

export class FakeStore implements GenerationStore {
  shots: Shot[] = [];
  takes: Take[] = [];
  jobs = new Map<string, Job>();
  assets = new Map<string, Asset>();
  provenance: {
    actor: string;
    action: string;
    subjectType: string;
    subjectId: string;
    details: Record<string, unknown>;
  }[] = [];
  /** Every state each job went through, in order. */
  history = new Map<string, JobState[]>();

  constructor(
    readonly dir: string,
    private readonly proj: Project,
  ) {
    mkdirSync(join(dir, 'media'), { recursive: true });
  }

  project(): Project {
    return this.proj;
  }
  snapshot() {
    return { shots: [...this.shots], takes: [...this.takes] };
  }
  getShot(id: string): Shot {
    const s = this.shots.find((x) => x.id === id);
    if (!s) throw new AppError('NOT_FOUND', `Shot "${id}" not found in this project.`);
    return s;
  }
  getAsset(id: string): Asset {
    const a = this.assets.get(id);
    if (!a) throw new AppError('NOT_FOUND', `Asset "${id}" not found.`);
    return a;
  }
  absPath(rel: string): string {
    return join(this.dir, ...rel.split('/'));
  }
  createJob(job: Job): Job {
    const j = JobSchema.parse(job);
    this.jobs.set(j.id, j);
    this.history.set(j.id, [j.state]);
    return j;
  }
  updateJob(id: string, patch: Partial<Job>): Job {
    const cur = this.getJob(id);
    const next = JobSchema.parse({ ...cur, ...patch, updatedAt: new Date().toISOString() });
    this.jobs.set(id, next);
    const h = this.history.get(id) ?? [];
    if (h.at(-1) !== next.state) h.push(next.state);
    this.history.set(id, h);
    return next;
  }
  getJob(id: string): Job {
    const j = this.jobs.get(id);
    if (!j) throw new AppError('NOT_FOUND', `Job "${id}" not found.`);
    return j;
  }
  listJobs(filter: { states?: readonly JobState[]; shotId?: string } = {}): Job[] {
    return [...this.jobs.values()].filter(
      (j) => (!filter.states || filter.states.includes(j.state)) && (!filter.shotId || j.shotId === filter.shotId),
    );
  }
  addTake(take: Take, opts: { selectIfNone: boolean }): Take {
    const t = TakeSchema.parse(take);
    this.getAsset(t.assetId);
    const shot = this.getShot(t.shotId);
    this.takes.push(t);
    if (opts.selectIfNone && shot.selectedTakeId === null)
      this.shots = this.shots.map((s) => (s.id === shot.id ? { ...s, selectedTakeId: t.id } : s));
    return t;
  }
  addProvenance(entry: FakeStore['provenance'][number]): void {
    this.provenance.push(entry);
  }

  /** Puts a file into media/ and registers it, like the media store's import. */
  importFile = async (src: string, origin: Asset['origin'] = 'generated'): Promise<Asset> => {
    const bytes = readFileSync(src);
    const id = createHash('sha256').update(bytes).digest('hex');
    const rel = `media/${id}${src.endsWith('.png') ? '.png' : '.mp4'}`;
    copyFileSync(src, this.absPath(rel));
    const probe = ffprobeJson(this.absPath(rel));
    const v = probe.streams.find((s) => s.codec_type === 'video');
    if (!v) throw new AppError('MEDIA_UNSUPPORTED', `"${src}" has no video stream.`);
    const [num, den] = (v.r_frame_rate ?? '0/1').split('/').map(Number);
    const asset = AssetSchema.parse({
      id,
      path: rel,
      originalName: src.split('/').at(-1),
      bytes: statSync(src).size,
      origin,
      createdAt: new Date().toISOString(),
      info: {
        kind: v.codec_name === 'png' ? 'image' : 'video',
        container: probe.format.format_name,
        width: v.width,
        height: v.height,
        displayWidth: v.width,
        displayHeight: v.height,
        durationSec: Number(probe.format.duration ?? 0),
        fps: num && den ? { num, den } : null,
        vfr: false,
        rotation: 0,
        sar: { num: 1, den: 1 },
        videoCodec: v.codec_name,
        pixelFormat: v.pix_fmt ?? null,
        hasAudio: false,
        audioCodec: null,
        audioChannels: 0,
        audioSampleRate: 0,
      },
    });
    this.assets.set(id, asset);
    return asset;
  };

  addShot(over: Partial<Shot> & { id: string }): Shot {
    const shot = ShotSchema.parse(newShot({ position: this.shots.length, durationFrames: 12, ...over }));
    this.shots.push(shot);
    return shot;
  }
}

export function project(over: Partial<Project> = {}): Project {
  return newProject({
    id: 'p1',
    name: 'Test',
    aspect: '16:9',
    width: 320,
    height: 180,
    fps: { num: 24, den: 1 },
    createdAt: new Date().toISOString(),
    ...over,
  });
}
