/**
 * Missing media (quality.md MEDIA-4): the assets a document uses whose file can't be used
 * (deleted from media/, a project copied without its media, a hostile path refused by the
 * resolver), each listed by the name the user imported with the shots that use it. Pointing one
 * at a file again is relink.ts.
 */
import { stat } from 'node:fs/promises';
import type { Asset, MediaInfo, ProjectSnapshot } from '../../../shared/model/entities.js';
import { resolveStoredPath } from '../project/paths.js';

export type MissingProblem = 'missing' | 'outside';

export interface MissingUse {
  /** Shot id, or null for a project-level use (style picture, element picture, audio item). */
  shotId: string | null;
  /** 1-based position in the cut, or null. */
  shotNumber: number | null;
  role: 'take' | 'firstFrame' | 'lastFrame' | 'audio' | 'element' | 'style';
}

export interface MissingMedia {
  assetId: string;
  originalName: string;
  bytes: number;
  kind: MediaInfo['kind'];
  durationSec: number | null;
  problem: MissingProblem;
  usedBy: MissingUse[];
}

function problemOf(dir: string, asset: Asset): Promise<MissingProblem | null> {
  let abs: string;
  try {
    abs = resolveStoredPath(dir, asset.path);
  } catch {
    return Promise.resolve('outside');
  }
  return stat(abs).then(
    (st) => (st.isFile() ? null : 'missing'),
    () => 'missing',
  );
}

function usesOf(snap: ProjectSnapshot, assetId: string): MissingUse[] {
  const uses: MissingUse[] = [];
  snap.shots.forEach((shot, i) => {
    const at = { shotId: shot.id, shotNumber: i + 1 };
    for (const take of snap.takes)
      if (take.shotId === shot.id && take.assetId === assetId) uses.push({ ...at, role: 'take' });
    if (shot.firstFrameAssetId === assetId) uses.push({ ...at, role: 'firstFrame' });
    if (shot.lastFrameAssetId === assetId) uses.push({ ...at, role: 'lastFrame' });
  });
  for (const item of snap.audioItems)
    if (item.assetId === assetId) uses.push({ shotId: null, shotNumber: null, role: 'audio' });
  for (const el of snap.elements)
    if (el.refAssetIds.includes(assetId)) uses.push({ shotId: null, shotNumber: null, role: 'element' });
  if (snap.project.styleRefAssetIds.includes(assetId)) uses.push({ shotId: null, shotNumber: null, role: 'style' });
  return uses;
}

/** Every asset the document uses whose file can't be used, with the shots that use it. */
export async function listMissingMedia(store: { dir: string; snapshot(): ProjectSnapshot }): Promise<MissingMedia[]> {
  const snap = store.snapshot();
  const out: MissingMedia[] = [];
  for (const asset of snap.assets) {
    const problem = await problemOf(store.dir, asset);
    if (problem === null) continue;
    const usedBy = usesOf(snap, asset.id);
    if (usedBy.length === 0) continue; // only a removed take's asset: nothing to relink for
    out.push({
      assetId: asset.id,
      originalName: asset.originalName,
      bytes: asset.bytes,
      kind: asset.info.kind,
      durationSec: asset.info.kind === 'image' ? null : asset.info.durationSec,
      problem,
      usedBy,
    });
  }
  return out;
}
