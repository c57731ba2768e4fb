/**
 * Dialogue: a shot's lines (one undo step), voicing lines through the job queue (progress as
 * job.progress, each placed line arrives as project.changed), "fit shot to dialogue" (one undo
 * step, for one shot or all), and the take's own sound (gain, mute).
 */
import type { Action, ActionMap } from './registry';
import { onDialogue } from './trackScopes';
import { applyCall, performCall } from './snapshotCall';

const hasShot = (s: { snapshot: { shots: { id: string }[] } | null }, id: string): boolean =>
  !!s.snapshot?.shots.some((x) => x.id === id);
const hasLines = (s: { snapshot: { dialogueLines?: { shotId: string }[] } | null }, ids?: string[]): boolean =>
  !!s.snapshot?.dialogueLines?.some((l) => !ids?.length || ids.includes(l.shotId));

const setLines: Action<'dialogue.setLines'> = {
  id: 'dialogue.setLines',
  labelKey: 'dialogue.save',
  place: 'shot',
  tracks: onDialogue,
  predicate: (s, p) => hasShot(s, p.shotId),
  perform: performCall('dialogue.setLines'),
};

const voice: Action<'dialogue.voice'> = {
  id: 'dialogue.voice',
  labelKey: 'dialogue.voice',
  place: 'shot',
  tracks: onDialogue,
  predicate: (s, p) => hasLines(s, p.shotIds),
  async perform({ api }, p) {
    await api.call('dialogue.voice', p.shotIds?.length ? { shotIds: p.shotIds } : {});
  },
};

const fit: Action<'dialogue.fit'> = {
  id: 'dialogue.fit',
  labelKey: 'dialogue.fit',
  place: 'shot',
  tracks: () => ['dialogue', 'shots'],
  predicate: (s, p) => hasLines(s, p.shotIds),
  async perform(ctx, p) {
    const { store } = ctx;
    const ids = p.shotIds.length
      ? p.shotIds
      : [...new Set((store.getState().snapshot?.dialogueLines ?? []).map((l) => l.shotId))];
    await applyCall(ctx, 'dialogue.fit', { shotIds: ids });
  },
};

const setVoice: Action<'dialogue.setVoice'> = {
  id: 'dialogue.setVoice',
  labelKey: 'dialogue.voiceOf',
  place: 'shot',
  tracks: 'none',
  perform: performCall('dialogue.setVoice'),
};

/** A subtitle sidecar of the dialogue next to the export (SRT or WebVTT). */
const sidecar: Action<'export.subtitles'> = {
  id: 'export.subtitles',
  labelKey: 'dialogue.sidecar',
  place: 'export',
  tracks: 'none',
  predicate: (s) => hasLines(s),
  async perform({ api }, p) {
    await api.call('export.subtitles', p);
  },
};

const takeAudio: Action<'take.setAudio'> = {
  id: 'take.setAudio',
  labelKey: 'dialogue.takeAudio',
  place: 'shot',
  tracks: 'none',
  predicate: (s, p) => !!s.snapshot?.takes.some((t) => t.id === p.takeId),
  perform: performCall('takes.setAudio'),
};

export const dialogueActions: Pick<
  ActionMap,
  'dialogue.setLines' | 'dialogue.voice' | 'dialogue.fit' | 'dialogue.setVoice' | 'export.subtitles' | 'take.setAudio'
> = {
  'export.subtitles': sidecar,
  'dialogue.setVoice': setVoice,
  'dialogue.setLines': setLines,
  'dialogue.voice': voice,
  'dialogue.fit': fit,
  'take.setAudio': takeAudio,
};
