/**
 * Strict fakes of the cloud speech APIs on 127.0.0.1, written from their reference pages (cited
 * in electron/services/dialogue/speech/*.ts). Each refuses a request that is not the documented
 * shape (missing or extra fields, wrong auth) with the provider's own error form, knows a fixed
 * set of voice ids (an unknown one answers the provider's "voice not found"), records every
 * request and counts creates (paid requests). The audio is a real WAV/"mp3"-named WAV of a
 * tone as long as the text would take to say, so ffprobe and the export accept it.
 *   MiniMax async T2A: POST /v1/t2a_async_v2, GET /v1/query/t2a_async_query_v2, GET /v1/files/retrieve, CDN /cdn/<id>.
 *   ElevenLabs: POST /v1/text-to-speech/{voice_id}?output_format=...
 *   OpenAI-compatible: POST /v1/audio/speech.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal, readBody } from './recordingHttp.js';

export interface SpeechRecorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
  status: number;
}

export interface SpeechFake {
  url: string;
  apiKey: string;
  requests: SpeechRecorded[];
  /** Paid requests the fake accepted. */
  readonly creates: number;
  /** How long an async task runs before it succeeds (MiniMax). */
  runMs: number;
  /** Holds each accepted create's answer this long (a kill in between loses the answer). */
  createDelayMs: number;
  /** Holds each status query's answer this long (MiniMax): a kill in between finds the job as it was when the query left. */
  queryDelayMs: number;
  close(): Promise<void>;
}

/** A mono 16-bit WAV of a 220 Hz tone (speech-band energy), `sec` long. */
export function toneWav(sec: number, rate = 16_000): Buffer {
  const n = Math.max(1, Math.round(sec * rate));
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / rate)), 44 + i * 2);
  return b;
}

/** Seconds a text would take: 4 characters or 2.5 words a second, like the app's table. */
const speakSec = (text: string): number =>
  Math.max(0.6, /[一-龥]/.test(text) ? [...text].length / 4 : text.split(/\s+/).length / 2.5);

function onlyKeys(body: Record<string, unknown>, allowed: string[]): string | null {
  const extra = Object.keys(body).find((k) => !allowed.includes(k));
  return extra ? `unknown field "${extra}"` : null;
}

type Route = (
  rec: SpeechRecorded,
  req: IncomingMessage,
  reply: (status: number, body: unknown, headers?: Record<string, string>) => void,
  res: ServerResponse,
) => Promise<void> | void;

async function start(route: Route, apiKey: string): Promise<SpeechFake> {
  const requests: SpeechRecorded[] = [];
  const server = await listenLocal(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const { body } = await readBody(req, () => null);
    const rec: SpeechRecorded = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body,
      status: 0,
    };
    requests.push(rec);
    const reply = (status: number, out: unknown, headers: Record<string, string> = {}): void => {
      rec.status = status;
      if (Buffer.isBuffer(out)) {
        res.writeHead(status, { 'content-type': 'audio/wav', 'content-length': String(out.length), ...headers });
        res.end(out);
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(out));
    };
    await route(rec, req, reply, res);
  });
  const fake = {
    url: server.origin,
    apiKey,
    requests,
    creates: 0,
    runMs: 200,
    createDelayMs: 0,
    queryDelayMs: 0,
    close: server.close,
  };
  return fake;
}

// ---- MiniMax async T2A ----

const MINIMAX_VOICES = ['male-qn-qingse', 'female-shaonv', 'English_expressive_narrator', 'English_Graceful_Lady'];

