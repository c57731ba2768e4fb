/**
 * The AI breakdown and the prompt enhancer through the facade (dispatch, validation) against a
 * fake OpenAI-compatible server over real HTTP: a valid breakdown arrives as a script proposal
 * and `script.apply` adds it as ONE undo step; invalid JSON, a schema mismatch (naming the
 * field), a timeout (the fake never answers; the client's timeout is set low and the test waits
 * on the request event), a refusal, a content-filter stop, HTTP errors and an unreachable
 * endpoint are each a clear keyed message and leave the document exactly as it was.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract.js';
import type { SerializedError } from '../../../shared/errors.js';
import { createAppServices, type AppServices } from '../../../electron/services/app.js';
import { startChatFake, type ChatFake, type ChatFakeMode } from '../../fakes/openaiChat.js';
import { tempDir } from '../../helpers/tmp.js';

const SCRIPT = 'INT. DINER - NIGHT\n\nMara wipes the counter.\n\nJOE\nStill open?\n\nMARA\nWe close at two.\n';

let fake: ChatFake;
let s: AppServices;

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await dispatch(s.handlers, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as MethodOutput<M>;
}

async function failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<SerializedError> {
  const r = await dispatch(s.handlers, method, input);
  if (r.ok) throw new Error(`${method} succeeded; a failure was expected`);
  return r.error;
}

/** The document a user sees, without the volatile parts (no undo step may appear either). */
async function document(): Promise<string> {
  const snap = await call('project.current', {});
  return JSON.stringify(snap);
}

beforeEach(async () => {
  fake = await startChatFake('valid');
  const root = tempDir();
  s = createAppServices({ host: 'cli', configDir: join(root, 'config') });
  await call('project.create', { dir: join(root, 'Breakdown 分镜'), name: 'Breakdown', fps: '24', resolution: '720p' });
  await call('breakdown.updateSettings', { preset: 'custom', baseUrl: fake.baseUrl, model: 'fake-model' });
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await s.close();
  await fake.close();
});

