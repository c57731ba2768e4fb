/**
 * Contract method of the project's style (merged into `contract` in contract.ts): the style
 * prompt added to every shot's prompt and the style pictures sent after each shot's element
 * pictures. One call sets both (either may be left out) and is ONE undo step.
 */
import { z } from 'zod';
import { ProjectSnapshotSchema } from '../model/entities.js';
import { ElementPictureSchema } from './elements.js';

/** Style pictures a project keeps: each shot's element pictures come first, so few fit anyway. */
export const MAX_STYLE_PICTURES = 6;

export const StylePromptSchema = z.string().max(20_000);

export const styleMethods = {
  /**
   * `pictures`: the whole new list, in order (files are imported first: a broken one is refused
   * with its own error and nothing is written). Absent: the pictures stay as they are.
   */
  'project.setStyle': {
    input: z
      .object({
        stylePrompt: StylePromptSchema.optional(),
        pictures: z.array(ElementPictureSchema).max(MAX_STYLE_PICTURES).optional(),
      })
      .strict(),
    output: ProjectSnapshotSchema,
  },
} as const;

/** What the service applies: the prompt and/or the stored image assets, in order. */
export interface StyleUpdate {
  stylePrompt?: string;
  refAssetIds?: readonly string[];
}
