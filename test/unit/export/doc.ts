/**
 * Builds ProjectSnapshot documents for export tests: valid per ProjectSnapshotSchema (checked
 * here, so a schema change breaks the fixtures loudly), one shot per clip spec.
 */
import type { AudioItem, MediaInfo, ProjectSnapshot, Shot } from '../../../shared/model/entities.js';
import { newAudioItem, newProject, newShot, newTake } from '../../../shared/model/factories.js';
import { ProjectSnapshotSchema } from '../../../shared/model/entities.js';
import type { Aspect } from '../../../shared/model/format.js';
import type { Fps } from '../../../shared/model/time.js';
import type { Quality } from '../../../shared/model/format.js';
import { buildExportPlan, type ExportPlan } from '../../../shared/export/plan.js';
import { audioAsset, mediaInfo } from '../../helpers/mediaInfo.js';
import { projectSnapshot } from '../../helpers/projectSnapshot.js';

export { mediaInfo };

export interface ClipSpec {
  /** Relative media path; default media/clip<i>.mp4. */
  path?: string;
  info?: Partial<MediaInfo>;
  title?: string;
  prompt?: string;
  trimIn?: number;
  trimOut?: number | null;
  /** 'none': no selected take; 'dangling': selects a take id that doesn't exist; 'no-asset': take without asset. */
  broken?: 'none' | 'dangling' | 'no-asset';
  /** The shot's framing per aspect (shared/model/framing.ts). */
  framing?: Shot['framing'];
}

export interface DocOptions {
  width?: number;
  height?: number;
  fps?: Fps;
  dir?: string;
  aspect?: Aspect;
}

const AT = '2025-01-01T00:00:00.000Z';

export function makeDoc(clips: ClipSpec[], opts: DocOptions = {}): ProjectSnapshot {
  const shots: Shot[] = [];
  const takes: ProjectSnapshot['takes'] = [];
  const assets: ProjectSnapshot['assets'] = [];
  clips.forEach((c, i) => {
    const shotId = `shot-${i}`;
    const takeId = `take-${i}`;
    const assetId = `${String(i).padStart(2, '0')}${'ab'.repeat(31)}`;
    const selected = c.broken === 'none' ? null : c.broken === 'dangling' ? 'take-gone' : takeId;
    shots.push(
      newShot({
        id: shotId,
        position: i,
        title: c.title ?? '',
        prompt: c.prompt ?? `prompt ${i + 1}`,
        durationFrames: 96,
        selectedTakeId: selected,
        trimInFrames: c.trimIn ?? 0,
        trimOutFrames: c.trimOut ?? null,
        ...(c.framing ? { framing: c.framing } : {}),
      }),
    );
    if (c.broken === 'none') return;
    takes.push(
      newTake({
        id: takeId,
        shotId,
        assetId,
        createdAt: AT,
      }),
    );
    if (c.broken === 'no-asset') return;
    assets.push({
      id: assetId,
      path: c.path ?? `media/clip${i}.mp4`,
      originalName: `clip${i}.mp4`,
      bytes: 1000,
      origin: 'imported',
      info: mediaInfo(c.info),
      createdAt: AT,
    });
  });
  const width = opts.width ?? 1280;
  const height = opts.height ?? 720;
  const doc = projectSnapshot({
    dir: opts.dir ?? '/projects/demo',
    project: newProject({
      id: 'p1',
      name: 'Demo',
      aspect: opts.aspect ?? (width >= height ? '16:9' : '9:16'),
      width,
      height,
      fps: opts.fps ?? { num: 24, den: 1 },
      createdAt: AT,
    }),
    shots,
    takes,
    assets,
    history: { canUndo: false, canRedo: false, revision: 0 },
  });
  // Odd sizes are invalid on purpose in some tests; the schema only asks for positive ints.
  return ProjectSnapshotSchema.parse(doc);
}

/** Where the argument tests export to: a cut in /videos written through its temp file. */
export const EXPORT_OUT = '/videos/cut.mp4';
export const EXPORT_TEMP = '/videos/.cut.mp4.id.sbtmp';

/** The export plan of `makeDoc(clips, opts)` into EXPORT_OUT (draft unless told). */
export function planOf(
  clips: ClipSpec[],
  opts: DocOptions = {},
  quality: Quality = 'draft',
  outPath = EXPORT_OUT,
): ExportPlan {
  return buildExportPlan(makeDoc(clips, opts), { outPath, tempPath: EXPORT_TEMP, quality });
}

/** The sound assets of `audioDoc`: a music bed and a voice-over, ids in the store's hash form. */
export const MUSIC = `cc${'d'.repeat(62)}`;
export const VOICE = `ee${'f'.repeat(62)}`;

/**
 * Two 48-frame clips at 24 fps (4 s, 192000 samples), a 2 s voice-over and a music bed (mono
 * 44.1 kHz WAVs; 10 s unless `musicSec`, left out with `dropMusic`), and the given audio items
 * (item-<i> on the music lane, playing the bed, unless told).
 */
export function audioDoc(
  items: Partial<AudioItem>[],
  opts: { musicSec?: number; dropMusic?: boolean } = {},
): ProjectSnapshot {
  const doc = makeDoc([{ trimOut: 48 }, { trimOut: 48 }], { fps: { num: 24, den: 1 } });
  const audio = (id: string, name: string, sec: number) =>
    audioAsset(
      id,
      { audioChannels: 1, audioSampleRate: 44100, durationSec: sec },
      { path: `media/${id.slice(0, 2)}/${id}.wav`, originalName: name, createdAt: AT },
    );
  const assets = [...doc.assets, audio(VOICE, 'voice.wav', 2)];
  if (!opts.dropMusic) assets.push(audio(MUSIC, 'bed.wav', opts.musicSec ?? 10));
  const audioItems = items.map((it, i): AudioItem =>
    newAudioItem({ id: `item-${i}`, lane: 'music', assetId: MUSIC, ...it }),
  );
  return { ...doc, assets, audioItems };
}
