/**
 * The per-model request table every adapter is held to: one shot of each kind (text, first
 * frame, first + last, references, extend, camera move) per model, sent through the adapter to
 * its STRICT fake. Each cell is what happened:
 *   'sent'     the fake (the provider's own rules) accepted the create;
 *   'refused'  the adapter refused before sending anything (INVALID_INPUT, a clear sentence);
 *   'REJECTED: <reason>'  the adapter sent something the provider refuses — always a bug.
 * Tests compare the whole table with the expected one, so a model that silently changes from
 * sending to refusing (or the reverse) fails too.
 */
import type { GenerationRequest } from '../../shared/generation/request.js';
import { AppError } from '../../shared/errors.js';
import { FIRST_FRAME, genRequest } from '../fakes/providerRequest.js';
import { realMedia } from './realMedia.js';

export const SCENARIOS = ['text', 'firstFrame', 'firstLast', 'references', 'extend', 'camera'] as const;
/** With a take's clip to restyle (`sourceVideo`): run only for providers with video-to-video models. */
export const VIDEO_SCENARIOS = [...SCENARIOS, 'video'] as const;
export type Scenario = (typeof VIDEO_SCENARIOS)[number];
export type Outcome = 'sent' | 'refused' | `REJECTED: ${string}`;
export type RequestTable = Record<string, Record<Scenario, Outcome>>;

const frame = { assetId: 'a1', path: FIRST_FRAME };
const references = [
  { assetId: 'e1', path: FIRST_FRAME, kind: 'character' as const, name: 'Mia' },
  { assetId: 'e2', path: FIRST_FRAME, kind: 'location' as const, name: 'Camp' },
];

/** The request of one cell (extend needs the provider's handle of a clip it made). */
export function scenarioRequest(
  scenario: Scenario,
  model: string,
  provider: string,
  extendRef: string | null,
  patch: Partial<GenerationRequest> = {},
): GenerationRequest {
  // patch.sourceVideo is the clip the video scenario restyles (default: the real 8 fps AI clip).
  const { sourceVideo: clip, ...rest } = patch;
  const base = genRequest({ model, ...rest });
  switch (scenario) {
    case 'text':
      return base;
    case 'firstFrame':
      return { ...base, firstFrame: frame };
    case 'firstLast':
      return { ...base, firstFrame: frame, lastFrame: frame };
    case 'references':
      return { ...base, references };
    case 'camera':
      return { ...base, camera: 'push_in' };
    case 'video':
      return {
        ...base,
        sourceVideo: clip ?? {
          takeId: 't-src',
          assetId: 'v1',
          path: realMedia('ai-clip-horse-720x480-8fps.mp4'),
          durationSec: 5,
        },
      };
    case 'extend':
      return {
        ...base,
        extend: { takeId: 't-src', provider, model, ref: extendRef ?? 'no-source-clip', durationSec: 5 },
      };
  }
}

export interface TableRig {
  provider: string;
  submit(req: GenerationRequest, jobId: string): Promise<unknown>;
  /** Create requests the fake has received (accepted or not). */
  received(): number;
  /** Creates the fake accepted. */
  accepted(): number;
  /** The handle of a clip this model made, for the extend cell (null: none can be made). */
  extendRef?(model: string): Promise<string | null>;
  /** Per-provider changes to every request (e.g. a size the provider needs). */
  patch?: Partial<GenerationRequest>;
  /**
   * The last create request the fake received (its path and parsed body). With it, every 'sent'
   * cell's body is recorded into `bodies` (normalised by recordedBody) for a snapshot.
   */
  lastCreate?(): { path: string; body?: unknown } | undefined;
  bodies?: BodyTable;
  /** With it, every 'refused' cell's user-facing sentence is recorded (model -> scenario -> sentence). */
  refusals?: RefusalTable;
}

/** The sentence the adapter refused each 'refused' cell with, before sending anything. */
export type RefusalTable = Record<string, Partial<Record<Scenario, string>>>;

/** What each 'sent' cell put on the wire: model -> scenario -> "POST path" and body. */
export type BodyTable = Record<string, Partial<Record<Scenario, { path: string; body: unknown }>>>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A request body as the snapshot keeps it: pictures and long encoded strings become their kind and
 * size, the fake's local address becomes http://fake, random ids <uuid> or <id>, today's date (in the
 * fake's upload paths) <date>, so the snapshot does not change at midnight; everything else (model
 * ids, durations, modes, the prompt with its camera sentence) stays as sent.
 */
export function recordedBody(v: unknown): unknown {
  if (typeof v === 'string') {
    const data = /^data:([^;,]+)[^,]*,(.*)$/s.exec(v);
    if (data) return `<data:${data[1]} ${data[2]?.length ?? 0} chars>`;
    if (v.length > 300 && /^[A-Za-z0-9+/=\s]+$/.test(v)) return `<base64 ${v.length} chars>`;
    return v
      .replace(/https?:\/\/(127\.0\.0\.1|localhost):\d+/g, 'http://fake')
      .replace(UUID, '<uuid>')
      .replace(/\/\d{4}-\d{2}-\d{2}\//g, '/<date>/')
      .replace(/\/files\/[a-z0-9]{8,}/g, '/files/<id>');
  }
  if (Array.isArray(v)) return v.map(recordedBody);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, recordedBody(x)]));
  return v;
}

export async function requestTable(
  models: readonly string[],
  rig: TableRig,
  scenarios: readonly Scenario[] = SCENARIOS,
): Promise<RequestTable> {
  const table: RequestTable = {};
  let n = 0;
  for (const model of models) {
    const row = {} as Record<Scenario, Outcome>;
    for (const scenario of scenarios) {
      const ref = scenario === 'extend' && rig.extendRef ? await rig.extendRef(model) : null;
      const req = scenarioRequest(scenario, model, rig.provider, ref, rig.patch);
      const [received, accepted] = [rig.received(), rig.accepted()];
      try {
        await rig.submit(req, `job-table-${n++}`);
        row[scenario] = rig.accepted() > accepted ? 'sent' : 'REJECTED: no task was created';
        const sent = row[scenario] === 'sent' ? rig.lastCreate?.() : undefined;
        if (sent && rig.bodies)
          (rig.bodies[model] ??= {})[scenario] = {
            path: recordedBody(sent.path) as string,
            body: recordedBody(sent.body),
          };
      } catch (err) {
        if (rig.received() > received)
          row[scenario] = rig.accepted() > accepted ? 'sent' : `REJECTED: ${(err as Error).message}`;
        else if (err instanceof AppError && err.code === 'INVALID_INPUT') {
          row[scenario] = 'refused';
          if (rig.refusals) (rig.refusals[model] ??= {})[scenario] = err.message;
        } else throw err;
      }
    }
    table[model] = row;
  }
  return table;
}

/** Shorthand for expected rows: the scenarios a model sends; every other one (of `of`) it refuses. */
export function sends(...sent: Scenario[]): Record<Scenario, Outcome> {
  return sendsOf(SCENARIOS, ...sent);
}

export function sendsOf(of: readonly Scenario[], ...sent: Scenario[]): Record<Scenario, Outcome> {
  return Object.fromEntries(of.map((s) => [s, sent.includes(s) ? 'sent' : 'refused'])) as Record<Scenario, Outcome>;
}
