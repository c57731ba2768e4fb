/**
 * Consistency-check fixtures (test/fixtures/continuity/README.md says where the stills come
 * from): reference pictures and takes made from the stills with the SYSTEM ffmpeg at test time,
 * never through our runner, so the code under test cannot shape its own inputs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Asset } from '../../shared/model/entities.js';
import { REPO } from './cli.js';
import { videoAsset } from './mediaInfo.js';

const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
// A benchmark runs bundled from a temp folder (test/bench/run.mjs), where REPO points elsewhere:
// then the stills are found from the working directory (npm run bench runs in the repo).
const FROM_REPO = join(REPO, 'test/fixtures/continuity');
export const CONTINUITY_FIXTURES = existsSync(FROM_REPO) ? FROM_REPO : join(process.cwd(), 'test/fixtures/continuity');

export type Subject = 'collins' | 'hopper' | 'varshney' | 'coffee' | 'gift' | 'rocket';
export const PEOPLE: readonly Subject[] = ['collins', 'hopper', 'varshney'];
export const PRODUCTS: readonly Subject[] = ['coffee', 'gift', 'rocket'];

/** The subject's box in the 320-px-wide still (x, y, w, h): the reference picture's crop. */
const SUBJECT_BOX: Record<Subject, [number, number, number, number]> = {
  collins: [50, 0, 170, 170],
  hopper: [50, 10, 190, 190],
  varshney: [70, 40, 150, 150],
  coffee: [140, 0, 170, 170],
  gift: [20, 10, 280, 160],
  rocket: [110, 10, 100, 200],
};

function run(args: string[]): void {
  execFileSync(FFMPEG, ['-hide_banner', '-nostdin', '-y', '-v', 'error', ...args], { stdio: 'pipe' });
}

export function still(subject: Subject): string {
  return join(CONTINUITY_FIXTURES, `${subject}.jpg`);
}

/** A reference picture: the subject's crop, mirrored, a little warmer and less saturated. */
export function makeReference(subject: Subject, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${subject}-ref.png`);
  if (existsSync(out)) return out;
  const [x, y, w, h] = SUBJECT_BOX[subject];
  run([
    '-i',
    still(subject),
    '-vf',
    `crop=${w}:${h}:${x}:${y},hflip,eq=saturation=0.85:gamma=1.05,colorbalance=rm=0.05,scale=256:-2`,
    '-frames:v',
    '1',
    out,
  ]);
  return out;
}

export interface TakeSpec {
  seconds?: number;
  /** Hue turned this many degrees (a product that came out another colour). */
  hueDeg?: number;
  fps?: number;
}

/**
 * A take: 640x360 H.264 of the whole still, padded on a grey ground, pushing in slowly from 100%
 * to 115% over the clip, with light grain (what a video model returns, roughly).
 */
export function makeTake(subject: Subject, dir: string, spec: TakeSpec = {}): string {
  mkdirSync(dir, { recursive: true });
  const seconds = spec.seconds ?? 4;
  const fps = spec.fps ?? 24;
  const hue = spec.hueDeg ?? 0;
  const out = join(dir, `${subject}-take-${seconds}s${hue ? `-hue${hue}` : ''}.mp4`);
  if (existsSync(out)) return out;
  const frames = Math.round(seconds * fps);
  run([
    '-loop',
    '1',
    '-framerate',
    String(fps),
    '-i',
    still(subject),
    '-vf',
    [
      'scale=640:360:force_original_aspect_ratio=decrease',
      'pad=640:360:(ow-iw)/2:(oh-ih)/2:color=0x606060',
      `zoompan=z='1+0.15*on/${frames}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=640x360:fps=${fps}`,
      ...(hue ? [`hue=h=${hue}`] : []),
      'noise=alls=6:allf=t',
      'format=yuv420p',
    ].join(','),
    '-frames:v',
    String(frames),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    out,
  ]);
  return out;
}

/** A document's asset for a file made here (a reference picture or a take) of w x h, lasting `durationSec`. */
export function fixtureAsset(
  id: string,
  path: string,
  kind: 'image' | 'video',
  w: number,
  h: number,
  durationSec: number,
): Asset {
  return videoAsset(
    id,
    { kind, width: w, height: h, displayWidth: w, displayHeight: h, durationSec },
    { path, originalName: path },
  );
}

/**
 * A project made through the CLI (`run` runs `storyboard <args>` and answers its stdout): a
 * character "Eileen" with Collins's reference picture, a shot of her own take ("Eileen") and a
 * shot of another person's take ("Someone else"), both with her attached.
 */
export async function castProject(
  project: string,
  media: string,
  run: (args: string[]) => string | Promise<string>,
): Promise<{ elementId: string; same: string; other: string }> {
  await run(['new', project, '--name', 'Continuity', '--resolution', '720p']);
  const added = await run([
    'element',
    'add',
    project,
    '--name',
    'Eileen',
    '--kind',
    'character',
    '--image',
    makeReference('collins', media),
  ]);
  const elementId = added.trim().split(' ')[0]!;
  const shot = async (subject: Subject, title: string): Promise<string> =>
    (
      await run(['add-shot', project, '--video', makeTake(subject, media), '--element', elementId, '--title', title])
    ).trim();
  return { elementId, same: await shot('collins', 'Eileen'), other: await shot('hopper', 'Someone else') };
}
