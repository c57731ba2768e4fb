/** Adds burned-in subtitles to an export plan: the dialogue's cues over the cut, styled per aspect. */
import type { ExportPlan } from '../../../shared/export/plan.js';
import { SUBTITLE_STYLES, subtitleCues } from '../../../shared/export/subtitles.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';

export function withSubtitles(
  plan: ExportPlan,
  doc: ProjectSnapshot,
  burn: { fontFile: string } | undefined,
): ExportPlan {
  if (!burn) return plan;
  return {
    ...plan,
    subtitles: {
      cues: subtitleCues(doc, plan.durationSec),
      style: SUBTITLE_STYLES[doc.project.aspect],
      fontFile: burn.fontFile,
    },
  };
}
