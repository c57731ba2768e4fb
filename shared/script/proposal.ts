/**
 * A parsed script -> a reviewable proposal (pure): scenes -> scenes, character cues ->
 * character elements (merged with the project's by name or @tag), action paragraphs -> shots
 * with a draft prompt, dialogue -> the shot's spoken lines. The user accepts all, some or edits
 * it; the service applies what is accepted as ONE undo step (`script.apply`).
 *
 * Mapping rules:
 * - Each action paragraph opens a shot; dialogue joins the shot above it in its scene (a scene
 *   that opens with dialogue gets a shot of its speaker); a shot holds at most 50 lines
 *   (shared/model/dialogue.ts), the next ones open a continuation shot. A line over 500
 *   characters is split at sentence ends.
 * - A scene without action or dialogue gets one establishing shot of its heading.
 * - The draft prompt is the action, then the heading's setting ("Interior, office, morning.").
 * - A shot's duration covers its dialogue at reading speed (READING_SPEED) and its action (3 s,
 *   plus 1 s per 12 words past 20, at most 8 s), in half seconds, at most 60 s.
 * - Parentheticals, extensions (V.O., O.S., CONT'D), transitions and synopses go to notes.
 */
import { z } from 'zod';
import { CameraMoveSchema, IdSchema, ShotSizeSchema } from '../model/entities.js';
import { MAX_LINE_CHARS, MAX_LINES_PER_SHOT } from '../model/dialogue.js';
import { castOf, mentionTest, type CastElement } from './cast.js';
import { durationSec, settingOf, SLUG, splitLongText, titleOf } from './shotDraft.js';
import { SCRIPT_ISSUE_KEYS, type ParsedScript, type ScriptElement } from './elements.js';

