/**
 * Script import and the AI breakdown: the accepted proposal applied by the services as ONE undo
 * step (script.apply); the AI breakdown asked for a proposal (breakdown.propose, nothing
 * written; its failures shown in the script review); File → Import script (script.import, a
 * global action the native menu and the command palette run) opens the review's file picker;
 * a shot's prompt enhanced (prompt.enhance, nothing written) and applied as ONE undo step
 * (prompt.applyEnhanced).
 */
import type { ScriptProposal } from '../../../shared/script/proposal';
import type { Action } from './registry';
import { onShots } from './trackScopes';
import { applyCall } from './snapshotCall';

/** The review listens for this (ScriptImport.tsx): open the section and its file picker. */
export const SCRIPT_IMPORT_EVENT = 'storyboard:script-import';

export const scriptApply: Action<'script.apply'> = {
  id: 'script.apply',
  labelKey: 'scriptImport.acceptAll',
  place: 'script',
  tracks: onShots,
  predicate: (s, p) =>
    s.snapshot !== null &&
    p.proposal !== null &&
    p.proposal.scenes.some((sc) => sc.shots.length > 0) &&
    !p.proposal.issues.some((i) => i.severity === 'error'),
  async perform(ctx, p) {
    if (!p.proposal) return;
    await applyCall(ctx, 'script.apply', { proposal: p.proposal });
  },
};

export const scriptBreakdown: Action<'script.breakdown'> = {
  id: 'script.breakdown',
  labelKey: 'breakdown.aiButton',
  place: 'script',
  tracks: 'none',
  predicate: (s, p) => s.snapshot !== null && p.script !== null && p.script.text.trim() !== '',
  async perform({ api }, p) {
    if (!p.script) return;
    const proposal: ScriptProposal = await api.call('breakdown.propose', p.script);
    p.onProposal(proposal);
  },
};

export const scriptImport: Action<'script.import'> = {
  id: 'script.import',
  labelKey: 'scriptImport.menu',
  place: 'script',
  tracks: 'none',
  global: true,
  group: 'file',
  predicate: (s) => s.snapshot !== null,
  perform() {
    window.dispatchEvent(new CustomEvent(SCRIPT_IMPORT_EVENT));
    return Promise.resolve();
  },
};

/** Asks the chat endpoint for one shot's prompt rewritten for `provider`; nothing is written. */
export const promptEnhance: Action<'prompt.enhance'> = {
  id: 'prompt.enhance',
  labelKey: 'breakdown.enhance.button',
  place: 'promptEnhance',
  tracks: 'none',
  predicate: (s, p) => s.snapshot?.shots.some((sh) => sh.id === p.shotId && sh.prompt.trim() !== '') ?? false,
  async perform({ api }, p) {
    const { suggestions } = await api.call('breakdown.enhance', { shotIds: [p.shotId], provider: p.provider });
    const suggestion = suggestions[0];
    if (suggestion) p.onSuggestion(suggestion);
  },
};

export const promptApplyEnhanced: Action<'prompt.applyEnhanced'> = {
  id: 'prompt.applyEnhanced',
  labelKey: 'breakdown.enhance.apply',
  place: 'promptEnhance',
  tracks: 'none',
  predicate: (s, p) => s.snapshot !== null && p.prompts.length > 0,
  async perform(ctx, p) {
    await applyCall(ctx, 'breakdown.applyPrompts', { prompts: p.prompts });
  },
};

export const breakdownSaveSettings: Action<'breakdown.saveSettings'> = {
  id: 'breakdown.saveSettings',
  labelKey: 'breakdown.settings.save',
  place: 'settings',
  tracks: 'none',
  async perform({ api }, p) {
    p.onSaved(await api.call('breakdown.updateSettings', p.patch));
  },
};
