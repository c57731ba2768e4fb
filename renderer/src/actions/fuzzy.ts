/**
 * Fuzzy matching for the command palette: every query character must appear in order; runs of
 * consecutive characters and matches at word starts score higher. Pure.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const s = text.toLowerCase();
  let score = 0;
  let at = 0;
  let prev = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const i = s.indexOf(ch, at);
    if (i < 0) return null;
    score += 1;
    if (i === prev + 1) score += 2;
    if (i === 0 || /[\s./(-]/.test(s[i - 1]!)) score += 3;
    prev = i;
    at = i + 1;
  }
  // Shorter labels win ties: "Undo" before "Undo all changes to…".
  return score - s.length / 100;
}

/** Items whose text matches, best first (stable for equal scores). */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, score: fuzzyScore(query, text(item)) }))
    .filter((x): x is { item: T; i: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.item);
}
