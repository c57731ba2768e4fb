/**
 * A long Fountain screenplay made up deterministically (a fixed-seed generator, no files), for
 * the import benchmark and its unit test: about 55 lines a page like a printed screenplay,
 * scenes of a heading, action paragraphs and dialogue with parentheticals, extensions and the
 * odd dual line.
 */
const NAMES = [
  'MARA',
  'JO',
  'DICK STEEL',
  'BRICK',
  'ANN LEE',
  'OLD MAN',
  'KIDS',
  'DR. PATEL',
  'SAM',
  'LU',
  'VERA',
  'TOM',
];
const PLACES = ['KITCHEN', 'ROOFTOP', 'PARKING LOT', 'DINER', 'HARBOUR', 'OFFICE', 'TRAIN', 'BRIDGE'];
const TIMES = ['DAY', 'NIGHT', 'DUSK', 'MORNING', 'CONTINUOUS'];
const WORDS =
  'the light falls across a table while rain hits the window and someone waits by the door with a cold cup of coffee'.split(
    ' ',
  );

export const LINES_PER_PAGE = 55;

export interface Screenplay {
  text: string;
  pages: number;
  scenes: number;
  dialogueLines: number;
  characters: number;
}

export function screenplay(pages: number, seed = 20_261_206): Screenplay {
  let s = seed >>> 0;
  const rand = (n: number): number => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    // The high bits: an LCG's low bits repeat with a short period.
    return (s >>> 16) % n;
  };
  const sentence = (words: number): string => {
    const w = Array.from({ length: words }, () => WORDS[rand(WORDS.length)]);
    return `${w.join(' ').replace(/^./u, (c) => c.toUpperCase())}.`;
  };
  const out: string[] = ['Title: The Long Night', 'Author: Benchmark', '', ''];
  let scenes = 0;
  let dialogueLines = 0;
  const used = new Set<string>();
  while (out.length < pages * LINES_PER_PAGE) {
    scenes++;
    out.push(`${rand(2) ? 'INT' : 'EXT'}. ${PLACES[rand(PLACES.length)]} - ${TIMES[rand(TIMES.length)]}`, '');
    for (let beat = 0; beat < 3; beat++) {
      out.push(sentence(12 + rand(20)), sentence(8 + rand(12)), '');
      for (let d = 0; d < 3; d++) {
        const name = NAMES[rand(NAMES.length)] ?? 'MARA';
        used.add(name);
        const ext = rand(6) === 0 ? ' (V.O.)' : rand(8) === 0 ? " (CONT'D)" : '';
        const dual = d > 0 && rand(15) === 0 ? ' ^' : '';
        out.push(`${name}${ext}${dual}`);
        if (rand(4) === 0) out.push('(quietly)');
        out.push(sentence(4 + rand(14)), '');
        dialogueLines++;
      }
    }
  }
  return {
    text: out.join('\n'),
    pages: Math.round(out.length / LINES_PER_PAGE),
    scenes,
    dialogueLines,
    characters: used.size,
  };
}
