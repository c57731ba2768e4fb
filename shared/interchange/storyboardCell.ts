/**
 * The text of one cell of the printable storyboard (electron/services/handoff/storyboardPdf.ts):
 * number, length, camera and title, the scene heading, the prompt, the dialogue and the notes,
 * each with its colour and size in points. Title and prompt are labels for a reader, so @tags
 * show as element names by the rules every label uses (shared/model/shotCaption.ts). Pure.
 */
import type { ProjectSnapshot } from '../model/entities.js';
import { shotCaption } from '../model/shotCaption.js';
import { framesToSeconds } from '../model/time.js';
import type { CutShot } from '../model/timeline.js';

export interface CellLine {
  text: string;
  color: string;
  size: number;
}

export function storyboardCellLines(
  doc: Pick<ProjectSnapshot, 'project' | 'scenes' | 'elements'>,
  c: Pick<CutShot, 'shot' | 'frames'>,
  number: number,
): CellLine[] {
  const sec = framesToSeconds(c.frames, doc.project.fps);
  const { title, prompt } = shotCaption(c.shot, doc.elements);
  const scene = c.shot.sceneId ? doc.scenes.find((s) => s.id === c.shot.sceneId)?.heading : undefined;
  const lines: CellLine[] = [
    {
      text: `#${number}  ${sec.toFixed(2)} s  ·  ${c.shot.camera}${title ? `  ·  ${title}` : ''}`,
      color: '#000',
      size: 9.5,
    },
  ];
  if (scene) lines.push({ text: scene, color: '#333', size: 8 });
  lines.push({ text: prompt || '—', color: '#111', size: 8 });
  if (c.shot.dialogue.trim()) lines.push({ text: `“${c.shot.dialogue.trim()}”`, color: '#1a4d8f', size: 8 });
  if (c.shot.notes.trim()) lines.push({ text: c.shot.notes.trim(), color: '#666', size: 7.5 });
  return lines;
}
