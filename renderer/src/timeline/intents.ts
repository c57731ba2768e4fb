/**
 * A committed timeline gesture is a registry action like any other command: a drop is
 * shots.moveMany, a trim handle shot.setTrim, an audio drag or trim audio.update, Delete on an
 * audio item audio.remove. One action = one contract call = one undo step; the result is applied
 * and failures shown by runAction, in one place.
 */
import { actions, runAction, type ActionContext } from '../actions';
import type { Intent } from './interactions/types';

export function sendIntent(ctx: ActionContext, intent: Intent): Promise<boolean> {
  switch (intent.kind) {
    case 'move':
      return runAction(ctx, actions['shots.moveMany'], { shotIds: intent.shotIds, toIndex: intent.toIndex });
    case 'trim':
      return runAction(ctx, actions['shot.setTrim'], {
        shotId: intent.shotId,
        inFrames: intent.inFrames,
        outFrames: intent.outFrames,
      });
    case 'audio':
      return runAction(ctx, actions['audio.update'], { id: intent.id, patch: intent.patch });
    case 'audio-remove':
      return runAction(ctx, actions['audio.remove'], { id: intent.id });
  }
}
