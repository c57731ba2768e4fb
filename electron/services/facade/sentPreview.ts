/**
 * Contract handlers of the `preview.*` namespace (shared/api/sentPreview.ts): the video request
 * a shot's Generate would send, planned by the same planner as generate.start; nothing written.
 */
import { keyedError } from '../../../shared/errors.js';
import { videoPreview } from '../preview/videoPreview.js';
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers, Session } from './session.js';

export function sentPreviewHandlers(session: Session, { generation }: FacadeServices): NamespaceHandlers<'preview'> {
  return {
    'preview.video': async ({ shotId, provider, model }) => {
      const planned = await generation.plan(session.require(), {
        shotIds: [shotId],
        ...(provider ? { provider } : {}),
        ...(model ? { model } : {}),
      });
      const first = planned[0];
      // planBatch leaves out a shot whose clip is being generated (never two jobs on one shot).
      if (!first)
        throw keyedError(
          'INVALID_INPUT',
          'keyframe.errors.previewBusy',
          {},
          'This shot is being generated; what it would send shows again when that ends.',
        );
      return videoPreview(first);
    },
  };
}
