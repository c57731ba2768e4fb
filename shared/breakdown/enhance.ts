/**
 * The prompt enhancer (pure): rewrites one shot's prompt in the style the chosen video model
 * reads best, as a chat request whose answer is `{"prompt": "..."}`, plus a word diff so the
 * user sees exactly what changes before anything is applied.
 *
 * Styles, per provider, from their prompting guides:
 * - veo: subject, action, scene/context, cinematography (camera angle and movement), visual
 *   style, ambiance and audio; speech in quotes (Google's Veo prompting guide,
 *   https://cloud.google.com/vertex-ai/generative-ai/docs/video/video-gen-prompt-guide, as
 *   summarised in https://raw.githubusercontent.com/cnemri/google-genai-skills/7277476f9229d4d50bb363b63041a8c2cd4bef26/skills/veo-use/references/prompting.md).
 * - runway: simple, describe motion (subject motion, camera motion, scene motion, style
 *   descriptors), positive phrasing, no negative prompts, refer to "the subject"; promptText at
 *   most 1000 characters for gen4 (https://help.runwayml.com/hc/en-us/articles/39789879462419-Gen-4-Prompting-Guide;
 *   limit: /work/shared/docs/providers.md, Runway "Common fields").
 * - kling: scene, characters, sequential action with an end point, motivated camera movement,
 *   lighting and atmosphere; prompt at most 2500 characters (https://honeprompt.com/blog/kling-3-prompting-guide
 *   [secondary]; limit: providers.md, Kling "Body").
 * - minimax (Hailuo): camera moves as [bracketed] commands for the Director models, e.g.
 *   "[Push in]" (providers.md, MiniMax "Body").
 * - vidu: subjects referred to as @name in the prompt (providers.md, Vidu "Reference images").
 * - openai-videos (Sora 2), seedance, wan, luma, others: a cinematic description, camera setup
 *   and movement, subject and action, environment, light, style
 *   (https://academy.runwayml.com/prompt-guide camera vocabulary; https://masterprompting.net/blog/video-generation-prompts-sora-runway-kling).
 */
import { z } from 'zod';
import type { CameraMove, SHOT_SIZES } from '../model/entities.js';

type ShotSize = (typeof SHOT_SIZES)[number];
import { chatBody, type ChatRequestBody } from './chat.js';
import type { LlmPreset } from './presets.js';

export interface PromptStyle {
  /** What the rewrite should look like, told to the LLM. */
  guide: string;
  /** The provider's prompt limit in characters (the answer is refused over it). */
  maxChars: number;
}

const GENERIC: PromptStyle = {
  guide:
    'One paragraph, present tense: camera setup and movement, the subject and what it does, the environment, the light and time of day, the visual style and mood.',
  maxChars: 2000,
};

export const PROMPT_STYLES: Readonly<Record<string, PromptStyle>> = {
  veo: {
    guide:
      'Cover, in flowing sentences: subject, action, scene and context, cinematography (camera angle, shot size and movement, lens), visual style and lighting, ambiance, and audio (sound effects, ambient noise). Put spoken lines in double quotes with who says them.',
    maxChars: 2000,
  },
  runway: {
    guide:
      'Keep it simple and focused on motion: what the subject does, how the camera moves, how the scene moves, then one short style descriptor. Use positive phrasing only (never "no" or "without"), refer to people as "the subject" or by their role, and do not re-describe what a first frame already shows.',
    maxChars: 1000,
  },
  kling: {
    guide:
      'Structure it as: the scene (specific place, time, weather), the characters with distinguishing looks, the action in order with a clear end point ("walks to the window, then turns"), one motivated camera movement, then lighting and atmosphere.',
    maxChars: 2500,
  },
  minimax: {
    guide:
      'Describe subject, action, setting and light in plain sentences, and write the camera move as a bracketed command where it happens, e.g. "[Push in]", "[Pan left]", "[Tilt up]", "[Static shot]".',
    maxChars: 2000,
  },
  vidu: {
    guide:
      'Name each character by their @tag exactly as in the prompt (Vidu binds reference pictures to @names); then action, setting, camera move and mood in short sentences.',
    maxChars: 2000,
  },
  seedance: { ...GENERIC, maxChars: 3500 },
  'openai-videos': GENERIC,
  luma: GENERIC,
  wan: GENERIC,
};

