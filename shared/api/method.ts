/** One method of the API contract: the zod schemas of its input and of its answer. */
import type { z } from 'zod';

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): { input: I; output: O } {
  return { input, output };
}
