/**
 * A pasted shot list: one shot per line, `prompt | 3s | push_in`. After the prompt, `|`-separated
 * fields give a duration (`3`, `3s`, `2.5 s`, `3秒`) and/or a camera move (`push_in`, `push in`,
 * `Push-in`); blank lines are skipped. Pure: the library's paste box checks a list with it before
 * anything is added, and names each bad line.
 */
import { CAMERA_MOVES, type CameraMove } from './entities.js';

export interface ListedShot {
  prompt: string;
  durationSec?: number;
  camera?: CameraMove;
}

export type ShotListProblem = { line: number; code: 'badField' | 'noPrompt' | 'tooLong'; value: string };

export type ShotListResult = { ok: true; shots: ListedShot[] } | { ok: false; problems: ShotListProblem[] };

/** The most shots one paste adds (a feature film's shot list, not a whole file by mistake). */
export const MAX_LISTED_SHOTS = 500;
export const MAX_LISTED_SECONDS = 600;

const DURATION = /^(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?|秒)?$/i;

function camera(field: string): CameraMove | null {
  const key = field
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (CAMERA_MOVES as readonly string[]).includes(key) ? (key as CameraMove) : null;
}

export function parseShotList(text: string): ShotListResult {
  const shots: ListedShot[] = [];
  const problems: ShotListProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const [head = '', ...fields] = raw.split('|');
    const prompt = head.trim();
    if (prompt === '') {
      problems.push({ line, code: 'noPrompt', value: raw.trim() });
      return;
    }
    const shot: ListedShot = { prompt };
    for (const f of fields) {
      const field = f.trim();
      if (field === '') continue;
      const d = DURATION.exec(field);
      const seconds = d ? Number(d[1]) : NaN;
      if (d && seconds > 0 && seconds <= MAX_LISTED_SECONDS && shot.durationSec === undefined) {
        shot.durationSec = seconds;
        continue;
      }
      const move = camera(field);
      if (move && shot.camera === undefined) {
        shot.camera = move;
        continue;
      }
      problems.push({ line, code: 'badField', value: field });
    }
    shots.push(shot);
  });
  if (shots.length > MAX_LISTED_SHOTS)
    problems.push({ line: lines.length, code: 'tooLong', value: String(MAX_LISTED_SHOTS) });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, shots };
}
