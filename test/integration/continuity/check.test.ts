/**
 * The consistency check separates matching from non-matching fixtures (test/fixtures/continuity:
 * three people, three products; references and takes made at test time with the system ffmpeg).
 * Every take is scored against every element of its kind, so each pair is one row of a matrix
 * whose diagonal must pass and whose rest must drift. The accuracy is printed for the report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkTakes, type CheckDoc } from '../../../electron/services/continuity/check.js';
import { ReferenceCache } from '../../../electron/services/continuity/referenceCache.js';
import type { ContinuityReport } from '../../../shared/continuity/score.js';
import type { Asset, Element, Shot, Take } from '../../../shared/model/entities.js';
import { newElement, newShot, newTake } from '../../../shared/model/factories.js';
import {
  fixtureAsset,
  makeReference,
  makeTake,
  PEOPLE,
  PRODUCTS,
  type Subject,
} from '../../helpers/continuityFixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'continuity-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface TakeCase {
  name: string;
  subject: Subject;
  hueDeg?: number;
}

/** One shot per take case, using every element of the kind; element i is subject i. */
function buildDoc(kind: 'character' | 'prop', subjects: readonly Subject[], cases: readonly TakeCase[]): CheckDoc {
  const assets: Asset[] = [];
  const elements: Element[] = subjects.map((s) => {
    const ref = makeReference(s, dir);
    assets.push(fixtureAsset(`ref-${s}`, ref, 'image', 256, 256, 0));
    return newElement({ id: `el-${s}`, kind, name: s, tag: `@${s}`, refAssetIds: [`ref-${s}`] });
  });
  const shots: Shot[] = [];
  const takes: Take[] = [];
  cases.forEach((c, i) => {
    const file = makeTake(c.subject, dir, { seconds: 4, ...(c.hueDeg ? { hueDeg: c.hueDeg } : {}) });
    assets.push(fixtureAsset(`take-asset-${c.name}`, file, 'video', 640, 360, 4));
    shots.push(
      newShot({
        id: `shot-${c.name}`,
        position: i,
        title: c.name,
        durationFrames: 96,
        elementIds: elements.map((e) => e.id),
        selectedTakeId: `take-${c.name}`,
      }),
    );
    takes.push(newTake({ id: `take-${c.name}`, shotId: `shot-${c.name}`, assetId: `take-asset-${c.name}` }));
  });
  return { shots, takes, assets, elements };
}

/** Rows of `report` as [take subject case, element subject, score, drift]. */
function rows(report: ContinuityReport, cases: readonly TakeCase[]) {
  return report.results.map((r) => {
    const c = cases.find((x) => `take-${x.name}` === r.takeId)!;
    const element = r.elementId.replace(/^el-/, '');
    const same = c.subject === element && !c.hueDeg;
    return { take: c.name, element, same, score: r.score, drift: r.drift, method: r.method };
  });
}

function accuracy(rs: ReturnType<typeof rows>): number {
  return rs.filter((r) => r.drift === !r.same).length / rs.length;
}

describe('consistency check on the fixtures', () => {
  test('same person passes, a different person drifts (face descriptors)', async () => {
    const cases = PEOPLE.map((s) => ({ name: s, subject: s }));
    const report = await checkTakes(buildDoc('character', PEOPLE, cases), (p) => p, {
      cache: new ReferenceCache(null),
    });
    const rs = rows(report, cases);
    console.log('people', JSON.stringify(rs), 'accuracy', accuracy(rs));
    expect(report.skipped).toEqual([]);
    expect(rs).toHaveLength(9);
    expect(rs.every((r) => r.method === 'face')).toBe(true);
    for (const r of rs) expect({ ...r, drift: r.drift }).toEqual({ ...r, drift: !r.same });
    const worstSame = Math.min(...rs.filter((r) => r.same).map((r) => r.score));
    const bestOther = Math.max(...rs.filter((r) => !r.same).map((r) => r.score));
    expect(worstSame).toBeGreaterThan(bestOther);
  });

  test('same product passes; another product, or the same one in another colour, drifts (image similarity)', async () => {
    const cases: TakeCase[] = [
      ...PRODUCTS.map((s) => ({ name: s, subject: s })),
      { name: 'coffee-recoloured', subject: 'coffee', hueDeg: 180 },
    ];
    const report = await checkTakes(buildDoc('prop', PRODUCTS, cases), (p) => p, { cache: new ReferenceCache(null) });
    const rs = rows(report, cases);
    console.log('products', JSON.stringify(rs), 'accuracy', accuracy(rs));
    expect(report.skipped).toEqual([]);
    expect(rs).toHaveLength(12);
    expect(rs.every((r) => r.method === 'image')).toBe(true);
    for (const r of rs) expect({ ...r, drift: r.drift }).toEqual({ ...r, drift: !r.same });
  });

  test("a second run reads the pictures' features from the cache folder: the same scores, none recomputed", async () => {
    const cases = [{ name: 'cached', subject: 'collins' as const }];
    const doc = buildDoc('character', ['collins', 'hopper'], cases);
    const folder = join(dir, 'feature-cache');
    const first = new ReferenceCache(folder);
    const a = await checkTakes(doc, (p) => p, { cache: first });
    expect(first.stats.computed).toBe(2);
    const second = new ReferenceCache(folder);
    const b = await checkTakes(doc, (p) => p, { cache: second });
    expect(second.stats).toEqual({ memory: 0, disk: 2, computed: 0 });
    expect(b.results).toEqual(a.results);
    expect(a.results.map((r) => [r.elementId, r.method, r.drift])).toEqual([
      ['el-collins', 'face', false],
      ['el-hopper', 'face', true],
    ]);
  });
});
