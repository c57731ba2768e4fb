/**
 * Conform: trims and order from an edited OTIO or FCPXML file (shared/interchange/conformRead.ts,
 * conformPlan.ts) written onto the same shots as ONE undoable edit, with a report of what could
 * not be matched. Nothing is written when the file cannot be read or nothing changes.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ConformReport } from '../../../shared/api/handoff.js';
import { AppError } from '../../../shared/errors.js';
import { readFcpxml, readOtio } from '../../../shared/interchange/conformRead.js';
import { planConform } from '../../../shared/interchange/conformPlan.js';
import type { ProjectStore } from '../project/store.js';

export async function conformFrom(store: ProjectStore, path: string): Promise<ConformReport> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.otio' && ext !== '.fcpxml') {
    throw new AppError('INVALID_INPUT', `Cannot conform from "${path}": use an .otio or .fcpxml file.`);
  }
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new AppError('NOT_FOUND', `Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}.`, {
      path,
    });
  });
  const doc = store.snapshot();
  const clips = ext === '.otio' ? readOtio(text, doc.project.fps) : readFcpxml(text, doc.project.fps);
  const plan = planConform(doc, clips);
  if (plan.report.matched === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Nothing in ${path} matches a shot of this project: ${plan.report.unmatched[0] ?? 'the file holds no clips.'}`,
    );
  }
  store.runEdit(
    {
      action: 'handoff.conform',
      subjectType: 'project',
      subjectId: doc.project.id,
      details: { path, report: plan.report },
    },
    (_db, r) => {
      plan.order.forEach((id, position) => {
        const shot = doc.shots.find((s) => s.id === id);
        if (shot && shot.position !== position) r.update('shots', { id }, { position });
      });
      for (const t of plan.trims)
        r.update('shots', { id: t.shotId }, { trim_in_frames: t.inFrames, trim_out_frames: t.outFrames });
    },
  );
  return plan.report;
}
