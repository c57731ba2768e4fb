/**
 * The AI breakdown's pure parts: the zod schema (what passes, which field a mismatch names), the
 * JSON Schema sent in strict mode (every property required, no extra ones, the same
 * vocabularies), the request per preset (json_schema vs json_object, "JSON" and the example in
 * the prompt, max_tokens where asked), reading answers (refusal, content filter, cut off,
 * fenced JSON) and the word diff of the enhancer.
 */
import { describe, expect, it } from 'vitest';
import { CAMERA_MOVES, SHOT_SIZES } from '../../../shared/model/entities.js';
import { BREAKDOWN_JSON_SCHEMA, BreakdownSchema, fieldPath } from '../../../shared/breakdown/schema.js';
import { breakdownProposal, breakdownRequest } from '../../../shared/breakdown/breakdown.js';
import { answerText, httpError, validatedAnswer } from '../../../shared/breakdown/chat.js';
import { LLM_PRESETS, chatCompletionsUrl } from '../../../shared/breakdown/presets.js';
import { enhanceRequest, promptStyle, wordDiff } from '../../../shared/breakdown/enhance.js';
import { ScriptProposalSchema } from '../../../shared/script/proposal.js';
import type { AppError } from '../../../shared/errors.js';

const shot = {
  title: 'A',
  shotSize: 'medium',
  cameraMove: 'static',
  durationSec: 4,
  prompt: 'A woman at a window.',
  elements: [{ name: 'Mara', kind: 'character' }],
  dialogue: [{ speaker: 'Mara', text: 'Hello.' }],
};
const valid = { title: 'T', scenes: [{ heading: 'INT. ROOM - DAY', shots: [shot] }] };

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a throw');
}

describe('breakdown schema', () => {
  it('accepts a valid breakdown and rejects values outside the vocabularies, naming the field', () => {
    expect(BreakdownSchema.safeParse(valid).success).toBe(true);
    const bad = structuredClone(valid);
    (bad.scenes[0]!.shots[0] as Record<string, unknown>).shotSize = 'cowboy';
    const r = BreakdownSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(fieldPath(r.error!.issues[0]!.path)).toBe('scenes[0].shots[0].shotSize');
    for (const [field, value] of [
      ['durationSec', 0],
      ['durationSec', 61],
      ['prompt', ''],
      ['dialogue', [{ speaker: 'X' }]],
    ] as const) {
      const b = structuredClone(valid);
      (b.scenes[0]!.shots[0] as Record<string, unknown>)[field] = value;
      expect(BreakdownSchema.safeParse(b).success, field).toBe(false);
    }
    expect(BreakdownSchema.safeParse({ title: 'T', scenes: [] }).success).toBe(false);
  });

  it('the JSON Schema is strict-mode shaped and uses the same vocabularies', () => {
    const shotSchema = BREAKDOWN_JSON_SCHEMA.properties.scenes.items.properties.shots.items;
    expect(shotSchema.additionalProperties).toBe(false);
    expect([...shotSchema.required].sort()).toEqual(Object.keys(shotSchema.properties).sort());
    expect(shotSchema.properties.shotSize.enum).toEqual([...SHOT_SIZES]);
    expect(shotSchema.properties.cameraMove.enum).toEqual([...CAMERA_MOVES]);
    expect(Object.keys(shotSchema.properties).sort()).toEqual(
      Object.keys(BreakdownSchema.shape.scenes.element.shape.shots.element.shape).sort(),
    );
  });
});

