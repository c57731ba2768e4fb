/** The CLI commands. Each opens the project through the contract, does one thing, closes. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventPayload } from '../../shared/api/contract.js';
import { ASPECTS, QUALITIES, RESOLUTIONS, type Aspect, type Resolution } from '../../shared/model/format.js';
import { CAMERA_MOVES, type CameraMove } from '../../shared/model/entities.js';
import { createAppServices } from '../services/app.js';
import { CliError } from './commands.js';
import { call, withProject } from './client.js';
import { cmdDeliver, wantsDeliverables } from './deliver.js';
import { exportSidecar } from './dialogue.js';
import { attachElements, elementIdsFor } from './elements.js';
import { HANDOFF_EXPORT_FORMATS } from './handoff.js';
import { projectInfo } from './info.js';
import { Progress } from './progress.js';

function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new CliError(`--${flag} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
  return value as T;
}

/** `export --format` values besides mp4: each writes its own file (a row per format). */
const EXPORT_FORMATS: Record<string, (dir: string, out: string) => Promise<number>> = {
  srt: (dir, out) => exportSidecar(dir, 'srt', out),
  vtt: (dir, out) => exportSidecar(dir, 'vtt', out),
  ...HANDOFF_EXPORT_FORMATS,
};

function positive(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new CliError(`--${flag} must be a positive number of seconds (got "${String(value)}")`);
  return n;
}

export async function cmdNew(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.name !== 'string' || !v.name.trim()) throw new CliError('new: --name <text> is required');
  const aspect = oneOf<Aspect>('aspect', v.aspect, ASPECTS) ?? '16:9';
  const resolution = oneOf<Resolution>('resolution', v.resolution, RESOLUTIONS) ?? '1080p';
  const services = createAppServices({ host: 'cli' });
  try {
    const snap = await call(services, 'project.create', {
      dir: resolve(dir),
      name: v.name,
      aspect,
      resolution,
      fps: typeof v.fps === 'string' ? v.fps : '24',
    });
    const p = snap.project;
    process.stdout.write(`${snap.dir}\n`);
    process.stderr.write(`Created "${p.name}": ${p.width}x${p.height}, ${p.fps.num / p.fps.den} fps\n`);
    return 0;
  } finally {
    await services.close();
  }
}

export async function cmdAddShot(dir: string, v: Record<string, unknown>): Promise<number> {
  const camera = oneOf<CameraMove>('camera', v.camera, CAMERA_MOVES);
  const durationSec = positive('duration', v.duration);
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const firstFrame = str('first-frame');
  const video = str('video');
  if (firstFrame && video) throw new CliError('add-shot: use --first-frame or --video, not both');
  const extend = str('extend');
  const elementValues = Array.isArray(v.element) ? (v.element as string[]) : [];
  if (extend !== undefined) {
    const other = ['first-frame', 'video', 'duration', 'camera', 'title'].find((k) => v[k] !== undefined);
    if (other)
      throw new CliError(
        `add-shot: --extend takes only --prompt (the new shot continues the take's clip), not --${other}`,
      );
    return withProject(dir, async (services) => {
      const elementIds = await elementIdsFor(services, elementValues);
      const { shotId } = await call(services, 'shots.extendTake', {
        takeId: extend,
        ...(str('prompt') !== undefined ? { prompt: str('prompt') } : {}),
      });
      await attachElements(services, shotId, elementIds);
      process.stdout.write(`${shotId}\n`);
      return 0;
    });
  }
  const dialogue = Array.isArray(v.dialogue) ? (v.dialogue as string[]) : [];
  return withProject(dir, async (services) => {
    const elementIds = await elementIdsFor(services, elementValues);
    const { shotId } = await call(services, 'shots.add', {
      ...(dialogue.length ? { dialogue } : {}),
      ...(str('prompt') !== undefined ? { prompt: str('prompt') } : {}),
      ...(str('title') !== undefined ? { title: str('title') } : {}),
      ...(firstFrame ? { firstFramePath: resolve(firstFrame) } : {}),
      ...(video ? { videoPath: resolve(video) } : {}),
      ...(durationSec !== undefined ? { durationSec } : {}),
      ...(camera ? { camera } : {}),
    });
    await attachElements(services, shotId, elementIds);
    process.stdout.write(`${shotId}\n`);
    return 0;
  });
}

