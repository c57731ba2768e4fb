/**
 * The variant matrix, planned before anything is copied, generated or sent (pure): rows of
 * values × aspects → one variant project per row and one file per row per aspect, named from a
 * pattern; a row with a missing value is reported and skipped; an aspect the model cannot make
 * is reframed from the project's aspect (and the plan says so). `storyboard variants` runs it.
 */
import { ASPECTS, type Aspect } from '../model/format.js';
import type { TemplateVariable } from './variables.js';

export type DataRow = Record<string, string>;

export const DEFAULT_NAME_PATTERN = '{row}_{aspect}';
/** A column that names a row (its file names and project folder); absent: row01, row02, ... */
export const ROW_ID_COLUMN = 'id';

export interface OutputPlan {
  aspect: Aspect;
  /** File name (no folder), `.mp4`. */
  fileName: string;
  /** The aspect the picture is made at; differs from `aspect` when the output is reframed. */
  sourceAspect: Aspect;
  /** Why this output is reframed, or null for the project's own aspect. */
  reframeNote: string | null;
}

export interface VariantPlan {
  /** 1-based data row number (the CSV's header is row 0). */
  rowNumber: number;
  /** The row's name: its `id` column, else row01, row02, ... (safe as a folder name). */
  rowId: string;
  text: Record<string, string>;
  /** Picture slot → the file the row names (as written; the caller resolves and checks it). */
  pictures: Record<string, string>;
  /** Variables the row leaves empty (the row is skipped). */
  missing: string[];
  outputs: OutputPlan[];
}

export interface MatrixPlan {
  variants: VariantPlan[];
  /** Columns that name no variable (ignored; reported once). */
  unusedColumns: string[];
  /** Template variables no column gives: every variant keeps the template's value. */
  fromTemplate: string[];
}

const ratio = (a: Aspect): number => {
  const [w, h] = a.split(':').map(Number) as [number, number];
  return w / h;
};

/** The aspect of `available` nearest to `target` (by the log of the ratio: 9:16 is as far from 1:1 as 16:9). */
export function closestAspect(target: Aspect, available: readonly Aspect[]): Aspect {
  let best = available[0] ?? target;
  for (const a of available) {
    if (Math.abs(Math.log(ratio(a) / ratio(target))) < Math.abs(Math.log(ratio(best) / ratio(target)))) best = a;
  }
  return best;
}

/** A name safe as a file or folder name on every OS: letters, digits, `-`, `_`, `.`; at most 80. */
export function safeName(text: string): string {
  const s = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return s || 'untitled';
}

/** `{row}_{aspect}` → `row01_9x16.mp4`; `{column}` takes the row's value; an unknown `{x}` is an error. */
export function fileNameFor(pattern: string, row: { rowId: string; values: DataRow }, aspect: Aspect): string {
  const name = pattern.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_whole, key: string) => {
    if (key === 'row') return row.rowId;
    if (key === 'aspect') return aspect.replace(':', 'x');
    const v = row.values[key];
    if (v === undefined)
      throw new Error(`The file name pattern uses {${key}}, which is neither row, aspect nor a column.`);
    return v;
  });
  return `${safeName(name)}.mp4`;
}

export interface MatrixInput {
  rows: readonly DataRow[];
  variables: readonly TemplateVariable[];
  aspects: readonly Aspect[];
  /** The template project's aspect (what generation makes). */
  projectAspect: Aspect;
  /** Aspects the generating model can make (null: any). */
  modelAspects: readonly Aspect[] | null;
  modelLabel: string;
  pattern?: string;
}

export function planMatrix(input: MatrixInput): MatrixPlan {
  const pattern = input.pattern ?? DEFAULT_NAME_PATTERN;
  const aspects = input.aspects.length ? [...new Set(input.aspects)] : [input.projectAspect];
  const columns = new Set(input.rows.flatMap((r) => Object.keys(r)));
  const names = new Set(input.variables.map((v) => v.name));
  const unusedColumns = [...columns].filter((c) => !names.has(c) && c !== ROW_ID_COLUMN);
  const fromTemplate = input.variables.filter((v) => !columns.has(v.name)).map((v) => v.name);
  const width = String(input.rows.length).length < 2 ? 2 : String(input.rows.length).length;
  const seen = new Set<string>();
  const variants = input.rows.map((row, i): VariantPlan => {
    const given = row[ROW_ID_COLUMN]?.trim();
    let rowId = given ? safeName(given) : `row${String(i + 1).padStart(width, '0')}`;
    while (seen.has(rowId)) rowId = `${rowId}-${i + 1}`;
    seen.add(rowId);
    const text: Record<string, string> = {};
    const pictures: Record<string, string> = {};
    const missing: string[] = [];
    for (const v of input.variables) {
      if (!columns.has(v.name)) continue;
      const value = (row[v.name] ?? '').trim();
      if (value === '') missing.push(v.name);
      else if (v.kind === 'picture') pictures[v.name] = value;
      else text[v.name] = value;
    }
    const outputs = aspects.map((aspect): OutputPlan => {
      const fileName = fileNameFor(pattern, { rowId, values: row }, aspect);
      if (aspect === input.projectAspect) return { aspect, fileName, sourceAspect: aspect, reframeNote: null };
      const canMake = input.modelAspects === null || input.modelAspects.includes(aspect);
      const source = input.projectAspect;
      const reframeNote = canMake
        ? `reframed from ${source} (the template's aspect; one generation per row)`
        : `${input.modelLabel} cannot make ${aspect}: reframed from ${source}`;
      return { aspect, fileName, sourceAspect: source, reframeNote };
    });
    return { rowNumber: i + 1, rowId, text, pictures, missing, outputs };
  });
  const files = variants.flatMap((v) => v.outputs.map((o) => o.fileName));
  const dup = files.find((f, i) => files.indexOf(f) !== i);
  if (dup)
    throw new Error(
      `The file name pattern "${pattern}" gives two outputs the same name (${dup}); add {row} or {aspect}.`,
    );
  return { variants, unusedColumns, fromTemplate };
}

/** Parses `--aspect` values (16:9 or 16x9). */
export function parseAspect(raw: string): Aspect | null {
  const a = raw.replace('x', ':') as Aspect;
  return (ASPECTS as readonly string[]).includes(a) ? a : null;
}

/** A plain-text table: columns padded to their widest cell (CJK counted as two). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const w = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\uFFFF]/u.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(w(h), ...rows.map((r) => w(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - w(c))))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}
