/**
 * The variant matrix, planned before anything is copied, generated or sent (pure): rows of
 * values × aspects → one variant project per row and one file per row per aspect, named from a
 * pattern; a row with a missing value is reported and skipped; each generated shot is made
 * again at every output aspect its model can make natively, and reframed from the nearest
 * aspect made anyway where it cannot (the plan says so). `storyboard variants` runs it.
 */
import { ASPECTS, type Aspect } from '../model/format.js';
import { nearestAspect } from '../model/aspectTakes.js';
import type { TemplateVariable } from './variables.js';

export type DataRow = Record<string, string>;

export const DEFAULT_NAME_PATTERN = '{row}_{aspect}';
/** A column that names a row (its file names and project folder); absent: row01, row02, ... */
export const ROW_ID_COLUMN = 'id';

/** How one output aspect gets one generated shot's picture. */
export interface ShotAtAspect {
  shotId: string;
  /** 'native': generated at this aspect (its own take); 'reframe': cropped/fitted from `from`. */
  how: 'native' | 'reframe';
  /** The aspect of the take it shows (this aspect when native). */
  from: Aspect;
}

export interface OutputPlan {
  aspect: Aspect;
  /** File name (no folder), `.mp4`. */
  fileName: string;
  /** Per generated shot: native or reframed, and from which aspect. */
  shots: ShotAtAspect[];
  /** What the summary says about this output: native generations and reframes (null: the project's own aspect). */
  reframeNote: string | null;
}

/** One batch a row generates: the project's aspect first (the shots' clips), then each native aspect. */
export interface GenerationBatch {
  /** null: the project's own aspect (the takes become the shots' chosen clips). */
  aspect: Aspect | null;
  shotIds: string[];
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
  /** What each row generates: one batch per aspect (its cost is the estimate per row). */
  batches: GenerationBatch[];
}

/** The aspect of `available` nearest to `target` (by the log of the ratio: 9:16 is as far from 1:1 as 16:9). */
export function closestAspect(target: Aspect, available: readonly Aspect[]): Aspect {
  return nearestAspect(target, available) ?? target;
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

/** A shot a row generates, and what its model can make. */
export interface ShotModel {
  shotId: string;
  /** 1-based position on the timeline, for notes. */
  number: number;
  /** Provider and model as the user reads them ("Vidu viduq1"). */
  label: string;
  /** Aspects its model makes natively (null: any, as the animatic). */
  aspects: readonly Aspect[] | null;
}

export interface MatrixInput {
  rows: readonly DataRow[];
  variables: readonly TemplateVariable[];
  aspects: readonly Aspect[];
  /** The template project's aspect (what the shots' clips are made at). */
  projectAspect: Aspect;
  /** The shots each row generates (the others keep the template's takes), with their models. */
  shots: readonly ShotModel[];
  pattern?: string;
}

const canMake = (shot: ShotModel, aspect: Aspect): boolean => shot.aspects === null || shot.aspects.includes(aspect);

/**
 * Per output aspect, per generated shot: generated natively where the shot's model can make
 * that aspect, else reframed from the nearest aspect generated for the row anyway (the
 * project's, or another output's native one): never a generation only to be cropped.
 */
export function planAspects(
  aspects: readonly Aspect[],
  projectAspect: Aspect,
  shots: readonly ShotModel[],
): { perAspect: Map<Aspect, { shots: ShotAtAspect[]; note: string | null }>; batches: GenerationBatch[] } {
  const perAspect = new Map<Aspect, { shots: ShotAtAspect[]; note: string | null }>();
  const batches: GenerationBatch[] = [{ aspect: null, shotIds: shots.map((s) => s.shotId) }];
  const others = aspects.filter((a) => a !== projectAspect);
  for (const aspect of others) {
    const native = shots.filter((s) => canMake(s, aspect)).map((s) => s.shotId);
    if (native.length) batches.push({ aspect, shotIds: native });
  }
  for (const aspect of aspects) {
    if (aspect === projectAspect) {
      perAspect.set(aspect, {
        shots: shots.map((s) => ({ shotId: s.shotId, how: 'native', from: aspect })),
        note: null,
      });
      continue;
    }
    const notes: string[] = [];
    const plan = shots.map((s): ShotAtAspect => {
      if (canMake(s, aspect)) return { shotId: s.shotId, how: 'native', from: aspect };
      const made = [projectAspect, ...others.filter((a) => a !== aspect && canMake(s, a))];
      const from = closestAspect(aspect, made);
      notes.push(`shot ${s.number} (${s.label}) cannot make ${aspect}: reframed from ${from}`);
      return { shotId: s.shotId, how: 'reframe', from };
    });
    const nativeCount = plan.filter((p) => p.how === 'native').length;
    if (nativeCount) notes.unshift(`${nativeCount} shot(s) generated at ${aspect}`);
    if (shots.length === 0) notes.push(`reframed from ${projectAspect} (no shot is generated per row)`);
    perAspect.set(aspect, { shots: plan, note: notes.join('; ') });
  }
  return { perAspect, batches };
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
  const { perAspect, batches } = planAspects(aspects, input.projectAspect, input.shots);
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
      const at = perAspect.get(aspect);
      const fileName = fileNameFor(pattern, { rowId, values: row }, aspect);
      return { aspect, fileName, shots: at?.shots ?? [], reframeNote: at?.note ?? null };
    });
    return { rowNumber: i + 1, rowId, text, pictures, missing, outputs };
  });
  const files = variants.flatMap((v) => v.outputs.map((o) => o.fileName));
  const dup = files.find((f, i) => files.indexOf(f) !== i);
  if (dup)
    throw new Error(
      `The file name pattern "${pattern}" gives two outputs the same name (${dup}); add {row} or {aspect}.`,
    );
  return { variants, unusedColumns, fromTemplate, batches };
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
