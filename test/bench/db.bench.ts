/**
 * DB-1 and DB-2 (quality.md) on a 500-shot project (each shot with a take and its asset):
 * DB-1: commit one edit (a trim) through the store, p95, against a raw better-sqlite3
 *       single-row UPDATE in an immediate transaction with the same pragmas on a copy of the
 *       same file; target p95 <= 5 ms and <= 2x (reliability-anchors PERF-DB-1).
 * DB-2: open the project to snapshot ready (what project.open does) against a raw open with the
 *       same pragmas + SELECT * of the tables the snapshot reads; target <= 300 ms.
 * Both sides alternate (`alternate`, lib.ts) so machine load hits them alike.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from '../../electron/services/project/store.js';
import { fakeAsset, fakeTake, INIT } from '../integration/project/fixtures.js';
import { alternate, median, report } from './lib.js';

const SHOTS = 500;
const EDITS = Math.max(50, Number(process.env.BENCH_DB_EDITS ?? 300));
const OPENS = Math.max(5, Number(process.env.BENCH_DB_OPENS ?? 15));

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? NaN;
}

/** Runs `fn`, adds its wall time (ms) to `into` and answers what it answered. */
function timed<T>(into: number[], fn: () => T): T {
  const t0 = process.hrtime.bigint();
  const out = fn();
  into.push(Number(process.hrtime.bigint() - t0) / 1e6);
  return out;
}

function build(dir: string): ProjectStore {
  const store = ProjectStore.create(dir, INIT);
  for (let i = 0; i < SHOTS; i++) {
    const shot = store.shots.add({
      title: `Shot ${i} 镜头`,
      prompt: `A prompt for shot ${i}, with some words in it.`,
      durationFrames: 96,
    });
    const asset = store.upsertAsset(fakeAsset(`bench-${i}`));
    store.addTake(fakeTake(shot.id, asset.id), { selectIfNone: true });
  }
  return store;
}

/** The tables a snapshot reads (the raw side of DB-2 selects them all). */
const SNAPSHOT_TABLES = [
  'project',
  'scenes',
  'shots',
  'shot_elements',
  'takes',
  'assets',
  'elements',
  'element_refs',
  'jobs',
  'audio_items',
] as const;

/** The project's pragmas (db.ts), on a plain connection. */
function rawOpen(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  db.pragma('trusted_schema = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

function main(): void {
  const root = mkdtempSync(join(tmpdir(), 'storyboard-bench-db-'));
  try {
    const dir = join(root, 'project 500');
    let store = build(dir);
    const ids = store.snapshot().shots.map((s) => s.id);
    store.close();
    const rawFile = join(root, 'raw.db');
    copyFileSync(join(dir, 'project.db'), rawFile);

    // ---- DB-1 ----
    store = ProjectStore.open(dir);
    const raw = rawOpen(rawFile);
    const update = raw.prepare('UPDATE shots SET trim_in_frames = ?, trim_out_frames = ? WHERE id = ?');
    const rawEdit = raw.transaction((i: number, id: string) => update.run(i % 10, 40 + (i % 10), id)).immediate;
    const ours: number[] = [];
    const base: number[] = [];
    const moves: number[] = [];
    const idAt = (i: number): string => ids[(i * 37) % SHOTS] as string;
    alternate(
      EDITS,
      (i) => timed(ours, () => store.shots.setTrim(idAt(i), i % 10, 40 + (i % 10))),
      (i) => timed(base, () => rawEdit(i, idAt(i))),
    );
    // Moving a shot across the whole timeline rewrites every position in between (one step).
    for (let i = 0; i < 20; i++) {
      timed(moves, () => store.shots.move(ids[i % 2 === 0 ? 0 : SHOTS - 1] as string, i % 2 === 0 ? SHOTS - 1 : 0));
    }
    raw.close();
    store.close();
    report({
      id: 'DB-1',
      workload: `commit one edit (setTrim: change log + history + provenance, WAL+FULL) in a ${SHOTS}-shot project, p95 of ${EDITS}`,
      oursSec: p95(ours) / 1000,
      baselineSec: p95(base) / 1000,
      targetRatio: 2,
      note:
        `absolute target p95 <= 5 ms: ours p95 ${p95(ours).toFixed(2)} ms (median ${median(ours).toFixed(2)}), raw UPDATE p95 ${p95(base).toFixed(2)} ms; ` +
        `moving a shot across all ${SHOTS} (${SHOTS} position rows, one step): p95 ${p95(moves).toFixed(1)} ms`,
    });

    // ---- DB-2 ----
    const openOurs: number[] = [];
    const openBase: number[] = [];
    let shotsSeen = 0;
    alternate(
      OPENS,
      () => {
        const opened = timed(openOurs, () => {
          const s = ProjectStore.open(dir);
          shotsSeen = s.snapshot().shots.length;
          return s;
        });
        opened.close();
      },
      () => {
        const db = timed(openBase, () => {
          const d = rawOpen(rawFile);
          for (const t of SNAPSHOT_TABLES) d.prepare(`SELECT * FROM ${t}`).all();
          return d;
        });
        db.close();
      },
    );
    if (shotsSeen !== SHOTS) throw new Error(`expected ${SHOTS} shots, saw ${shotsSeen}`);
    report({
      id: 'DB-2',
      workload: `open a ${SHOTS}-shot project (${SHOTS} takes, ${SHOTS} assets) to snapshot ready: lock, quick_check, migrations check, validated snapshot`,
      oursSec: median(openOurs) / 1000,
      baselineSec: median(openBase) / 1000,
      targetRatio: 5,
      note: `absolute target <= 300 ms: ours median ${median(openOurs).toFixed(1)} ms, p95 ${p95(openOurs).toFixed(1)} ms; raw open + SELECT * median ${median(openBase).toFixed(1)} ms`,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
