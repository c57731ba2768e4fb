/**
 * Template variables: `{{product}}`, `{{tagline}}`, `{{price}}` in a shot's prompt, title and
 * dialogue lines, and picture slots (a packshot, a logo) that can be a shot's first frame. The
 * ONE resolver: generation, export and the variant matrix all see a document through
 * resolveTemplate(), and an unresolved variable is a list of (shot, field, variable), never a
 * literal `{{price}}` sent to a provider or burned into a picture. Pure.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { DialogueLine } from '../model/dialogue.js';
import type { Shot } from '../model/entities.js';

/** A variable's name: a letter, then letters, digits or underscores (`{{product_name}}`). */
export const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
export const VariableNameSchema = z.string().regex(VARIABLE_NAME, 'a letter, then letters, digits or _ (at most 40)');

export const VARIABLE_KINDS = ['text', 'picture'] as const;
export const MAX_VARIABLES = 50;
export const MAX_VALUE_LENGTH = 2000;

export const TemplateVariableSchema = z.object({
  name: VariableNameSchema,
  kind: z.enum(VARIABLE_KINDS),
  /** A text variable's value (the sample in the template; a row's value in a variant). */
  value: z.string().max(MAX_VALUE_LENGTH),
  /** A picture slot's picture (an image asset); null: not chosen yet. Text variables: null. */
  assetId: z.string().min(1).max(64).nullable(),
  /** Shots whose first frame is this picture slot. */
  firstFrameShotIds: z.array(z.string().min(1).max(64)),
});
export type TemplateVariable = z.infer<typeof TemplateVariableSchema>;

/** `{{ name }}` with optional inner spaces; names as VARIABLE_NAME. */
const REFERENCE = /\{\{\s*([A-Za-z][A-Za-z0-9_]{0,39})\s*\}\}/g;

/** The variable names a text uses, in order of first use. */
export function referencedNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(REFERENCE)) names.add(m[1] as string);
  return [...names];
}

/**
 * `text` with each `{{name}}` replaced by its value. Names without a value (unknown, empty, or a
 * picture slot, which has no text) stay as written and are listed in `missing`.
 */
export function resolveText(text: string, values: ReadonlyMap<string, string>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const out = text.replace(REFERENCE, (whole, name: string) => {
    const v = values.get(name);
    if (v === undefined || v.trim() === '') {
      missing.add(name);
      return whole;
    }
    return v;
  });
  return { text: out, missing: [...missing] };
}

export const TEMPLATE_FIELDS = ['prompt', 'title', 'dialogue', 'firstFrame'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export interface Unresolved {
  shotId: string;
  /** 1-based position on the timeline. */
  shotNumber: number;
  field: TemplateField;
  variable: string;
}

export interface ResolvedDocument {
  shots: Shot[];
  dialogueLines: DialogueLine[];
  unresolved: Unresolved[];
}

/** The text values of a variable list (picture slots have none). */
export function textValues(variables: readonly TemplateVariable[]): Map<string, string> {
  return new Map(variables.filter((v) => v.kind === 'text').map((v) => [v.name, v.value]));
}

/**
 * The document as generation and export see it: every shot's prompt and title, every dialogue
 * line's text (and translation) with values in, first frames from their picture slots, and the
 * list of what could not be resolved (by shot, then field, then variable).
 */
export function resolveTemplate(doc: {
  shots: readonly Shot[];
  dialogueLines?: readonly DialogueLine[] | undefined;
  templateVariables?: readonly TemplateVariable[] | undefined;
}): ResolvedDocument {
  const variables = doc.templateVariables ?? [];
  const values = textValues(variables);
  const unresolved: Unresolved[] = [];
  const slotOf = new Map<string, TemplateVariable>();
  for (const v of variables) if (v.kind === 'picture') for (const id of v.firstFrameShotIds) slotOf.set(id, v);
  const numberOf = new Map(doc.shots.map((s, i) => [s.id, i + 1]));
  const note = (shot: Shot, field: TemplateField, names: readonly string[]): void => {
    for (const variable of names)
      unresolved.push({ shotId: shot.id, shotNumber: numberOf.get(shot.id) ?? 0, field, variable });
  };
  const shots = doc.shots.map((shot) => {
    const prompt = resolveText(shot.prompt, values);
    const title = resolveText(shot.title, values);
    note(shot, 'prompt', prompt.missing);
    note(shot, 'title', title.missing);
    const slot = slotOf.get(shot.id);
    if (slot && slot.assetId === null) note(shot, 'firstFrame', [slot.name]);
    return {
      ...shot,
      prompt: prompt.text,
      title: title.text,
      firstFrameAssetId: slot?.assetId ?? shot.firstFrameAssetId,
    };
  });
  const byId = new Map(doc.shots.map((s) => [s.id, s]));
  const lines = (doc.dialogueLines ?? []).map((line) => {
    const text = resolveText(line.text, values);
    const translation = resolveText(line.translation, values);
    const shot = byId.get(line.shotId);
    if (shot) note(shot, 'dialogue', [...new Set([...text.missing, ...translation.missing])]);
    return { ...line, text: text.text, translation: translation.text };
  });
  unresolved.sort((a, b) => a.shotNumber - b.shotNumber);
  return { shots, dialogueLines: lines, unresolved: dedupe(unresolved) };
}

function dedupe(list: Unresolved[]): Unresolved[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const key = `${u.shotId}\u0000${u.field}\u0000${u.variable}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One English sentence per problem, for the CLI and errors ("Shot 2 prompt: {{price}} has no value"). */
export function describeUnresolved(list: readonly Unresolved[]): string {
  return list.map((u) => `shot ${u.shotNumber} ${u.field}: {{${u.variable}}} has no value`).join('; ');
}

/** The error message generation and export refuse with (details carry the list for translation). */
export type Blocked = 'generation' | 'export' | 'voicing';

export function unresolvedMessage(list: readonly Unresolved[], what: Blocked): string {
  return `Unresolved template variables block ${what}: ${describeUnresolved(list)}. Give them values in the Template panel (or \`storyboard template\`).`;
}

/**
 * The document with every variable resolved, for the export (subtitles and labels carry the
 * values) and voicing (lines are spoken with their values); throws, before anything is written
 * or sent, when a variable has no value.
 */
export function resolvedOrRefused<
  D extends {
    shots: Shot[];
    dialogueLines?: DialogueLine[] | undefined;
    templateVariables?: TemplateVariable[] | undefined;
  },
>(doc: D, what: Blocked): D {
  if (!doc.templateVariables?.length) return doc;
  const r = resolveTemplate(doc);
  // Voicing needs only the lines; the export needs everything a shot shows.
  const blocking = what === 'voicing' ? r.unresolved.filter((u) => u.field === 'dialogue') : r.unresolved;
  if (blocking.length) throw new AppError('INVALID_INPUT', unresolvedMessage(blocking, what), { unresolved: blocking });
  return { ...doc, shots: r.shots, ...(doc.dialogueLines ? { dialogueLines: r.dialogueLines } : {}) };
}
