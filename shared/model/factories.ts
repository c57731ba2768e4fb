/**
 * The one place that knows the default of every field of a new Project, Shot, Take, Element and
 * audio item. The services build new rows through these and every test fixture does too, so a new
 * field is added here once (with its default) instead of in each hand-built object.
 *
 * Pure: the caller gives the id (and the take's createdAt), so these run the same in shared/,
 * the services and the renderer's tests.
 */
import type { AudioItem, Element, Job, Project, Shot, Take } from './entities.js';

/** What a new project must be told; everything else has the default below. */
export type ProjectInit = Pick<Project, 'id' | 'name' | 'aspect' | 'width' | 'height' | 'fps' | 'createdAt'> &
  Partial<Project>;

/** A project with no style, the offline animatic as its provider, English, no budget cap. */
export function newProject(init: ProjectInit): Project {
  // Keys in the schema's order (as the rows and hand-written fixtures had them); `rest` overrides in place.
  const { id, name, aspect, width, height, fps, createdAt, ...rest } = init;
  return {
    id,
    name,
    aspect,
    width,
    height,
    fps,
    stylePrompt: '',
    styleRefAssetIds: [],
    defaultProvider: 'animatic',
    defaultModel: null,
    language: 'en',
    budgetCap: null,
    createdAt,
    ...rest,
  };
}

/** What a new shot must be told; everything else has the default below. */
export type ShotInit = Pick<Shot, 'id'> & Partial<Shot>;

/** A shot with nothing chosen yet: untitled, no prompt, static camera, a cut in, 2 s at 24 fps. */
export function newShot(init: ShotInit): Shot {
  return {
    sceneId: null,
    position: 0,
    title: '',
    prompt: '',
    negativePrompt: '',
    firstFrameAssetId: null,
    lastFrameAssetId: null,
    camera: 'static',
    shotSize: null,
    durationFrames: 48,
    provider: null,
    model: null,
    elementIds: [],
    dialogue: '',
    seed: null,
    selectedTakeId: null,
    trimInFrames: 0,
    trimOutFrames: null,
    transitionIn: { kind: 'cut', frames: 0 },
    notes: '',
    ...init,
  };
}

export type TakeInit = Pick<Take, 'id' | 'shotId' | 'assetId'> & Partial<Take>;

/** A take not made by a paid job unless told: no job, no cost, no rating. */
export function newTake(init: TakeInit): Take {
  return {
    jobId: null,
    provider: 'import',
    model: null,
    request: {},
    seed: null,
    cost: null,
    rating: null,
    createdAt: '',
    ...init,
  };
}

export type JobInit = Pick<Job, 'id' | 'shotId' | 'provider' | 'request' | 'costEstimate' | 'createdAt'> & Partial<Job>;

/** A job row before anything is sent: queued, no task, no cost yet, updated when created. */
export function newJob(init: JobInit): Job {
  return {
    model: null,
    state: 'queued',
    taskId: null,
    progress: 0,
    error: null,
    costActual: null,
    resultAssetId: null,
    takeId: null,
    updatedAt: init.createdAt,
    ...init,
  };
}

export type ElementInit = Pick<Element, 'id' | 'kind' | 'name' | 'tag'> & Partial<Element>;

export function newElement(init: ElementInit): Element {
  return { description: '', refAssetIds: [], voice: null, ...init };
}

export type AudioItemInit = Pick<AudioItem, 'id' | 'lane' | 'assetId'> & Partial<AudioItem>;

/** The whole media at frame 0: 0 dB, no fades, no ducking. */
export function newAudioItem(init: AudioItemInit): AudioItem {
  return {
    startFrame: 0,
    inFrame: 0,
    outFrame: null,
    gainDb: 0,
    fadeInFrames: 0,
    fadeOutFrames: 0,
    duck: false,
    ...init,
  };
}