describe('AI breakdown', () => {
  it('a valid answer becomes the review proposal, applied as one undo step', async () => {
    const before = await call('project.current', {});
    const proposal = await call('breakdown.propose', { text: SCRIPT, fileName: 'diner.fountain' });
    expect(proposal.format).toBe('ai');
    expect(proposal.scenes.map((sc) => sc.heading)).toEqual(['INT. DINER - NIGHT', 'EXT. STREET - NIGHT']);
    expect(proposal.characters.map((c) => [c.name, c.lines])).toEqual([
      ['Mara', 1],
      ['Joe', 1],
    ]);
    const close = proposal.scenes[0]!.shots[1]!;
    expect(close).toMatchObject({ shotSize: 'close_up', camera: 'static', durationSec: 5.5 });
    expect(close.dialogue.map((l) => [l.speaker, l.text])).toEqual([
      ['JOE', 'Still open?'],
      ['MARA', 'We close at two.'],
    ]);
    expect(proposal.scenes[0]!.shots[0]!.notes).toBe('Elements: Diner (location)');

    // The request: the configured model, JSON mode (a custom endpoint), the script as the user turn.
    const req = fake.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.body).toMatchObject({ model: 'fake-model', response_format: { type: 'json_object' }, stream: false });
    expect(JSON.stringify(req.body)).toContain('Mara wipes the counter.');
    // Proposing wrote nothing.
    expect(await call('project.current', {})).toEqual(before);

    const applied = await call('script.apply', { proposal });
    expect(applied.shots.map((sh) => [sh.shotSize, sh.camera, sh.durationFrames])).toEqual([
      ['wide', 'push_in', 96],
      ['close_up', 'static', 132],
      ['extreme_wide', 'pan_left', 72],
    ]);
    expect(applied.scenes.map((sc) => sc.heading)).toEqual(['INT. DINER - NIGHT', 'EXT. STREET - NIGHT']);
    expect(applied.elements.map((e) => e.name).sort()).toEqual(['Joe', 'Mara']);
    expect(applied.dialogueLines ?? []).toHaveLength(3);
    expect(applied.history.revision).toBe(before!.history.revision + 1);

    const undone = await call('history.undo', {});
    expect(undone.shots).toHaveLength(0);
    expect(undone.elements).toHaveLength(0);
    expect(undone.dialogueLines ?? []).toHaveLength(0);
  });

  const cases: [ChatFakeMode, string, RegExp][] = [
    ['invalidJson', 'svc.breakdown.invalidJson', /not valid JSON.*starts “Sure! Here is your shot list/u],
    [
      'schemaMismatch',
      'svc.breakdown.schemaMismatch',
      /does not fit the breakdown format at scenes\[0\]\.shots\[1\]\.cameraMove/u,
    ],
    ['refusal', 'svc.breakdown.refused', /The model refused: I'm sorry, I can't help with that request\./u],
    ['contentFilter', 'svc.breakdown.filtered', /content filter stopped the answer/u],
    ['http401', 'svc.breakdown.auth', /refused the API key \(HTTP 401: Incorrect API key provided\.\)/u],
    ['http500', 'svc.breakdown.http', /answered HTTP 500: The server had an error\./u],
  ];
  for (const [mode, key, message] of cases) {
    it(`${mode}: a clear message and no change`, async () => {
      fake.mode = mode;
      const before = await document();
      const err = await failure('breakdown.propose', { text: SCRIPT, fileName: 'diner.fountain' });
      expect(err.code).toBe('PROVIDER_FAILED');
      expect(err.details?.messageKey).toBe(key);
      expect(err.message).toMatch(message);
      expect(fake.requests).toHaveLength(1);
      expect(await document()).toBe(before);
    });
  }

  it('schema mismatch names the field and the problem in the translated parameters', async () => {
    fake.mode = 'schemaMismatch';
    const err = await failure('breakdown.propose', { text: SCRIPT, fileName: 'diner.fountain' });
    expect(err.details).toMatchObject({ field: 'scenes[0].shots[1].cameraMove' });
    expect(String(err.details?.problem)).toMatch(/static|push_in/u);
  });

  it('a timeout: the fake never answers, the configured timeout ends the request, nothing changes', async () => {
    fake.mode = 'hang';
    vi.stubEnv('STORYBOARD_LLM_TIMEOUT_MS', '400');
    const before = await document();
    const arrived = fake.nextRequest();
    const pending = failure('breakdown.propose', { text: SCRIPT, fileName: 'diner.fountain' });
    await arrived; // the request reached the server; now only the client's timeout can end it
    const err = await pending;
    expect(err.details?.messageKey).toBe('svc.breakdown.timeout');
    expect(err.message).toMatch(/did not answer within 0\.4 s; nothing was changed/u);
    expect(await document()).toBe(before);
  });

  it('an unreachable endpoint: says so with the address, nothing changes', async () => {
    const url = fake.baseUrl;
    await fake.close();
    const before = await document();
    const err = await failure('breakdown.propose', { text: SCRIPT, fileName: 'diner.fountain' });
    expect(err.details?.messageKey).toBe('svc.breakdown.unreachable');
    expect(err.message).toContain(`${url}/chat/completions could not be reached (ECONNREFUSED)`);
    expect(await document()).toBe(before);
  });

  it('CLI overrides (--llm, --model) go to that address; a saved key is never sent there', async () => {
    await call('breakdown.updateSettings', { preset: 'custom', baseUrl: 'http://127.0.0.1:9/v1' });
    const other = await startChatFake('valid');
    try {
      await call('breakdown.propose', { text: SCRIPT, fileName: 'x.txt', baseUrl: other.baseUrl, model: 'm2' });
      expect(other.requests[0]!.body).toMatchObject({ model: 'm2' });
      expect(other.requests[0]!.headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});

describe('prompt enhancer', () => {
  it('suggests a rewrite (nothing written) and applies it as one undo step', async () => {
    const added = await call('shots.add', { prompt: 'waitress wipes counter in diner' });
    const shotId = added.shotId;
    const before = await document();
    const { suggestions } = await call('breakdown.enhance', { shotIds: [shotId], provider: 'veo' });
    expect(suggestions).toEqual([{ shotId, before: 'waitress wipes counter in diner', after: fake.enhanced }]);
    expect(await document()).toBe(before);
    const sys = (fake.requests[0]!.body!.messages as { content: string }[])[0]!.content;
    expect(sys).toContain('video model Google Veo (Gemini API)');
    expect(sys).toContain('audio');

    const applied = await call('breakdown.applyPrompts', { prompts: suggestions });
    expect(applied.shots[0]!.prompt).toBe(fake.enhanced);
    const undone = await call('history.undo', {});
    expect(undone.shots[0]!.prompt).toBe('waitress wipes counter in diner');
  });

  it('refuses a suggestion whose shot was edited meanwhile, changing nothing', async () => {
    const added = await call('shots.add', { prompt: 'first' });
    const shotId = added.shotId;
    const { suggestions } = await call('breakdown.enhance', { shotIds: [shotId], provider: 'runway' });
    await call('shots.update', { shotId, patch: { prompt: 'edited by hand' } });
    const before = await document();
    const err = await failure('breakdown.applyPrompts', { prompts: suggestions });
    expect(err.details?.messageKey).toBe('svc.breakdown.promptChanged');
    expect(await document()).toBe(before);
  });

  it('a refusal while enhancing is a clear message and nothing changes', async () => {
    const added = await call('shots.add', { prompt: 'first' });
    fake.mode = 'refusal';
    const before = await document();
    const err = await failure('breakdown.enhance', { shotIds: [added.shotId], provider: 'kling' });
    expect(err.details?.messageKey).toBe('svc.breakdown.refused');
    expect(await document()).toBe(before);
  });
});