describe('breakdown request', () => {
  it('OpenAI and Ollama get the enforced json_schema; DeepSeek and Qwen JSON mode with max_tokens', () => {
    const req = (id: keyof typeof LLM_PRESETS) =>
      breakdownRequest({ preset: LLM_PRESETS[id], model: 'm', script: 'INT. ROOM', existingCharacters: ['小李'] });
    const openai = req('openai');
    expect(openai.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'storyboard_breakdown', strict: true, schema: BREAKDOWN_JSON_SCHEMA },
    });
    expect(openai.max_tokens).toBeUndefined();
    expect(req('ollama').response_format.type).toBe('json_schema');
    const deepseek = req('deepseek');
    expect(deepseek.response_format).toEqual({ type: 'json_object' });
    expect(deepseek.max_tokens).toBe(8192);
    expect(req('qwen').response_format).toEqual({ type: 'json_object' });
    const system = deepseek.messages[0]!.content;
    // DeepSeek's JSON Output needs the word "json" and an example of the shape in the prompt.
    expect(system).toMatch(/JSON/u);
    expect(system).toContain('"shotSize":"medium"');
    expect(system).toContain(SHOT_SIZES.join(', '));
    expect(system).toContain(CAMERA_MOVES.join(', '));
    expect(system).toContain('use exactly these names for them: 小李');
    expect(deepseek.messages[1]).toEqual({
      role: 'user',
      content: 'Break this script down into shots (JSON):\n\nINT. ROOM',
    });
    expect(deepseek).toMatchObject({ model: 'm', stream: false, temperature: 0.2 });
  });

  it('joins base URLs with or without a trailing slash', () => {
    expect(chatCompletionsUrl('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl(LLM_PRESETS.deepseek.baseUrl)).toBe('https://api.deepseek.com/chat/completions');
    expect(LLM_PRESETS.ollama.baseUrl).toBe('http://localhost:11434/v1');
  });
});

describe('reading answers', () => {
  const answer = (message: Record<string, unknown>, finish = 'stop') => ({
    choices: [{ message, finish_reason: finish }],
  });
  it('a refusal, a content filter, a cut-off answer and an empty one are each their own message', () => {
    expect(thrown(() => answerText(answer({ content: null, refusal: 'No.' }), 'e')).details?.messageKey).toBe(
      'svc.breakdown.refused',
    );
    expect(thrown(() => answerText(answer({ content: '' }, 'content_filter'), 'e')).details?.messageKey).toBe(
      'svc.breakdown.filtered',
    );
    expect(thrown(() => answerText(answer({ content: '{"a":' }, 'length'), 'e')).details?.messageKey).toBe(
      'svc.breakdown.truncated',
    );
    expect(thrown(() => answerText(answer({ content: '  ' }), 'e')).details?.messageKey).toBe('svc.breakdown.empty');
    expect(thrown(() => answerText({ object: 'list' }, 'e')).details?.messageKey).toBe('svc.breakdown.notChat');
    expect(answerText(answer({ content: ' {"x":1} ' }), 'e')).toBe('{"x":1}');
  });

  it('takes JSON out of a ```json fence; not JSON and schema mismatches say what and where', () => {
    expect(validatedAnswer('```json\n' + JSON.stringify(valid) + '\n```', BreakdownSchema).title).toBe('T');
    expect(thrown(() => validatedAnswer('Here you go: {', BreakdownSchema)).details).toMatchObject({
      messageKey: 'svc.breakdown.invalidJson',
      start: 'Here you go: {',
    });
    const e = thrown(() =>
      validatedAnswer(JSON.stringify({ title: 'T', scenes: [{ heading: null }] }), BreakdownSchema),
    );
    expect(e.details).toMatchObject({ messageKey: 'svc.breakdown.schemaMismatch', field: 'scenes[0].shots' });
  });

  it('HTTP errors quote the OpenAI-style error message', () => {
    const ctx = { endpoint: 'http://x/v1/chat/completions', model: 'm' };
    expect(httpError(401, { error: { message: 'bad key' } }, ctx).details).toMatchObject({
      messageKey: 'svc.breakdown.auth',
      detail: 'bad key',
    });
    expect(httpError(404, { error: { message: 'model "m" not found' } }, ctx).details?.messageKey).toBe(
      'svc.breakdown.notFound',
    );
    expect(httpError(429, {}, ctx).details).toMatchObject({
      messageKey: 'svc.breakdown.rateLimited',
      detail: 'HTTP 429',
    });
    expect(httpError(502, 'Bad gateway', ctx).message).toBe('http://x/v1/chat/completions answered HTTP 502: HTTP 502');
  });
});

