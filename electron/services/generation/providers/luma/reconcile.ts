/**
 * Finds a Luma generation whose create answer was lost (reconcileList.ts has the rules).
 * GET /generations?limit&offset (lumaai `generations.list`) answers
 * `{generations, count, has_more, limit, offset}`, newest first (the Dream Machine OpenAPI spec,
 * https://github.com/lumalabs/lumaai-api/blob/main/openapi.yaml, ListGenerationResponse
 * `order: descending`), and each generation echoes its `request` (prompt, aspect_ratio, ...),
 * `model` and `created_at`. Ours = same model and the exact prompt we sent, and no other echoed
 * setting that differs. Luma takes no seed or client id, so two generations of the same prompt
 * in the window (a regenerated shot) leave the job for the user.
 */
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import type { Job } from '../../../../../shared/model/entities.js';
import { reconcileFromList, timeMs, type ListedTask, type Reconciled } from '../reconcileList.js';
import { buildLumaCreate } from './body.js';

export interface LumaListed {
  id?: string;
  model?: string;
  generation_type?: string;
  created_at?: string;
  request?: Record<string, unknown> | null;
}

export interface LumaListPage {
  generations?: LumaListed[];
  has_more?: boolean;
}

const PAGE = 50;
const COMPARED = ['aspect_ratio', 'resolution', 'duration'] as const;

/** Whether a listed generation is the one this body created (null: it does not echo enough). */
export function lumaIsOurs(g: LumaListed, body: Record<string, unknown>): boolean | null {
  if (g.generation_type && g.generation_type !== 'video') return false;
  const r = g.request;
  const model = g.model ?? (typeof r?.model === 'string' ? r.model : undefined);
  if (!r || typeof r.prompt !== 'string' || model === undefined) return null;
  if (model !== body.model || r.prompt !== body.prompt) return false;
  for (const k of COMPARED) if (r[k] !== undefined && r[k] !== body[k]) return false;
  const sentFrom = (body.keyframes as { frame0?: { id?: string } } | undefined)?.frame0?.id;
  const echoedFrom = (r.keyframes as { frame0?: { id?: string } } | undefined)?.frame0?.id;
  if ((sentFrom ?? null) !== (echoedFrom ?? null))
    return r.keyframes === undefined && sentFrom !== undefined ? null : false;
  return true;
}

export async function reconcileLuma(
  job: Job,
  list: (q: { limit: number; offset: number }) => Promise<LumaListPage>,
  known?: ReadonlySet<string>,
): Promise<Reconciled> {
  const req = job.request as unknown as GenerationRequest;
  if (typeof req?.prompt !== 'string') return null;
  let body: Record<string, unknown>;
  try {
    body = buildLumaCreate(req, req.extend ? { extendFrom: req.extend.ref } : {});
  } catch {
    return null; // a request Luma would have refused was never created; the user decides
  }
  return reconcileFromList({
    job,
    ...(known ? { known } : {}),
    newestFirst: true,
    page: async (i) => {
      const res = await list({ limit: PAGE, offset: i * PAGE });
      const gens = res.generations ?? [];
      const tasks: ListedTask[] = gens
        .filter((g) => typeof g.id === 'string')
        .map((g) => ({ id: g.id as string, createdAtMs: timeMs(g.created_at), ours: lumaIsOurs(g, body) }));
      return { tasks, last: res.has_more === false || (res.has_more === undefined && gens.length < PAGE) };
    },
  });
}
