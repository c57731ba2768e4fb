/**
 * The variant matrix's data: a CSV with a header row (csv-parse: RFC 4180 quoting, quoted
 * newlines, a UTF-8 BOM as Excel writes it, `;` or `,` given by the header) or a JSON array of
 * objects. Every value is a string; a bad file is refused with its line number.
 * csv-parse options: https://csv.js.org/parse/options/ (columns, bom, trim, skip_empty_lines,
 * delimiter as a list, relax_column_count off so a short row is an error with its line).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../shared/errors.js';
import type { DataRow } from '../../../shared/template/matrix.js';

export const MAX_ROWS = 10_000;

function fromJson(text: string, file: string): DataRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new AppError('INVALID_INPUT', `${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data))
    throw new AppError('INVALID_INPUT', `${file} must hold an array of rows ([{"product": "…"}, …]).`);
  return data.map((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row))
      throw new AppError('INVALID_INPUT', `${file}: row ${i + 1} is not an object of values.`);
    return Object.fromEntries(
      Object.entries(row as Record<string, unknown>).map(([k, v]) => {
        if (v !== null && typeof v === 'object')
          throw new AppError('INVALID_INPUT', `${file}: row ${i + 1}, "${k}" must be text or a number.`);
        return [k, v === null || v === undefined ? '' : String(v)];
      }),
    );
  });
}

function fromCsv(text: string, file: string): DataRow[] {
  try {
    return parse(text, {
      columns: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      delimiter: [',', ';', '\t'],
    }) as DataRow[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new AppError('INVALID_INPUT', `${file}${e.lines ? ` line ${e.lines}` : ''}: ${e.message}`);
  }
}

/** The rows of a .csv/.tsv or .json file (by its extension; anything else is read as CSV). */
export async function readRows(file: string): Promise<DataRow[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new AppError('NOT_FOUND', `Cannot read the data file "${file}": ${err.code ?? err.message}`);
  });
  const rows = extname(file).toLowerCase() === '.json' ? fromJson(text, file) : fromCsv(text, file);
  if (rows.length === 0) throw new AppError('INVALID_INPUT', `${file} has no data rows.`);
  if (rows.length > MAX_ROWS)
    throw new AppError('INVALID_INPUT', `${file} has ${rows.length} rows (at most ${MAX_ROWS}).`);
  return rows;
}
