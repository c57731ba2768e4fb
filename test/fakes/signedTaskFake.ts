/**
 * The shared core of the hand-routed task fakes whose outputs are signed links (Runway, Luma,
 * Luma Agents): a 127.0.0.1 server that records every request, serves the signed output
 * downloads first (a CDN: no key, no throttle; 403 when expired, stale or not a task it made),
 * then lets the fake answer its key check and any route needing no key, then applies the
 * throttle (429 + Retry-After), then the fake's API routes. It counts creates (late with
 * `countDelayMs`, for kill tests) and numbers output signatures. Each fake keeps its provider's
 * routes, bodies and rules.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { countCreate, throttled, type SignedOutputModes } from './fakeModes.js';
import { listenLocal, recordRequest, sendJson, sendSignedOutput, type RoutedRequest } from './recordingHttp.js';

/** One request as a fake's routes see it; `text` is the raw body (an upload's). */
export interface SignedTaskCall {
  req: IncomingMessage;
  res: ServerResponse;
  rec: RoutedRequest;
  text: string;
}

export interface SignedTaskServer<B extends SignedOutputModes> {
  /** The API base to configure: the origin and the fake's base path. */
  url: string;
  origin: string;
  requests: RoutedRequest[];
  /** Creates counted (a dropped or late-counted one too, as the fake says). */
  readonly creates: number;
  behaviour: B;
  set(b: Partial<B>): void;
  /** Counts a create: at once when `cut` (its answer never goes out), else as `countCreate` (fakeModes.ts). */
  created(cut?: boolean): void;
  /** The next output signature (each read of a finished task signs afresh, as the real APIs' links). */
  sign(): number;
  close(): Promise<void>;
}

export interface SignedTaskRoutes {
  /** The signed output download path, the task's id in group 1. */
  output: RegExp;
  /** The clip an output download serves. */
  clip: string;
  /** Did the fake make this task? A link to any other answers 403 like an expired one. */
  made(id: string): boolean;
  /** The provider's 403 body for an expired link and its 429 body while throttled. */
  expired: unknown;
  throttled: unknown;
  /** The key check and any route that needs no key (answered before the throttle); true when it answered. */
  gate(call: SignedTaskCall): boolean;
  /** The API's routes. */
  route(call: SignedTaskCall): void | Promise<void>;
}

export async function startSignedTaskServer<B extends SignedOutputModes>(
  behaviour: B,
  base: string,
  routes: SignedTaskRoutes,
): Promise<SignedTaskServer<B>> {
  const requests: RoutedRequest[] = [];
  let creates = 0;
  let signed = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { rec, text } = await recordRequest(req, requests);
    const call = { req, res, rec, text };
    const out = routes.output.exec(rec.path);
    if (out) return sendSignedOutput(res, rec, behaviour, routes.made(out[1]!), routes.clip, routes.expired);
    if (routes.gate(call)) return;
    const wait = throttled(behaviour);
    if (wait) return sendJson(res, rec, 429, routes.throttled, wait);
    return routes.route(call);
  };
  const local = await listenLocal(handle);
  const server: SignedTaskServer<B> = {
    url: `${local.origin}${base}`,
    origin: local.origin,
    requests,
    get creates() {
      return creates;
    },
    behaviour,
    set(b) {
      Object.assign(behaviour, b);
    },
    created(cut = false) {
      if (cut) creates++;
      else countCreate(behaviour, () => creates++);
    },
    sign: () => ++signed,
    close: local.close,
  };
  return server;
}
