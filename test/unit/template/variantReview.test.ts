/**
 * The variant review service (electron/services/variants/review.ts): marks persist in
 * variants.json (only the entry's `review` changes), entries that point outside the folder
 * (a `..` path, an absolute path, a symlink out) are listed as refused and a mark for them is
 * refused with nothing written; a missing or broken manifest is a keyed error.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { readReview, VariantsReviewService, writeReview } from '../../../electron/services/variants/review.js';
import { rememberVariantsRun } from '../../../electron/services/variants/runs.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
let n = 0;

const entry = (row: number, id: string, aspect: string, extra: Record<string, unknown> = {}) => ({
  row,
  id,
  aspect,
  values: { product: `P${row}` },
  review: 'pending',
  ...extra,
});

/** A variants folder with two rows × two aspects (files present) plus what `extra` adds. */
function folder(extra: Record<string, unknown> = {}): string {
  const dir = join(root, `out ${++n}`);
  mkdirSync(dir, { recursive: true });
  const manifest: Record<string, unknown> = {
    'a_16x9.mp4': entry(1, 'a', '16:9', { custom: 'kept' }),
    'a_9x16.mp4': entry(1, 'a', '9:16'),
    'b_16x9.mp4': entry(2, 'b', '16:9'),
    'b_9x16.mp4': entry(2, 'b', '9:16'),
    ...extra,
  };
  for (const f of ['a_16x9.mp4', 'a_9x16.mp4', 'b_16x9.mp4', 'b_9x16.mp4']) writeFileSync(join(dir, f), 'mp4');
  writeFileSync(join(dir, 'variants.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

type Entry = { review: string } & Record<string, unknown>;
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'variants.json'), 'utf8')) as Record<string, Entry>;

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('variant review service', () => {
  it('lists every variant with its absolute path inside the folder, sorted by row then aspect', async () => {
    const dir = folder();
    const review = await readReview(dir);
    expect(review.items.map((i) => [i.file, i.row, i.aspect, i.review, i.exists])).toEqual([
      ['a_16x9.mp4', 1, '16:9', 'pending', true],
      ['a_9x16.mp4', 1, '9:16', 'pending', true],
      ['b_16x9.mp4', 2, '16:9', 'pending', true],
      ['b_9x16.mp4', 2, '9:16', 'pending', true],
    ]);
    expect(review.items[0]!.path).toBe(join(dir, 'a_16x9.mp4'));
    expect(review.refused).toEqual([]);
  });

  it('persists approve and reject in variants.json, changing only the review field', async () => {
    const dir = folder();
    await writeReview(dir, 'a_16x9.mp4', 'approved');
    const after = await writeReview(dir, 'b_9x16.mp4', 'rejected');
    const m = manifestOf(dir);
    expect(m['a_16x9.mp4']).toEqual(entry(1, 'a', '16:9', { custom: 'kept', review: 'approved' }));
    expect(m['b_9x16.mp4']!.review).toBe('rejected');
    expect(m['a_9x16.mp4']!.review).toBe('pending');
    expect(after.items.map((i) => i.review)).toEqual(['approved', 'pending', 'pending', 'rejected']);
    // Read back from disk by a fresh read, as a rerun of the CLI would.
    expect((await readReview(dir)).items.find((i) => i.file === 'b_9x16.mp4')!.review).toBe('rejected');
  });

  it('refuses entries that point outside the folder: listed, never shown, never marked', async () => {
    const outside = join(root, 'secret.mp4');
    writeFileSync(outside, 'not yours');
    const dir = folder({
      '../secret.mp4': entry(3, 'up', '16:9'),
      [outside]: entry(4, 'abs', '16:9'),
      'link.mp4': entry(5, 'link', '16:9'),
      'sub/../../secret.mp4': entry(6, 'sub', '16:9'),
    });
    symlinkSync(outside, join(dir, 'link.mp4'));
    const review = await readReview(dir);
    expect(review.items.map((i) => i.file)).toEqual(['a_16x9.mp4', 'a_9x16.mp4', 'b_16x9.mp4', 'b_9x16.mp4']);
    expect(review.refused).toEqual([
      { file: '../secret.mp4', reason: 'outside' },
      { file: outside, reason: 'outside' },
      { file: 'link.mp4', reason: 'outside' },
      { file: 'sub/../../secret.mp4', reason: 'outside' },
    ]);
    const before = readFileSync(join(dir, 'variants.json'), 'utf8');
    for (const file of ['../secret.mp4', outside, 'link.mp4']) {
      const err = await rejection(writeReview(dir, file, 'approved'));
      expect(err.code).toBe('FORBIDDEN');
      expect(err.details?.messageKey).toBe('svc.variants.outside');
    }
    expect(readFileSync(join(dir, 'variants.json'), 'utf8')).toBe(before);
  });

  it('refuses entries outside the format, and marks for files it does not list', async () => {
    const dir = folder({ 'bad.mp4': { row: 'one', review: 'maybe' }, 'arr.mp4': [] });
    const review = await readReview(dir);
    expect(review.refused).toEqual([
      { file: 'bad.mp4', reason: 'invalid' },
      { file: 'arr.mp4', reason: 'invalid' },
    ]);
    expect((await rejection(writeReview(dir, 'bad.mp4', 'approved'))).code).toBe('NOT_FOUND');
    expect((await rejection(writeReview(dir, 'nope.mp4', 'approved'))).details?.messageKey).toBe(
      'svc.variants.noEntry',
    );
    expect(manifestOf(dir)['bad.mp4']).toEqual({ row: 'one', review: 'maybe' });
  });

  it('a folder without variants.json, or a broken one, is a keyed error', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect((await rejection(readReview(empty))).details?.messageKey).toBe('svc.variants.noManifest');
    writeFileSync(join(empty, 'variants.json'), '{"a.mp4": ');
    expect((await rejection(readReview(empty))).details?.messageKey).toBe('svc.variants.badManifest');
    writeFileSync(join(empty, 'variants.json'), '[]');
    expect((await rejection(readReview(empty))).code).toBe('INVALID_INPUT');
  });

  it('opens the template’s last run from the config folder, serves only the opened folder, queues marks', async () => {
    const config = join(root, 'config');
    const tpl = join(root, 'template');
    const dir = folder();
    const svc = new VariantsReviewService(config);
    expect((await rejection(svc.open(undefined, tpl))).details?.messageKey).toBe('svc.variants.noRun');
    expect(() => svc.review('a_16x9.mp4', 'approved')).toThrow(AppError);
    expect(svc.roots()).toEqual([]);
    rememberVariantsRun(config, tpl, dir);
    expect((await svc.open(undefined, tpl)).dir).toBe(dir);
    expect(svc.roots()).toEqual([dir]);
    // Two marks sent at once (two quick key presses): both land.
    await Promise.all([svc.review('a_16x9.mp4', 'approved'), svc.review('a_9x16.mp4', 'rejected')]);
    const m = manifestOf(dir);
    expect([m['a_16x9.mp4']!.review, m['a_9x16.mp4']!.review]).toEqual(['approved', 'rejected']);
  });
});
