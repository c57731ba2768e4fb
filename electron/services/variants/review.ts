/**
 * The variant review: reads a `storyboard variants` output folder's variants.json and sets each
 * file's review mark (approved / rejected / pending) in it. variants.json is untrusted data:
 * - every key must name a file inside the folder (lexically, then by its real path when it
 *   exists: a symlink out of the folder is refused too, as media serving does,
 *   services/media/serving/roots.ts); an entry that escapes is reported as refused, never
 *   stat'ed further, shown or served, and a mark for it is refused (FORBIDDEN);
 * - every entry is validated (shared/api/variants.ts VariantEntrySchema); a bad one is refused.
 * A mark rewrites only that entry's `review` field (other fields and unknown keys kept),
 * through a temporary file and a rename, so a crash never leaves half a manifest. Marks are
 * written one at a time (a queue): two quick key presses never lose one.
 */
import { existsSync } from 'node:fs';
import { readFile, realpath, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { keyedError } from '../../../shared/errors.js';
import {
  VariantEntrySchema,
  type VariantItem,
  type VariantReview,
  type VariantsReview,
} from '../../../shared/api/variants.js';
import { isInside } from '../media/serving/roots.js';
import { lastVariantsRun } from './runs.js';

export const MANIFEST = 'variants.json';

type Raw = Record<string, unknown>;

async function readRaw(dir: string): Promise<Raw> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    throw keyedError(
      'NOT_FOUND',
      'svc.variants.noManifest',
      { dir, manifest: MANIFEST, command: 'storyboard variants --out' },
      `${dir} holds no ${MANIFEST}: choose the folder given to \`storyboard variants --out\`.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw keyedError(
      'INVALID_INPUT',
      'svc.variants.badManifest',
      { dir, manifest: MANIFEST, detail: (err as Error).message },
      `${MANIFEST} in ${dir} is not valid JSON (${(err as Error).message}).`,
    );
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw keyedError(
      'INVALID_INPUT',
      'svc.variants.badManifest',
      { dir, manifest: MANIFEST, detail: 'not an object of files' },
      `${MANIFEST} in ${dir} is not an object of files.`,
    );
  return data as Raw;
}

/** The file `key` names inside `dir`, or null when it names anything outside (or is not a plain path). */
export async function insidePath(dir: string, key: string): Promise<string | null> {
  if (!key || key.includes('\0') || isAbsolute(key) || /^[a-zA-Z]:/.test(key)) return null;
  const path = resolve(dir, key);
  if (path === resolve(dir) || !isInside(dir, path)) return null;
  if (!existsSync(path)) return path;
  const [realDir, realFile] = await Promise.all([realpath(dir), realpath(path)]);
  return isInside(realDir, realFile) ? path : null;
}

/** The review of the folder `dir` (absolute). */
export async function readReview(dir: string): Promise<VariantsReview> {
  const raw = await readRaw(dir);
  const items: VariantItem[] = [];
  const refused: VariantsReview['refused'] = [];
  for (const [file, value] of Object.entries(raw)) {
    const path = await insidePath(dir, file);
    if (path === null) {
      refused.push({ file, reason: 'outside' });
      continue;
    }
    const entry = VariantEntrySchema.safeParse(value);
    if (!entry.success) {
      refused.push({ file, reason: 'invalid' });
      continue;
    }
    items.push({ ...entry.data, file, path, exists: existsSync(path) });
  }
  items.sort((a, b) => a.row - b.row || a.aspect.localeCompare(b.aspect) || a.file.localeCompare(b.file));
  return { dir, items, refused };
}

/** Sets `file`'s mark in `dir`'s variants.json; refused when the entry is missing or points outside. */
export async function writeReview(dir: string, file: string, review: VariantReview): Promise<VariantsReview> {
  const raw = await readRaw(dir);
  if ((await insidePath(dir, file)) === null)
    throw keyedError(
      'FORBIDDEN',
      'svc.variants.outside',
      { file },
      `“${file}” is not a file inside the variants folder; nothing was changed.`,
    );
  const entry = Object.prototype.hasOwnProperty.call(raw, file) ? raw[file] : undefined;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry) || !VariantEntrySchema.safeParse(entry).success)
    throw keyedError(
      'NOT_FOUND',
      'svc.variants.noEntry',
      { file, manifest: MANIFEST },
      `${MANIFEST} has no variant “${file}”; nothing was changed.`,
    );
  const next: Raw = { ...raw, [file]: { ...(entry as Raw), review } };
  const tmp = join(dir, `.${MANIFEST}.${process.pid}.tmp`);
  await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
  await rename(tmp, join(dir, MANIFEST));
  return readReview(dir);
}

/** One window's review: the folder it opened (also a media root, so its MP4s can play) and the write queue. */
export class VariantsReviewService {
  private root: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly configDir: string) {}

  /** Opens `dir`, or the last run of the template `projectDir`. */
  async open(dir: string | undefined, projectDir: string | null): Promise<VariantsReview> {
    const target = dir ?? (projectDir ? lastVariantsRun(this.configDir, projectDir) : null);
    if (!target)
      throw keyedError(
        'NOT_FOUND',
        'svc.variants.noRun',
        { command: 'storyboard variants' },
        'This project has no `storyboard variants` run yet: run it, or choose an output folder.',
      );
    const review = await readReview(resolve(target));
    this.root = review.dir;
    return review;
  }

  review(file: string, review: VariantReview): Promise<VariantsReview> {
    const root = this.root;
    if (!root) throw keyedError('INVALID_INPUT', 'svc.variants.notOpen', {}, 'Open a variants folder first.');
    const run = this.queue.then(() => writeReview(root, file, review));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Folders whose files may be served (the opened review folder). */
  roots(): string[] {
    return this.root ? [this.root] : [];
  }
}
