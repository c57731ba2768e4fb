/**
 * Contract methods of template variables (merged into `contract` in contract.ts): define, edit
 * and remove `{{product}}`-style variables and picture slots, and set values. Each call is ONE
 * undo step. Pictures given as files are imported first (a broken one is refused, nothing written).
 */
import { z } from 'zod';
import { ProjectSnapshotSchema } from '../model/entities.js';
import { MAX_VALUE_LENGTH, TemplateVariableSchema, VARIABLE_KINDS, VariableNameSchema } from '../template/variables.js';
import { ElementPictureSchema } from './elements.js';

export const templateMethods = {
  /** Adds the variable, or replaces the one of that name; `picture` (a file or an asset) fills a slot. */
  'template.set': {
    input: z
      .object({
        name: VariableNameSchema,
        kind: z.enum(VARIABLE_KINDS),
        value: z.string().max(MAX_VALUE_LENGTH).default(''),
        picture: ElementPictureSchema.nullable().optional(),
        firstFrameShotIds: TemplateVariableSchema.shape.firstFrameShotIds.default([]),
      })
      .strict(),
    output: ProjectSnapshotSchema,
  },
  'template.remove': { input: z.object({ name: VariableNameSchema }).strict(), output: ProjectSnapshotSchema },
  /** Several values at once (a variant's row): text by name, pictures by name. */
  'template.setValues': {
    input: z
      .object({
        text: z.record(VariableNameSchema, z.string().max(MAX_VALUE_LENGTH)).default({}),
        pictures: z.record(VariableNameSchema, ElementPictureSchema).default({}),
      })
      .strict(),
    output: ProjectSnapshotSchema,
  },
} as const;
