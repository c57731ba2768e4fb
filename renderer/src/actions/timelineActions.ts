/** Timeline view commands (renderer/src/timeline/view.ts) in the registry: UI state only. */
import { zoomBy, zoomToFit } from '../timeline/view';
import { viewport } from '../store/uiEditor';
import type { AppState } from '../store/state';
import type { Action, ActionContext, ActionId } from './registry';

// The timeline is always on screen (the workspace's bottom pane).
const inTimeline = (s: AppState) => s.snapshot !== null;

function view<Id extends ActionId>(
  id: Id,
  labelKey: string,
  shortcuts: string[],
  run: (ctx: ActionContext) => void,
): Action<Id> {
  return {
    id,
    labelKey,
    group: 'view',
    global: true,
    shortcuts,
    place: 'app',
    tracks: 'none',
    predicate: inTimeline,
    perform: async (ctx) => run(ctx),
  } as Action<Id>;
}

export const timelineActions = {
  'timeline.zoomIn': view('timeline.zoomIn', 'editor.timeline.zoomIn', ['='], (ctx) => zoomBy(ctx, 1.5)),
  'timeline.zoomOut': view('timeline.zoomOut', 'editor.timeline.zoomOut', ['-'], (ctx) => zoomBy(ctx, 1 / 1.5)),
  'timeline.zoomFit': view('timeline.zoomFit', 'editor.timeline.zoomFit', ['Shift+Z'], (ctx) => zoomToFit(ctx)),
  'timeline.zoomTo': {
    id: 'timeline.zoomTo',
    labelKey: 'workspace.zoom',
    place: 'app',
    tracks: 'none',
    predicate: inTimeline,
    perform: async (ctx, p) => zoomBy(ctx, p.pxPerFrame / viewport.getState().pxPerFrame),
  } satisfies Action<'timeline.zoomTo'>,
} as const;
