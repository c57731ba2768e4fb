/**
 * The rows of the "what will be sent" view, from the services' answers (keyframes.preview and
 * preview.video): per request, the provider, model, prompt as the model reads it, and each
 * picture with its role and the project file it is read from. Pure, so a test can hold it
 * against what a strict fake received.
 */
import type { MethodOutput } from '../api/contract.js';
import type { ProjectSnapshot } from '../model/entities.js';

export interface SentPictureRow {
  role: 'first' | 'last' | 'reference';
  assetId: string;
  /** The element it shows, where it is one. */
  name: string | null;
  /** Relative to the project folder (null: the asset is gone). */
  path: string | null;
}

export interface SentRequestView {
  provider: string;
  model: string | null;
  prompt: string;
  pictures: SentPictureRow[];
  problem: string | null;
}

const pathOf = (snapshot: ProjectSnapshot, assetId: string): string | null =>
  snapshot.assets.find((a) => a.id === assetId)?.path ?? null;

export function keyframeSentView(
  preview: MethodOutput<'keyframes.preview'>,
  snapshot: ProjectSnapshot,
): SentRequestView {
  return {
    provider: preview.provider,
    model: preview.model,
    prompt: preview.prompt,
    pictures: preview.references.map((r) => ({
      role: 'reference',
      assetId: r.assetId,
      name: r.name ?? null,
      path: pathOf(snapshot, r.assetId),
    })),
    problem: null,
  };
}

export function videoSentView(preview: MethodOutput<'preview.video'>, snapshot: ProjectSnapshot): SentRequestView {
  return {
    provider: preview.provider,
    model: preview.model,
    prompt: preview.prompt,
    pictures: preview.pictures.map((p) => ({
      role: p.role,
      assetId: p.assetId,
      name: p.name ?? null,
      path: pathOf(snapshot, p.assetId),
    })),
    problem: preview.problem,
  };
}
