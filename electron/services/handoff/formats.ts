/**
 * The hand-off formats as one small table: what each writes and with which pure writer
 * (shared/interchange). The export command and the export dialog dispatch through it; a new
 * format is one row. PDF is drawn here in the services (it reads frames from the media).
 */
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { HandoffFormat } from '../../../shared/api/handoff.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { buildHandoffCut } from '../../../shared/interchange/handoffCut.js';
import { writeEdl } from '../../../shared/interchange/edl.js';
import { writeFcpxml } from '../../../shared/interchange/fcpxml.js';
import { writeJianyingDraft } from '../../../shared/interchange/jianying.js';
import { writeMlt } from '../../../shared/interchange/mlt.js';
import { writeOtio } from '../../../shared/interchange/otio.js';
import { writeAtomic, writeTextAtomic } from './writeOut.js';
import { writeStoryboardPdf } from './storyboardPdf.js';

type Writer = (doc: ProjectSnapshot, outPath: string) => Promise<string[]>;

const text =
  (make: (doc: ProjectSnapshot) => string): Writer =>
  async (doc, outPath) => {
    await writeTextAtomic(outPath, make(doc));
    return [outPath];
  };

export const HANDOFF_WRITERS: Record<HandoffFormat, { ext: string; write: Writer }> = {
  fcpxml: { ext: '.fcpxml', write: text((doc) => writeFcpxml(buildHandoffCut(doc), { root: doc.dir })) },
  otio: { ext: '.otio', write: text((doc) => writeOtio(buildHandoffCut(doc), { root: doc.dir })) },
  edl: { ext: '.edl', write: text((doc) => writeEdl(buildHandoffCut(doc))) },
  mlt: { ext: '.mlt', write: text((doc) => writeMlt(buildHandoffCut(doc), { root: doc.dir })) },
  jianying: {
    ext: '',
    write: async (doc, outPath) => {
      const draft = writeJianyingDraft(buildHandoffCut(doc), {
        root: doc.dir,
        draftPath: outPath,
        draftName: basename(outPath),
        nowSec: Math.floor(Date.now() / 1000),
      });
      await writeAtomic(outPath, 'folder', async (tmp) => {
        await writeFile(join(tmp, 'draft_content.json'), JSON.stringify(draft.content), 'utf8');
        await writeFile(join(tmp, 'draft_meta_info.json'), JSON.stringify(draft.meta), 'utf8');
      });
      return [join(outPath, 'draft_content.json'), join(outPath, 'draft_meta_info.json')];
    },
  },
  pdf: { ext: '.pdf', write: async (doc, outPath) => [await writeStoryboardPdf(doc, outPath)] },
};