export function promptStyle(providerId: string): PromptStyle {
  return PROMPT_STYLES[providerId] ?? GENERIC;
}

export const EnhancedPromptSchema = z.object({ prompt: z.string().trim().min(1) });

const ENHANCE_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['prompt'],
  properties: { prompt: { type: 'string' } },
} as const;

export interface EnhanceShot {
  prompt: string;
  shotSize: ShotSize | null;
  camera: CameraMove;
  durationSec: number;
  /** Speech in the shot ("Mara: We close at two."). */
  dialogue: readonly string[];
}

export function enhanceSystemPrompt(providerLabel: string, style: PromptStyle): string {
  return [
    `You rewrite storyboard shot prompts for the video model ${providerLabel}.`,
    `Style: ${style.guide}`,
    `Keep every fact of the original (who, what, where); keep @tags (like @Mara) exactly as written; keep the language of the original; at most ${style.maxChars} characters.`,
    'Answer with one JSON object only: {"prompt": "<the rewritten prompt>"}.',
  ].join('\n');
}

export function enhanceRequest(opts: {
  preset: Pick<LlmPreset, 'structured' | 'maxTokens'>;
  model: string;
  providerLabel: string;
  providerId: string;
  shot: EnhanceShot;
}): ChatRequestBody {
  const style = promptStyle(opts.providerId);
  const facts = [
    `Prompt: ${opts.shot.prompt}`,
    opts.shot.shotSize ? `Shot size: ${opts.shot.shotSize}` : '',
    `Camera move: ${opts.shot.camera}`,
    `Duration: ${opts.shot.durationSec} s`,
    opts.shot.dialogue.length ? `Dialogue: ${opts.shot.dialogue.join(' / ')}` : '',
  ].filter(Boolean);
  return chatBody({
    model: opts.model,
    structured: opts.preset.structured,
    maxTokens: opts.preset.maxTokens,
    schemaName: 'enhanced_prompt',
    schema: ENHANCE_JSON_SCHEMA,
    messages: [
      { role: 'system', content: enhanceSystemPrompt(opts.providerLabel, style) },
      { role: 'user', content: `Rewrite this shot's prompt (JSON answer):\n${facts.join('\n')}` },
    ],
  });
}

export interface DiffPart {
  op: 'same' | 'add' | 'del';
  text: string;
}

/** Words and runs of space as separate tokens; Han characters one by one (no spaces to split on). */
function tokens(text: string): string[] {
  return text.match(/\p{Script=Han}|[^\s\p{Script=Han}]+|\s+/gu) ?? [];
}

/** Above this many cells the LCS table (n × m numbers) is not built: the diff is the two texts whole. */
export const MAX_DIFF_CELLS = 4_000_000;

/**
 * A word-level diff (longest common subsequence), adjacent parts of one kind merged. The table
 * is n × m: a pair of texts too long for it (e.g. 20 000 Han characters against a 3 500-character
 * rewrite) answers "all removed, all added" instead of freezing the window.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) {
    if (before === after) return before ? [{ op: 'same', text: before }] : [];
    return [
      ...(before ? [{ op: 'del' as const, text: before }] : []),
      ...(after ? [{ op: 'add' as const, text: after }] : []),
    ];
  }
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    const last = out[out.length - 1];
    if (last?.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('del', a[i++]!);
    else push('add', b[j++]!);
  }
  while (i < n) push('del', a[i++]!);
  while (j < m) push('add', b[j++]!);
  return out;
}
