/**
 * Finds a Replicate prediction whose create answer was lost (reconcileList.ts has the rules).
 * GET /v1/predictions (SDK `predictions.list`) answers `{next, previous, results}`: 100 per page,
 * "sorted with the most recent prediction first", predictions made through the API and the
 * website, each with `model`, `input`, `created_at` and `data_removed`; the SDK's `paginate`
 * follows `next` (replicate 1.4 index.js). Ours = same model, the exact prompt and every other
 * plain input we sent (duration, aspect_ratio, resolution, seed...) echoed equal; pictures are
 * not compared (Replicate may echo them as its own URLs). An input Replicate has removed
 * (`data_removed`, API predictions after an hour) cannot be told apart: the job stays unknown.
 */
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import type { Job } from '../../../../../shared/model/entities.js';
import { catalogueModel } from '../catalogue.js';
import { reconcileFromList, timeMs, type ListedTask, type Reconciled } from '../reconcileList.js';
import { REPLICATE_CATALOGUE, replicateInput, type ReplicateModel } from './models.js';

export interface ReplicateListed {
  id?: string;
  model?: string;
  input?: Record<string, unknown> | null;
  data_removed?: boolean;
  created_at?: string;
}

export interface ReplicateListPage {
  results?: ReplicateListed[];
  next?: string | null;
}

const PICTURE = '\u0000picture';

/**
 * The plain (non-picture, non-clip) input fields the create for this job sent, with the media
 * chosen as submit chooses them (replicate.ts): a restyle's clip first (then no frames or
 * references), else the frames, else the references. Leaving the clip out made Aleph's input
 * throw and Kling Omni's look like a text request, so a restyle whose answer was lost was
 * never found again (a paid result lost).
 */
export function sentPlainInput(m: ReplicateModel, req: GenerationRequest): Record<string, unknown> {
  const video = req.sourceVideo && m.videoInput ? PICTURE : undefined;
  const first = req.firstFrame && !video ? PICTURE : undefined;
  const last = req.lastFrame && !video ? PICTURE : undefined;
  const refs = !first && !last && !video ? (req.references ?? []).slice(0, m.referenceImagesMax) : [];
  const input = replicateInput(m, req, {
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
    ...(video ? { video } : {}),
    references: refs.map(() => PICTURE),
  });
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== PICTURE && !(Array.isArray(v) && v.includes(PICTURE))),
  );
}

export function replicateIsOurs(p: ReplicateListed, modelId: string, sent: Record<string, unknown>): boolean | null {
  if (p.model !== undefined && p.model !== modelId) return false;
  const input = p.input;
  if (p.data_removed || !input || typeof input.prompt !== 'string' || p.model === undefined) return null;
  for (const [k, v] of Object.entries(sent)) if (input[k] !== v) return false;
  return true;
}

/**
 * `first()` reads the first page, `next(url)` a following one; a `next` on another origin than
 * the first page's is not followed (our key would go there).
 */
export async function reconcileReplicate(
  job: Job,
  first: () => Promise<ReplicateListPage>,
  next: (url: string) => Promise<ReplicateListPage>,
  known?: ReadonlySet<string>,
): Promise<Reconciled> {
  const req = job.request as unknown as GenerationRequest;
  if (typeof req?.prompt !== 'string') return null;
  let m: ReplicateModel;
  try {
    m = catalogueModel(REPLICATE_CATALOGUE, req);
  } catch {
    return null;
  }
  const sent = sentPlainInput(m, req);
  let following: string | null = null;
  return reconcileFromList({
    job,
    ...(known ? { known } : {}),
    newestFirst: true,
    page: async (i) => {
      if (i > 0 && !following) return { tasks: [], last: true };
      const res = i === 0 ? await first() : await next(following as string);
      following = typeof res.next === 'string' && res.next ? res.next : null;
      const tasks: ListedTask[] = (res.results ?? [])
        .filter((p) => typeof p.id === 'string')
        .map((p) => ({ id: p.id as string, createdAtMs: timeMs(p.created_at), ours: replicateIsOurs(p, m.id, sent) }));
      return { tasks, last: following === null };
    },
  });
}
