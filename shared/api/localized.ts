/** A translatable message on the wire: an i18n key and its parameters (shared/errors.ts LocalizedMessage). */
import { z } from 'zod';

export const LocalizedMessageSchema = z.object({
  key: z.string().regex(/^[\w.-]+$/),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