export const ScriptIssueSchema = z.object({
  key: z.enum(SCRIPT_ISSUE_KEYS),
  line: z.number().int().min(0),
  severity: z.enum(['error', 'warning']),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

export const ProposedLineSchema = z.object({
  /** A character's key (ProposedCharacter.key), or null for the narrator. */
  speaker: z.string().min(1).max(200).nullable(),
  text: z.string().trim().min(1).max(MAX_LINE_CHARS),
  /** Spoken at the same time as the line before (Fountain dual dialogue `^`). */
  dual: z.boolean(),
  line: z.number().int().min(0),
});
export type ProposedLine = z.infer<typeof ProposedLineSchema>;

export const ProposedShotSchema = z.object({
  key: z.string().min(1).max(64),
  line: z.number().int().min(0),
  title: z.string().max(500),
  prompt: z.string().max(20_000),
  durationSec: z.number().positive().max(600),
  /** Character keys the shot uses (its speakers and the characters its action names). */
  characters: z.array(z.string().min(1).max(200)).max(200),
  dialogue: z.array(ProposedLineSchema).max(MAX_LINES_PER_SHOT),
  notes: z.string().max(20_000),
  /** Framing and camera move (the AI breakdown gives them; the offline import leaves the shot's defaults). */
  shotSize: ShotSizeSchema.optional(),
  camera: CameraMoveSchema.optional(),
});
export type ProposedShot = z.infer<typeof ProposedShotSchema>;

export const ProposedSceneSchema = z.object({
  key: z.string().min(1).max(64),
  line: z.number().int().min(0),
  /** null: the shots before the script's first scene heading (no scene is made for them). */
  heading: z.string().max(500).nullable(),
  notes: z.string().max(20_000),
  shots: z.array(ProposedShotSchema).max(5000),
});
export type ProposedScene = z.infer<typeof ProposedSceneSchema>;

export const ProposedCharacterSchema = z.object({
  key: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  /** The project's character this one merges into, or null for a new element. */
  existingId: IdSchema.nullable(),
  lines: z.number().int().min(0),
});
export type ProposedCharacter = z.infer<typeof ProposedCharacterSchema>;

export const ScriptProposalSchema = z.object({
  fileName: z.string().max(500),
  /** 'ai': made by the AI breakdown (shared/breakdown) rather than parsed offline. */
  format: z.enum(['fountain', 'chinese', 'outline', 'ai']),
  title: z.string().max(500),
  characters: z.array(ProposedCharacterSchema).max(2000),
  scenes: z.array(ProposedSceneSchema).max(5000),
  issues: z.array(ScriptIssueSchema).max(10_000),
});
export type ScriptProposal = z.infer<typeof ScriptProposalSchema>;

export interface ProposalContext {
  fileName: string;
  /** The project's elements (characters merge by name or @tag). */
  elements: readonly CastElement[];
}

export function buildProposal(parsed: ParsedScript, ctx: ProposalContext): ScriptProposal {
  const { characters, character } = castOf(ctx.elements);
  const scenes: ProposedScene[] = [];
  const actions = new Map<ProposedShot, string>();
  let scene: ProposedScene | null = null;
  let shot: ProposedShot | null = null;
  let speaker: { key: string | null; notes: string[]; dual: boolean } | null = null;

  const currentScene = (line: number): ProposedScene => {
    if (!scene) {
      scene = { key: `s${scenes.length + 1}`, line, heading: null, notes: '', shots: [] };
      scenes.push(scene);
    }
    return scene;
  };
  const newShot = (line: number, action: string, extraNotes = ''): ProposedShot => {
    const sc = currentScene(line);
    const setting = sc.heading && (parsed.format !== 'outline' || SLUG.test(sc.heading)) ? settingOf(sc.heading) : '';
    const flat = action.replace(/\s*\n\s*/gu, ' ').trim();
    const s: ProposedShot = {
      key: `${sc.key}.${sc.shots.length + 1}`,
      line,
      title: titleOf(flat || sc.heading || ''),
      prompt: [flat || (setting ? 'Establishing shot.' : sc.heading), setting].filter(Boolean).join(' '),
      durationSec: 3,
      characters: [],
      dialogue: [],
      notes: extraNotes,
    };
    sc.shots.push(s);
    actions.set(s, flat);
    shot = s;
    return s;
  };
  const note = (text: string): void => {
    const target: { notes: string } | null = shot ?? scene;
    if (target) target.notes = [target.notes, text].filter(Boolean).join('\n');
  };

  for (const e of parsed.elements as ScriptElement[]) {
    switch (e.type) {
      case 'scene':
        scene = {
          key: `s${scenes.length + 1}`,
          line: e.line,
          heading: e.number ? `${e.text} #${e.number}` : e.text,
          notes: '',
          shots: [],
        };
        scenes.push(scene);
        shot = null;
        speaker = null;
        break;
      case 'action':
        newShot(e.line, e.text);
        speaker = null;
        break;
      case 'character': {
        const key = character(e.name);
        speaker = { key, notes: e.extensions.map((x) => `(${x})`), dual: e.dual };
        break;
      }
      case 'parenthetical':
        speaker?.notes.push(`(${e.text})`);
        break;
      case 'dialogue':
      case 'lyrics': {
        const who = speaker ?? { key: null, notes: [], dual: false };
        const name = who.key ? (characters.get(who.key)?.name ?? who.key) : 'Narrator';
        let target: ProposedShot = shot ?? newShot(e.line, `${name} speaks.`);
        const parts = splitLongText(e.text.replace(/\s*\n\s*/gu, ' '));
        if (target.dialogue.length + parts.length > MAX_LINES_PER_SHOT) {
          target = newShot(e.line, actions.get(target) ?? '', `Continues ${target.key}.`);
        }
        parts.forEach((text, i) => {
          target.dialogue.push({ speaker: who.key, text, dual: who.dual && i === 0, line: e.line });
        });
        if (who.key) {
          const c = characters.get(who.key);
          if (c) c.lines += parts.length;
          if (!target.characters.includes(who.key)) target.characters.push(who.key);
        }
        if (who.notes.length) note(`${name} ${who.notes.join(' ')}`);
        who.notes = [];
        who.dual = false;
        break;
      }
      case 'transition':
        note(e.text);
        break;
      case 'synopsis':
        if (scene) scene.notes = [scene.notes, e.text].filter(Boolean).join('\n');
        break;
      case 'section':
      case 'pageBreak':
        break;
    }
  }
  for (const c of parsed.cast ?? []) character(c.name);
  const named = [...characters.values()].map((c) => ({
    key: c.key,
    byName: mentionTest(c.name),
    byKey: mentionTest(c.key),
  }));
  for (const sc of scenes) {
    if (sc.shots.length === 0 && sc.heading) {
      scene = sc;
      shot = null;
      newShot(sc.line, '');
    }
    for (const s of sc.shots) {
      const action = actions.get(s) ?? '';
      for (const c of named) {
        if (!s.characters.includes(c.key) && (c.byName(action) || c.byKey(action))) s.characters.push(c.key);
      }
      s.durationSec = durationSec(s, action);
    }
  }
  return {
    fileName: ctx.fileName,
    format: parsed.format,
    title: parsed.titlePage.title ?? '',
    characters: [...characters.values()],
    scenes,
    issues: parsed.issues,
  };
}

export interface ProposalCounts {
  scenes: number;
  shots: number;
  newCharacters: number;
  mergedCharacters: number;
  lines: number;
  errors: number;
  warnings: number;
}

export function proposalCounts(p: ScriptProposal): ProposalCounts {
  const shots = p.scenes.flatMap((s) => s.shots);
  return {
    scenes: p.scenes.filter((s) => s.heading !== null).length,
    shots: shots.length,
    newCharacters: p.characters.filter((c) => c.existingId === null).length,
    mergedCharacters: p.characters.filter((c) => c.existingId !== null).length,
    lines: shots.reduce((n, s) => n + s.dialogue.length, 0),
    errors: p.issues.filter((i) => i.severity === 'error').length,
    warnings: p.issues.filter((i) => i.severity === 'warning').length,
  };
}

/**
 * The proposal with only the shots in `shotKeys` (a scene stays when one of its shots does);
 * characters nobody speaks or appears as any more are dropped, unless merged or listed in a cast.
 */
export function selectShots(p: ScriptProposal, shotKeys: ReadonlySet<string>): ScriptProposal {
  const scenes = p.scenes
    .map((s) => ({ ...s, shots: s.shots.filter((sh) => shotKeys.has(sh.key)) }))
    .filter((s) => s.shots.length > 0);
  const used = new Set(scenes.flatMap((s) => s.shots.flatMap((sh) => sh.characters)));
  return { ...p, scenes, characters: p.characters.filter((c) => used.has(c.key) || c.lines === 0) };
}
