/**
 * A fake OpenAI-compatible chat endpoint (POST /v1/chat/completions) on 127.0.0.1, for the AI
 * breakdown and the prompt enhancer. Real HTTP; every request is recorded and announced on
 * `events` ('request'), so a test waits on the request arriving instead of sleeping.
 * Modes: a valid breakdown (or enhanced prompt), an answer that is not JSON, JSON outside the
 * schema, a refusal (`message.refusal`), a content-filter stop, an HTTP error body, and `hang`
 * (the request is held open and never answered, for the client's timeout).
 * Answer shapes: https://platform.openai.com/docs/api-reference/chat/object (choices[].message
 * {content, refusal}, finish_reason); errors `{error: {message, type, code}}`.
 */
import { EventEmitter } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './recordingHttp.js';

export type ChatFakeMode =
  'valid' | 'invalidJson' | 'schemaMismatch' | 'refusal' | 'contentFilter' | 'hang' | 'http401' | 'http500';

export interface ChatRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown> | null;
}

/** The breakdown the fake answers in `valid` mode: 2 scenes, 3 shots, 2 characters, 3 lines. */
export const FAKE_BREAKDOWN = {
  title: 'Night Shift',
  scenes: [
    {
      heading: 'INT. DINER - NIGHT',
      shots: [
        {
          title: 'Mara wipes the counter',
          shotSize: 'wide',
          cameraMove: 'push_in',
          durationSec: 4,
          prompt: 'An empty neon-lit diner at night; a tired waitress wipes the counter, rain streaks the window.',
          elements: [
            { name: 'Mara', kind: 'character' },
            { name: 'Diner', kind: 'location' },
          ],
          dialogue: [],
        },
        {
          title: 'Joe at the door',
          shotSize: 'close_up',
          cameraMove: 'static',
          durationSec: 5.5,
          prompt: 'A soaked man in a grey coat stands in the doorway, water dripping from his hat.',
          elements: [{ name: 'Joe', kind: 'character' }],
          dialogue: [
            { speaker: 'JOE', text: 'Still open?' },
            { speaker: 'Mara', text: 'We close at two.' },
          ],
        },
      ],
    },
    {
      heading: 'EXT. STREET - NIGHT',
      shots: [
        {
          title: 'The empty street',
          shotSize: 'extreme_wide',
          cameraMove: 'pan_left',
          durationSec: 3,
          prompt: 'The wet street outside the diner, a lone car passes under flickering lights.',
          elements: [],
          dialogue: [{ speaker: null, text: 'Nobody came back that night.' }],
        },
      ],
    },
  ],
};

export interface ChatFake {
  url: string;
  /** The base URL a client is configured with (…/v1). */
  baseUrl: string;
  mode: ChatFakeMode;
  /** The `prompt` answered to an enhance request in `valid` mode. */
  enhanced: string;
  requests: ChatRequest[];
  events: EventEmitter;
  /** Resolves with the next request that arrives (already-arrived ones do not count). */
  nextRequest(): Promise<ChatRequest>;
  close(): Promise<void>;
}

function completion(message: Record<string, unknown>, finishReason = 'stop'): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', refusal: null, ...message }, finish_reason: finishReason }],
  };
}

function isEnhance(body: Record<string, unknown> | null): boolean {
  const rf = body?.response_format as { json_schema?: { name?: string } } | undefined;
  if (rf?.json_schema?.name) return rf.json_schema.name === 'enhanced_prompt';
  const messages = (body?.messages ?? []) as { content?: string }[];
  return messages.some(
    (m) => typeof m.content === 'string' && m.content.includes('"prompt": "<the rewritten prompt>"'),
  );
}

export async function startChatFake(mode: ChatFakeMode = 'valid'): Promise<ChatFake> {
  const events = new EventEmitter();
  const held: ServerResponse[] = [];
  const fake: Omit<ChatFake, 'url' | 'baseUrl' | 'close'> = {
    mode,
    enhanced:
      'Slow push-in on a tired waitress wiping the counter of an empty neon-lit diner at night, rain streaking the window.',
    requests: [],
    events,
    nextRequest: () => new Promise((resolve) => events.once('request', resolve)),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const { body } = await readBody(req);
      const rec: ChatRequest = { path: req.url ?? '/', headers: { ...req.headers }, body };
      fake.requests.push(rec);
      events.emit('request', rec);
      const send = (status: number, payload: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || rec.path !== '/v1/chat/completions')
        return send(404, { error: { message: `Unknown route ${rec.path}`, type: 'invalid_request_error' } });
      switch (fake.mode) {
        case 'hang':
          held.push(res);
          return;
        case 'http401':
          return send(401, {
            error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
          });
        case 'http500':
          return send(500, { error: { message: 'The server had an error.', type: 'server_error', code: null } });
        case 'refusal':
          return send(200, completion({ content: null, refusal: "I'm sorry, I can't help with that request." }));
        case 'contentFilter':
          return send(200, completion({ content: '' }, 'content_filter'));
        case 'invalidJson':
          return send(
            200,
            completion({ content: 'Sure! Here is your shot list: {"title": "Night Shift", "scenes": [' }),
          );
        case 'schemaMismatch': {
          const bad = structuredClone(FAKE_BREAKDOWN) as { scenes: { shots: Record<string, unknown>[] }[] };
          bad.scenes[0]!.shots[1]!.cameraMove = 'dolly_zoom';
          return send(200, completion({ content: JSON.stringify(bad) }));
        }
        case 'valid':
          return send(
            200,
            completion({
              content: JSON.stringify(isEnhance(body) ? { prompt: fake.enhanced } : FAKE_BREAKDOWN),
            }),
          );
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    url,
    baseUrl: `${url}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of held) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