describe('breakdown proposal', () => {
  it('is a valid script proposal: characters merged by name, narrator lines unassigned, other elements in notes', () => {
    const b = BreakdownSchema.parse({
      title: 'T',
      scenes: [
        {
          heading: null,
          shots: [
            { ...shot, elements: [...shot.elements, { name: 'Lamp', kind: 'prop' }] },
            {
              ...shot,
              dialogue: [
                { speaker: 'Narrator', text: 'Later.' },
                { speaker: 'BOB', text: 'Hi.' },
              ],
            },
          ],
        },
      ],
    });
    const p = breakdownProposal(b, {
      fileName: 'x.txt',
      elements: [{ id: '00000000-0000-4000-8000-000000000001', name: 'Mara', tag: '@Mara', kind: 'character' }],
    });
    expect(ScriptProposalSchema.safeParse(p).success).toBe(true);
    expect(p.characters).toEqual([
      { key: 'MARA', name: 'Mara', existingId: '00000000-0000-4000-8000-000000000001', lines: 1 },
      { key: 'BOB', name: 'Bob', existingId: null, lines: 1 },
    ]);
    expect(p.scenes[0]!.shots[0]!.notes).toBe('Elements: Lamp (prop)');
    expect(p.scenes[0]!.shots[1]!.dialogue.map((l) => l.speaker)).toEqual([null, 'BOB']);
    expect(p.scenes[0]!.shots[1]!.characters).toEqual(['MARA', 'BOB']);
  });
});

describe('prompt enhancer', () => {
  it('asks in the provider style, within its limit; unknown providers get the general style', () => {
    const r = enhanceRequest({
      preset: LLM_PRESETS.openai,
      model: 'm',
      providerId: 'runway',
      providerLabel: 'Runway',
      shot: { prompt: 'p', shotSize: 'wide', camera: 'pan_left', durationSec: 5, dialogue: ['Mara: Hi.'] },
    });
    expect(r.messages[0]!.content).toContain('positive phrasing');
    expect(r.messages[0]!.content).toContain('at most 1000 characters');
    expect(r.messages[1]!.content).toContain('Camera move: pan_left');
    expect(r.messages[1]!.content).toContain('Dialogue: Mara: Hi.');
    expect(r.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'enhanced_prompt' } });
    expect(promptStyle('minimax').guide).toContain('[Push in]');
    expect(promptStyle('animatic').maxChars).toBe(2000);
  });

  it('word diff: same, deleted and added runs, Han characters one by one', () => {
    expect(wordDiff('a red car drives', 'a blue car drives fast')).toEqual([
      { op: 'same', text: 'a ' },
      { op: 'del', text: 'red' },
      { op: 'add', text: 'blue' },
      { op: 'same', text: ' car drives' },
      { op: 'add', text: ' fast' },
    ]);
    expect(wordDiff('小李走进', '小李跑进')).toEqual([
      { op: 'same', text: '小李' },
      { op: 'del', text: '走' },
      { op: 'add', text: '跑' },
      { op: 'same', text: '进' },
    ]);
  });

  it('word diff of texts too long for the LCS table: the two texts whole, quickly', () => {
    const before = '镜'.repeat(20_000);
    const after = 'A slow push-in. '.repeat(200);
    expect(wordDiff(before, after)).toEqual([
      { op: 'del', text: before },
      { op: 'add', text: after },
    ]);
    expect(wordDiff(before, before)).toEqual([{ op: 'same', text: before }]);
    // Just under the bound the real diff still runs.
    const words = 'word '.repeat(900);
    expect(wordDiff(words, `${words}end`)).toEqual([
      { op: 'same', text: words },
      { op: 'add', text: 'end' },
    ]);
  });
});