export async function cmdExport(dir: string, v: Record<string, unknown>): Promise<number> {
  if (wantsDeliverables(v)) return cmdDeliver(dir, v);
  if (typeof v.out !== 'string' || !v.out) throw new CliError('export: --out <file> is required');
  // --format picks what is written: the cut (mp4, the default) or a sidecar (EXPORT_FORMATS).
  const format = oneOf('format', v.format, ['mp4', ...Object.keys(EXPORT_FORMATS)]) ?? 'mp4';
  const sidecar = EXPORT_FORMATS[format];
  if (sidecar) return sidecar(dir, v.out);
  const quality = oneOf('quality', v.quality, QUALITIES) ?? 'standard';
  const subtitles = oneOf('subtitles', v.subtitles, ['none', 'burn'] as const) ?? 'none';
  const outPath = resolve(v.out);
  return withProject(dir, async (services) => {
    const progress = new Progress('export');
    let finish: (p: EventPayload<'export.progress'>) => void = () => {};
    const finished = new Promise<EventPayload<'export.progress'>>((r) => (finish = r));
    const off = services.on('export.progress', (p) => {
      progress.fraction(p.progress);
      if (p.state !== 'running') finish(p);
    });
    let exportId: string | null = null;
    // Ctrl+C cancels the export cleanly (ffmpeg killed, temp removed) instead of leaving debris.
    const onSignal = (): void => {
      if (exportId) void call(services, 'export.cancel', { exportId }).catch(() => {});
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      ({ exportId } = await call(services, 'export.start', { outPath, quality, subtitles }));
      const result = await finished;
      progress.end();
      if (result.state === 'succeeded') {
        process.stdout.write(`${result.outPath}\n`);
        return 0;
      }
      throw new CliError(
        result.state === 'canceled' ? 'export canceled' : `export failed: ${result.error ?? 'unknown error'}`,
        1,
      );
    } finally {
      off();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}

export async function cmdInfo(dir: string, v: Record<string, unknown>): Promise<number> {
  return withProject(dir, async (services) => {
    const snap = await call(services, 'project.current', {});
    if (!snap) throw new CliError('info: no project', 1);
    const info = projectInfo(snap);
    process.stdout.write(v.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
    return 0;
  });
}

function formatInfo(info: ReturnType<typeof projectInfo>): string {
  const p = info.project;
  const lines = [`${p.name}  ${p.width}x${p.height}  ${p.fps} fps  ${info.durationSec.toFixed(3)} s`];
  for (const s of info.shots) {
    lines.push(
      `${String(s.index).padStart(3)}. ${s.id}  ${s.durationSec.toFixed(3)} s  ${s.selectedTake ? s.selectedTake.provider : 'no take'}  ${s.prompt.slice(0, 60)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function cmdServe(dir: string, v: Record<string, unknown>): Promise<number> {
  const port = v.port === undefined ? 0 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be 0-65535 (got "${String(v.port)}")`);
  const root = resolve(dir);
  const isProject = existsSync(join(root, 'project.db'));
  const services = createAppServices({ host: 'browser', suggestedDir: root });
  if (isProject) await call(services, 'project.open', { dir: root });
  const { startHost } = await import('../host/server.js');
  const rendererDir = process.env.STORYBOARD_RENDERER_DIR ?? fileURLToPath(new URL('../renderer/', import.meta.url));
  const host = await startHost({ services, rendererDir, port });
  process.stdout.write(`${host.url}\n`);
  process.stderr.write(`Serving ${isProject ? `project ${root}` : `new projects in ${root}`}. Press Ctrl+C to stop.\n`);
  await new Promise<void>((r) => {
    process.once('SIGINT', r);
    process.once('SIGTERM', r);
  });
  await host.close();
  await services.close();
  return 0;
}
