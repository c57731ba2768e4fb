/**
 * Where every shot's lines sit on the timeline and whether they fit the shot (the timing
 * warning the inspector, the dialogue track and the CLI show, and what "fit" sets). Pure.
 */
import { neededFrames, placeLines, type DialogueLine, type PlacedLine } from './dialogue.js';
import type { ProjectSnapshot } from './entities.js';
import { floorFrames } from './time.js';
import { cutList } from './timeline.js';

/** Frames a line's voice-over item plays (undefined: not voiced or its item is gone). */
export function voicedFramesOf(
  doc: Pick<ProjectSnapshot, 'audioItems' | 'assets' | 'project'>,
): (line: DialogueLine) => number | undefined {
  const items = new Map(doc.audioItems.map((i) => [i.id, i]));
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  return (line) => {
    const item = line.voiceItemId ? items.get(line.voiceItemId) : undefined;
    const asset = item ? assets.get(item.assetId) : undefined;
    if (!item || !asset) return undefined;
    const end = item.outFrame ?? Math.max(1, floorFrames(asset.info.durationSec, doc.project.fps));
    return Math.max(1, end - item.inFrame);
  };
}

export interface ShotDialogue {
  shotId: string;
  /** Where the shot starts on the timeline and how long it is there. */
  startFrame: number;
  frames: number;
  placed: PlacedLine[];
  /** Frames its lines need (end of the last + padding); 0 without lines. */
  needed: number;
}

/** Every shot with lines: where they sit and whether they fit (the timing warning). */
export function dialogueTimeline(doc: ProjectSnapshot): ShotDialogue[] {
  const lines = doc.dialogueLines ?? [];
  const voiced = voicedFramesOf(doc);
  const out: ShotDialogue[] = [];
  for (const c of cutList(doc)) {
    const own = lines.filter((l) => l.shotId === c.shot.id);
    if (own.length === 0) continue;
    const placed = placeLines(own, doc.project.fps, voiced);
    out.push({
      shotId: c.shot.id,
      startFrame: c.startFrame,
      frames: c.frames,
      placed,
      needed: neededFrames(placed, doc.project.fps),
    });
  }
  return out;
}

/** Shots whose lines run past their end: the timing warning, with the numbers. */
export function tooShortShots(doc: ProjectSnapshot): ShotDialogue[] {
  return dialogueTimeline(doc).filter((t) => t.needed > t.frames);
}
