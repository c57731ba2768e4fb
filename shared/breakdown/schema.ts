/**
 * What the model must answer for an AI breakdown, as a zod schema (validated on arrival) and the
 * same shape as JSON Schema (sent as `response_format.json_schema` where the endpoint enforces
 * it, and quoted in the prompt where it only has JSON mode). Shot sizes and camera moves are the
 * project's own vocabularies (shared/model/entities.ts), so an accepted shot needs no mapping.
 */
import { z } from 'zod';
import { CAMERA_MOVES, SHOT_SIZES } from '../model/entities.js';
import { MAX_LINE_CHARS } from '../model/dialogue.js';

export const BREAKDOWN_ELEMENT_KINDS = ['character', 'location', 'prop'] as const;
export const MAX_SHOT_SEC = 60;

export const BreakdownLineSchema = z.object({
  /** A character's name as in the script, or null for a narrator / voice-over without a character. */
  speaker: z.string().trim().min(1).max(200).nullable(),
  text: z.string().trim().min(1).max(MAX_LINE_CHARS),
});

export const BreakdownElementSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(BREAKDOWN_ELEMENT_KINDS),
});

export const BreakdownShotSchema = z.object({
  title: z.string().trim().max(200),
  shotSize: z.enum(SHOT_SIZES),
  cameraMove: z.enum(CAMERA_MOVES),
  durationSec: z.number().min(1).max(MAX_SHOT_SEC),
  prompt: z.string().trim().min(1).max(4000),
  elements: z.array(BreakdownElementSchema).max(50),
  dialogue: z.array(BreakdownLineSchema).max(50),
});
export type BreakdownShot = z.infer<typeof BreakdownShotSchema>;

export const BreakdownSceneSchema = z.object({
  /** The scene heading ("INT. KITCHEN - NIGHT", "内景 厨房 夜"), or null for shots before any scene. */
  heading: z.string().trim().max(500).nullable(),
  shots: z.array(BreakdownShotSchema).min(1).max(300),
});

export const BreakdownSchema = z.object({
  title: z.string().trim().max(500),
  scenes: z.array(BreakdownSceneSchema).min(1).max(500),
});
export type Breakdown = z.infer<typeof BreakdownSchema>;

const str = { type: 'string' } as const;
/**
 * BreakdownSchema as JSON Schema in the subset OpenAI's strict mode takes: every property
 * required, `additionalProperties: false`, nullable as a type union
 * (https://platform.openai.com/docs/guides/structured-outputs#supported-schemas).
 */
export const BREAKDOWN_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'scenes'],
  properties: {
    title: str,
    scenes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['heading', 'shots'],
        properties: {
          heading: { type: ['string', 'null'] },
          shots: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['title', 'shotSize', 'cameraMove', 'durationSec', 'prompt', 'elements', 'dialogue'],
              properties: {
                title: str,
                shotSize: { type: 'string', enum: [...SHOT_SIZES] },
                cameraMove: { type: 'string', enum: [...CAMERA_MOVES] },
                durationSec: { type: 'number' },
                prompt: str,
                elements: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name', 'kind'],
                    properties: { name: str, kind: { type: 'string', enum: [...BREAKDOWN_ELEMENT_KINDS] } },
                  },
                },
                dialogue: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['speaker', 'text'],
                    properties: { speaker: { type: ['string', 'null'] }, text: str },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** A zod issue path as the field a user can find: ["scenes", 0, "shots", 2, "cameraMove"] -> "scenes[0].shots[2].cameraMove". */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('') ||
    '(the whole answer)'
  );
}
