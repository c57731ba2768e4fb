/**
 * What both dialogue acceptance paths (the CLI: test/integration/dialogue/cli.test.ts, the UI:
 * test/e2e/dialogue.spec.ts) check of a film exported with burned-in subtitles, independently of
 * our code: the lines they voice, and each cue against its line's voice-over and the export.
 */
import { BOTTOM_FIFTH, changedShare, grayRegion, meanVolume, type Cue } from './exportChecks.js';
import { ffprobeJson } from './ffprobe.js';

/** The five lines both paths give two characters and a narrator, in cue order. */
export const DIALOGUE_LINES = [
  '你好，今天我们去公园吧。',
  'Sounds great, let us go!',
  'Look at the ducks on the pond.',
  '真好玩。',
  'The sun went down.',
];

/** Where a line's voice-over item lies on the cut, in seconds (from the project's own record). */
export interface VoiceSpan {
  start: number;
  end: number;
}

const EPS = 1e-9;

/**
 * What is wrong with the cues (none: []): each must be a stretch inside its line's voice-over
 * (`voice[i]`) and inside the export `withSubs`, have speech energy there (mean volume above
 * -35 dB), and change the subtitle area (the bottom fifth) at its middle against `without`,
 * the same film exported without subtitles.
 */
export function cueProblems(
  cues: readonly Cue[],
  voice: readonly VoiceSpan[],
  withSubs: string,
  without: string,
): string[] {
  const duration = Number(ffprobeJson(withSubs).format.duration);
  return cues.flatMap((cue, i) => {
    const name = `cue ${i + 1} (${cue.start}-${cue.end} s)`;
    const v = voice[i];
    if (!v) return [`${name}: no voice-over item`];
    const problems: string[] = [];
    if (!(cue.end > cue.start)) problems.push(`${name}: empty`);
    if (cue.start < v.start - EPS || cue.end > v.end + EPS)
      problems.push(`${name}: outside its voice-over ${v.start}-${v.end} s`);
    if (cue.end > duration + EPS) problems.push(`${name}: past the end of the export (${duration} s)`);
    const volume = meanVolume(withSubs, cue.start, cue.end);
    if (!(volume > -35)) problems.push(`${name}: no speech (mean volume ${volume} dB)`);
    const mid = (cue.start + cue.end) / 2;
    const changed = changedShare(grayRegion(withSubs, mid, BOTTOM_FIFTH), grayRegion(without, mid, BOTTOM_FIFTH));
    if (!(changed > 0.002)) problems.push(`${name}: no subtitle in the bottom fifth (${changed} of it changed)`);
    return problems;
  });
}
