/**
 * Contract handlers of the `dialogue.*` namespace (shared/api/dialogue.ts): lines, voices,
 * voicing through the durable job queue, fit and lip sync. Edits answer with the new snapshot
 * (also emitted as project.changed); voicing answers once its job rows exist and reports like
 * generation (job.progress). The take's own sound is takes.setAudio (takes.ts); subtitle
 * sidecars are export.subtitles (export.ts).
 */
import { keyedError } from '../../../shared/errors.js';
import { formatVoice, type LineInput } from '../../../shared/model/dialogue.js';
import { dialogueIssueKey, parseDialogueSpecs } from '../../../shared/model/dialogueSpecs.js';
import { lipSyncTake, resumeLipSyncJobs, type LipSyncDeps } from '../dialogue/lipSync.js';
import { getSpeechProvider, listSpeechProviders } from '../dialogue/speech/index.js';
import { estimateSpeech, planSpeech, resumeSpeechJobs, voiceLines, type SpeechDeps } from '../dialogue/speechJobs.js';
import { importFile } from '../media/mediaStore.js';
import type { DialogueOps } from '../project/dialogueOps.js';
import type { AddShotInit } from '../project/newShots.js';
import type { ProjectStore } from '../project/store.js';
import { listProviders } from '../generation/providers/index.js';
import { jobProgress, startJobs } from './jobStart.js';
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers, Session } from './session.js';

/** `add-shot --dialogue` specs as lines, or INVALID_INPUT naming the line and why (details.issue for the UI). */
export function shotDialogue(store: ProjectStore, specs: readonly string[] | undefined): LineInput[] {
  if (!specs?.length) return [];
  const parsed = parseDialogueSpecs(specs, store.snapshot().elements);
  if ('issue' in parsed)
    throw keyedError(
      'INVALID_INPUT',
      dialogueIssueKey(parsed.issue.key),
      { line: parsed.issue.line, ...parsed.issue.values },
      `${parsed.issue.message} Nothing was added.`,
      { issue: parsed.issue.key, line: parsed.issue.line, values: parsed.issue.values },
    );
  return parsed.lines;
}

/** Adds a shot, with its lines in the same undo step when it has some. */
export function addShotWith(store: ProjectStore, lines: readonly LineInput[], init: AddShotInit): { id: string } {
  if (lines.length === 0) return store.shots.add(init);
  return { id: store.dialogue.addShotWithLines(init, lines) };
}

export function dialogueHandlers(session: Session, { settings }: FacadeServices): NamespaceHandlers<'dialogue'> {
  const edit = (fn: (ops: DialogueOps) => unknown) => session.edit((store) => fn(store.dialogue));
  const ids = [...listSpeechProviders().map((p) => p.id), ...listProviders().map((p) => p.id)];
  const speechDeps = async (store: ProjectStore): Promise<SpeechDeps & LipSyncDeps> => ({
    store,
    importFile: (path) => importFile(store, path, 'generated'),
    providerSettings: await settings.providerSettings(ids),
  });
  const onProgress = jobProgress(session);
  const start = <T>(run: (signal: AbortSignal, onQueued: (r: T) => void) => Promise<T>): Promise<T> =>
    startJobs(session, run);
  return {
    'dialogue.setLines': ({ shotId, lines }) => edit((ops) => ops.setLines(shotId, lines)),
    'dialogue.setVoice': async ({ elementId, voice }) => {
      if (voice) {
        const problem = await getSpeechProvider(voice.provider).voiceProblem(voice.voiceId);
        if (problem)
          throw keyedError(
            'INVALID_INPUT',
            'svc.speech.unknownVoice',
            { voice: voice.voiceId, provider: voice.provider },
            problem,
            {
              issue: 'unknownVoice',
            },
          );
      }
      const text = voice ? formatVoice(voice) : null;
      return edit((ops) => (elementId ? ops.setElementVoice(elementId, text) : ops.setNarratorVoice(text)));
    },
    'dialogue.providers': async () =>
      Promise.all(
        listSpeechProviders().map(async (p) => ({
          id: p.id,
          label: p.label,
          offline: p.offline,
          voices: await p.voices(),
        })),
      ),
    'dialogue.estimate': async (input) => {
      const deps = await speechDeps(session.require());
      return estimateSpeech(deps, await planSpeech(deps, input), deps.store.project().budgetCap);
    },
    'dialogue.voice': async (input) => {
      const deps = await speechDeps(session.require());
      // Anything a crash left is finished first (polled, never sent twice), like generate.
      return start<{ jobIds: string[]; placed: number }>(async (signal, onQueued) => {
        await resumeSpeechJobs(deps, { signal, onProgress });
        const r = await voiceLines(deps, {
          ...input,
          signal,
          onQueued: (jobIds, placed) => onQueued({ jobIds, placed }),
          onProgress,
        });
        return { jobIds: r.jobIds, placed: r.placed };
      });
    },
    'dialogue.fit': ({ shotIds }) => edit((ops) => ops.fit(shotIds)),
    'dialogue.lipSync': async (input) => {
      const deps = await speechDeps(session.require());
      return start<{ jobIds: string[] }>(async (signal, onQueued) => {
        // A chain a crash cut off is finished (polled by task id), never started again.
        const resumed = await resumeLipSyncJobs(deps, {
          signal,
          onProgress,
          onStart: (jobIds) => onQueued({ jobIds }),
        });
        if (resumed.length > 0) return { jobIds: resumed };
        return lipSyncTake(deps, { ...input, signal, onQueued: (jobIds) => onQueued({ jobIds }), onProgress });
      });
    },
  };
}
