/**
 * Collect project: one zip that opens on another machine. It holds project.db, copied through
 * SQLite's online backup API (a consistent copy of the open database, WAL included, without
 * closing it), and only the media the cut uses: each shot's selected take, its alternate takes
 * (unless cutOnly) and the audio items' files, at their project-relative paths (media/ab/…),
 * which is how the database refers to them. Written with yazl (a maintained streaming zip
 * writer: ZIP64 for large media, stored entries for already-compressed video) to a temp name
 * and renamed when complete.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { AppError } from '../../../shared/errors.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { cutList } from '../../../shared/model/timeline.js';
import { resolveStoredPath } from '../project/paths.js';
import { writeAtomic } from './writeOut.js';

/** Relative paths of the media a collected project keeps, sorted. */
export function collectedMedia(doc: ProjectSnapshot, cutOnly: boolean): string[] {
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  const ids = new Set<string>();
  for (const c of cutList(doc)) {
    if (c.asset) ids.add(c.asset.id);
    if (!cutOnly) for (const t of doc.takes) if (t.shotId === c.shot.id) ids.add(t.assetId);
  }
  for (const a of doc.audioItems) ids.add(a.assetId);
  return [...ids]
    .flatMap((id) => (assets.get(id) ? [assets.get(id)?.path ?? ''] : []))
    .filter(Boolean)
    .sort();
}

export interface CollectResult {
  outPath: string;
  mediaFiles: number;
  bytes: number;
}

export async function collectProject(
  doc: ProjectSnapshot,
  backup: (dest: string) => Promise<unknown>,
  outPath: string,
  cutOnly: boolean,
): Promise<CollectResult> {
  // Through the one stored-path resolver: a path that climbs out of the project (or through a
  // link) is refused, never read into the zip.
  const media = collectedMedia(doc, cutOnly).map((rel) => ({ rel, abs: resolveStoredPath(doc.dir, rel) }));
  for (const { rel, abs } of media) {
    const ok = await stat(abs).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!ok)
      throw new AppError('MEDIA_MISSING', `Cannot collect the project: its media file ${rel} is missing.`, {
        path: rel,
      });
  }
  const work = await mkdtemp(join(tmpdir(), 'storyboard-collect-'));
  try {
    const db = join(work, 'project.db');
    await backup(db);
    await writeAtomic(
      outPath,
      'file',
      (tmp) =>
        new Promise<void>((resolve, reject) => {
          const zip = new yazl.ZipFile();
          const out = createWriteStream(tmp);
          out.on('close', resolve);
          out.on('error', reject);
          zip.outputStream.on('error', reject).pipe(out);
          zip.addFile(db, 'project.db');
          // Video and audio are compressed already: storing them is as small and much faster.
          for (const { rel, abs } of media) zip.addFile(abs, rel, { compress: false });
          zip.end();
        }),
    );
    const bytes = (await stat(outPath)).size;
    return { outPath, mediaFiles: media.length, bytes };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