export async function startFakeMinimaxSpeech(): Promise<SpeechFake> {
  const tasks = new Map<string, { createdAt: number; text: string }>();
  const base = (code: number, msg: string) => ({ base_resp: { status_code: code, status_msg: msg } });
  const fake: SpeechFake = await start(async (rec, _req, reply) => {
    if (rec.path.startsWith('/cdn/')) {
      const t = tasks.get(rec.path.slice(5).replace(/\.mp3$/, ''));
      return t ? reply(200, toneWav(speakSec(t.text))) : reply(404, { error: 'gone' });
    }
    // MiniMax answers HTTP 200 with base_resp for errors (minimax/http.ts).
    if (rec.headers.authorization !== `Bearer ${fake.apiKey}`) return reply(200, base(1004, 'token not match group'));
    if (rec.method === 'POST' && rec.path === '/v1/t2a_async_v2') {
      const b = rec.body ?? {};
      const problem =
        onlyKeys(b, [
          'model',
          'text',
          'text_file_id',
          'language_boost',
          'voice_setting',
          'audio_setting',
          'pronunciation_dict',
          'voice_modify',
        ]) ??
        (typeof b.model !== 'string'
          ? 'model is required'
          : typeof b.text !== 'string' || !b.text
            ? 'text is required'
            : null);
      if (problem) return reply(200, base(2013, `invalid params: ${problem}`));
      const vs = b.voice_setting as { voice_id?: unknown; speed?: unknown } | undefined;
      if (!vs || typeof vs.voice_id !== 'string')
        return reply(200, base(2013, 'invalid params: voice_setting.voice_id'));
      if (typeof vs.speed === 'number' && (vs.speed < 0.5 || vs.speed > 2))
        return reply(200, base(2013, 'invalid params: speed'));
      if (!MINIMAX_VOICES.includes(vs.voice_id)) return reply(200, base(2054, 'voice id not exist'));
      if ([...(b.text as string)].length > 50_000) return reply(200, base(2013, 'text too long'));
      const id = String(95_157_322_514_000 + tasks.size);
      tasks.set(id, { createdAt: Date.now(), text: b.text as string });
      (fake as { creates: number }).creates++;
      if (fake.createDelayMs > 0) await new Promise((r) => setTimeout(r, fake.createDelayMs));
      return reply(200, {
        task_id: Number(id),
        task_token: 'tok',
        file_id: Number(id) + 1,
        usage_characters: [...(b.text as string)].length,
        ...base(0, 'success'),
      });
    }
    if (rec.method === 'GET' && rec.path === '/v1/query/t2a_async_query_v2') {
      const t = tasks.get(rec.query.task_id ?? '');
      if (!t) return reply(200, base(2013, 'task not found'));
      if (fake.queryDelayMs > 0) await new Promise((r) => setTimeout(r, fake.queryDelayMs));
      const done = Date.now() - t.createdAt >= fake.runMs;
      return reply(200, {
        task_id: Number(rec.query.task_id),
        status: done ? 'Success' : 'Processing',
        file_id: Number(rec.query.task_id) + 1,
        ...base(0, 'success'),
      });
    }
    if (rec.method === 'GET' && rec.path === '/v1/files/retrieve') {
      const id = String(Number(rec.query.file_id) - 1);
      if (!tasks.has(id)) return reply(200, base(2013, 'file not found'));
      return reply(200, {
        file: { file_id: Number(rec.query.file_id), download_url: `${fake.url}/cdn/${id}.mp3` },
        ...base(0, 'success'),
      });
    }
    return reply(404, base(1000, 'not found'));
  }, 'mm-speech-key');
  return fake;
}

// ---- ElevenLabs ----

const ELEVEN_VOICES = ['JBFqnCBsd6RMkjVDRZzb', '21m00Tcm4TlvDq8ikWAM'];

export async function startFakeElevenLabs(): Promise<SpeechFake> {
  const fake: SpeechFake = await start((rec, _req, reply) => {
    if (rec.headers['xi-api-key'] !== fake.apiKey)
      return reply(401, { detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
    const m = /^\/v1\/text-to-speech\/([^/]+)$/.exec(rec.path);
    if (rec.method !== 'POST' || !m) return reply(404, { detail: 'Not Found' });
    const b = rec.body ?? {};
    const problem =
      onlyKeys(b, ['text', 'model_id', 'language_code', 'voice_settings', 'seed', 'previous_text', 'next_text']) ??
      (typeof b.text !== 'string' || !b.text ? 'text is required' : null);
    if (problem) return reply(422, { detail: [{ msg: problem }] });
    const speed = (b.voice_settings as { speed?: number } | undefined)?.speed;
    if (speed !== undefined && (speed < 0.7 || speed > 1.2))
      return reply(400, { detail: { status: 'invalid_voice_settings', message: 'speed must be 0.7..1.2' } });
    if (!ELEVEN_VOICES.includes(decodeURIComponent(m[1] ?? '')))
      return reply(404, { detail: { status: 'voice_not_found', message: 'A voice with the voice_id was not found.' } });
    if (!/^mp3_/.test(rec.query.output_format ?? 'mp3_44100_128'))
      return reply(400, { detail: { status: 'invalid_output_format', message: 'bad format' } });
    (fake as { creates: number }).creates++;
    return reply(200, toneWav(speakSec(b.text as string)));
  }, 'el-key');
  return fake;
}

// ---- OpenAI-compatible /v1/audio/speech ----

const OPENAI_VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'onyx',
  'nova',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
];

export async function startFakeOpenAiSpeech(): Promise<SpeechFake> {
  const fake: SpeechFake = await start((rec, _req, reply) => {
    const err = (status: number, message: string) =>
      reply(status, { error: { message, type: 'invalid_request_error' } });
    if (rec.headers.authorization !== `Bearer ${fake.apiKey}`) return err(401, 'Incorrect API key provided.');
    if (rec.method !== 'POST' || rec.path !== '/v1/audio/speech') return err(404, 'Unknown route');
    const b = rec.body ?? {};
    const problem =
      onlyKeys(b, ['model', 'input', 'voice', 'instructions', 'response_format', 'speed', 'stream_format']) ??
      (typeof b.model !== 'string'
        ? "'model' is required"
        : typeof b.input !== 'string' || !b.input
          ? "'input' is required"
          : null);
    if (problem) return err(400, problem);
    if ([...(b.input as string)].length > 4096) return err(400, "'input' is longer than 4096 characters");
    if (typeof b.speed === 'number' && (b.speed < 0.25 || b.speed > 4)) return err(400, "'speed' must be 0.25..4");
    if (!OPENAI_VOICES.includes(String(b.voice))) return err(400, `Invalid value for 'voice': '${String(b.voice)}'.`);
    (fake as { creates: number }).creates++;
    return reply(200, toneWav(speakSec(b.input as string)));
  }, 'oa-key');
  return fake;
}
