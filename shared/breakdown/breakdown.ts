/**
 * The AI breakdown's request (system prompt + the script) and its answer turned into the same
 * reviewable proposal as the offline script import (shared/script/proposal.ts), so one review
 * and one `script.apply` (ONE undo step) serve both. Pure.
 */
import { CAMERA_MOVES, SHOT_SIZES, type Element } from '../model/entities.js';
import { MAX_LINES_PER_SHOT } from '../model/dialogue.js';
import { castOf } from '../script/cast.js';
import type { ProposedScene, ProposedShot, ScriptProposal } from '../script/proposal.js';
import { chatBody, type ChatRequestBody } from './chat.js';
import type { LlmPreset } from './presets.js';
import { BREAKDOWN_JSON_SCHEMA, type Breakdown } from './schema.js';

/** The largest script sent in one request (about 100 pages); longer ones are refused before sending. */
export const MAX_BREAKDOWN_CHARS = 200_000;

const EXAMPLE = {
  title: 'Night Shift',
  scenes: [
    {
      heading: 'INT. DINER - NIGHT',
      shots: [
        {
          title: 'Mara at the counter',
          shotSize: 'medium',
          cameraMove: 'push_in',
          durationSec: 4,
          prompt:
            'A tired waitress in a teal uniform wipes the counter of an empty neon-lit diner, rain on the window.',
          elements: [
            { name: 'Mara', kind: 'character' },
            { name: 'Diner', kind: 'location' },
          ],
          dialogue: [{ speaker: 'Mara', text: 'We close at two.' }],
        },
      ],
    },
  ],
};

/**
 * The instructions. The word "JSON" and an example are in it because JSON-mode endpoints
 * (DeepSeek, DashScope) require both (presets.ts); the schema-enforcing ones get the schema too.
 */
export function breakdownSystemPrompt(existingCharacters: readonly string[]): string {
  return [
    'You are a film director breaking a script down into a storyboard shot list for an AI video generator.',
    'Answer with one JSON object only, no prose, exactly in this shape:',
    JSON.stringify(EXAMPLE),
    'Rules:',
    '- Keep the scenes of the script in order; "heading" is the scene heading as written, or null for shots before the first heading.',
    `- "shotSize" is one of: ${SHOT_SIZES.join(', ')}.`,
    `- "cameraMove" is one of: ${CAMERA_MOVES.join(', ')}.`,
    '- "durationSec" is the shot length in seconds (1 to 60): long enough for its dialogue at a natural pace, usually 3 to 8.',
    '- "prompt" describes what the camera sees in one or two sentences (subject, action, setting, light), in the language of the script; no camera jargon beyond what the fields already say.',
    '- "elements" lists the characters, locations and props that appear, by the name the script uses.',
    '- "dialogue" holds the lines spoken in the shot, in order, with the speaking character\'s name, or null for a narrator.',
    '- Do not invent scenes, characters or lines the script does not have.',
    existingCharacters.length
      ? `- The project already has these characters; use exactly these names for them: ${existingCharacters.join(', ')}.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function breakdownRequest(opts: {
  preset: Pick<LlmPreset, 'structured' | 'maxTokens'>;
  model: string;
  script: string;
  existingCharacters: readonly string[];
}): ChatRequestBody {
  return chatBody({
    model: opts.model,
    structured: opts.preset.structured,
    maxTokens: opts.preset.maxTokens,
    schemaName: 'storyboard_breakdown',
    schema: BREAKDOWN_JSON_SCHEMA,
    messages: [
      { role: 'system', content: breakdownSystemPrompt(opts.existingCharacters) },
      { role: 'user', content: `Break this script down into shots (JSON):\n\n${opts.script}` },
    ],
  });
}

/** The model's breakdown as a script proposal against the project's elements (characters merge by name or @tag). */
export function breakdownProposal(
  b: Breakdown,
  ctx: { fileName: string; elements: readonly Pick<Element, 'id' | 'name' | 'tag' | 'kind'>[] },
): ScriptProposal {
  const { characters, character } = castOf(ctx.elements);
  const scenes: ProposedScene[] = b.scenes.map((sc, si) => {
    const key = `s${si + 1}`;
    return {
      key,
      line: 0,
      heading: sc.heading || null,
      notes: '',
      shots: sc.shots.map((sh, hi): ProposedShot => {
        const dialogue = sh.dialogue.slice(0, MAX_LINES_PER_SHOT).map((l) => {
          const speaker = l.speaker === null ? null : character(l.speaker);
          if (speaker) characters.get(speaker)!.lines += 1;
          return { speaker, text: l.text, dual: false, line: 0 };
        });
        const cast = [
          ...sh.elements.filter((e) => e.kind === 'character').map((e) => character(e.name)),
          ...dialogue.map((l) => l.speaker),
        ].filter((k): k is string => k !== null);
        const others = sh.elements.filter((e) => e.kind !== 'character');
        return {
          key: `${key}.${hi + 1}`,
          line: 0,
          title: sh.title || sh.prompt.slice(0, 60),
          prompt: sh.prompt,
          durationSec: sh.durationSec,
          shotSize: sh.shotSize,
          camera: sh.cameraMove,
          characters: [...new Set(cast)],
          dialogue,
          notes: others.length ? `Elements: ${others.map((e) => `${e.name} (${e.kind})`).join(', ')}` : '',
        };
      }),
    };
  });
  return {
    fileName: ctx.fileName,
    format: 'ai',
    title: b.title,
    characters: [...characters.values()],
    scenes,
    issues: [],
  };
}
