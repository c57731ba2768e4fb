/**
 * Applies accepted prompt suggestions (the enhancer's before/after) as ONE undoable edit. Refused
 * whole, with nothing written, when a shot is gone or its prompt is no longer the `before` the
 * suggestion was made from (edited meanwhile): the user reviews it again instead of losing an edit.
 */
import { AppError, keyedError } from '../../../shared/errors.js';
import type { PromptSuggestion } from '../../../shared/api/breakdown.js';
import type { ProjectStore } from '../project/store.js';

export function applyPrompts(store: ProjectStore, prompts: readonly PromptSuggestion[]): void {
  if (new Set(prompts.map((p) => p.shotId)).size !== prompts.length)
    throw new AppError('INVALID_INPUT', 'A shot appears twice among the prompts to apply.');
  const shots = new Map(store.snapshot().shots.map((s) => [s.id, s]));
  for (const p of prompts) {
    const shot = shots.get(p.shotId);
    if (!shot)
      throw keyedError(
        'NOT_FOUND',
        'svc.breakdown.noShot',
        { shotId: p.shotId },
        `The shot ${p.shotId} is no longer in the project.`,
      );
    if (shot.prompt !== p.before)
      throw keyedError(
        'INVALID_INPUT',
        'svc.breakdown.promptChanged',
        { title: shot.title || p.shotId },
        `The prompt of “${shot.title || p.shotId}” changed since it was enhanced; enhance it again. Nothing was changed.`,
      );
  }
  store.runEdit(
    {
      action: 'breakdown.applyPrompts',
      subjectType: 'project',
      subjectId: prompts[0]!.shotId,
      details: { shots: prompts.length },
    },
    (_db, r) => {
      for (const p of prompts) if (p.after !== p.before) r.update('shots', { id: p.shotId }, { prompt: p.after });
    },
  );
}
