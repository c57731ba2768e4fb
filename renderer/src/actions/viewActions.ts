/** View, overlays and transport: UI state only, never a document edit (nothing to undo). */
import { cutLength, locate, playSegments } from '../player/cutPosition';
import { getPlayhead, setPlayhead } from '../player/playhead';
import { editorUi, selection, setEditorUi } from '../store/uiEditor';
import type { AppState } from '../store/state';
import type { Action, ActionId } from './registry';
import { orderedIds } from './selection';

type Global<Id extends ActionId> = Action<Id> & { global: true };

const hasProject = (s: AppState) => s.snapshot !== null;
const hasShots = (s: AppState) => (s.snapshot?.shots.length ?? 0) > 0;

function ui<Id extends ActionId>(
  id: Id,
  labelKey: string,
  group: Action['group'],
  shortcuts: string[],
  run: (s: AppState) => void,
  predicate = hasProject,
): Global<Id> {
  return {
    id,
    labelKey,
    group,
    shortcuts,
    global: true,
    place: 'app',
    tracks: 'none',
    predicate,
    perform: async ({ store }) => run(store.getState()),
  } as Global<Id>;
}

function end(s: AppState): number {
  return s.snapshot ? cutLength(playSegments(s.snapshot)) : 0;
}

function step(s: AppState, by: number): void {
  setEditorUi({ rate: 0 });
  setPlayhead(Math.min(Math.max(0, getPlayhead() + by), Math.max(0, end(s) - 1)));
}

/** Up/Down: to the start of the previous or next shot, like an NLE's edit points. */
function jumpShot(s: AppState, dir: -1 | 1): void {
  if (!s.snapshot) return;
  const segs = playSegments(s.snapshot);
  const here = locate(segs, getPlayhead());
  const index = here ? here.index : segs.length;
  const atStart = here !== null && here.offset === 0;
  const target = dir < 0 ? (atStart || !here ? index - 1 : index) : index + 1;
  const seg = segs[Math.min(Math.max(0, target), segs.length - 1)];
  setEditorUi({ rate: 0 });
  if (seg) setPlayhead(seg.startFrame);
}

const faster = (r: number, dir: 1 | -1) => (Math.sign(r) === dir ? Math.max(-4, Math.min(4, r * 2)) : dir);

export const viewActions = {
  'view.grid': ui('view.grid', 'editor.view.grid', 'view', ['Mod+1'], () => setEditorUi({ view: 'grid' })),
  'view.timeline': ui('view.timeline', 'editor.view.timeline', 'view', ['Mod+2'], () =>
    setEditorUi({ view: 'timeline' }),
  ),
  'view.toggle': ui('view.toggle', 'editor.view.toggle', 'view', ['Mod+\\'], () =>
    setEditorUi({ view: editorUi.getState().view === 'grid' ? 'timeline' : 'grid' }),
  ),
  'palette.open': ui(
    'palette.open',
    'editor.palette.open',
    'help',
    ['Mod+Shift+P'],
    () => setEditorUi({ paletteOpen: true, sheetOpen: false }),
    () => true,
  ),
  'help.shortcuts': ui(
    'help.shortcuts',
    'editor.help.shortcuts',
    'help',
    ['Shift+?'],
    () => setEditorUi({ sheetOpen: true, paletteOpen: false }),
    () => true,
  ),
  'overlay.close': ui(
    'overlay.close',
    'editor.overlay.close',
    'view',
    ['Escape'],
    () => setEditorUi({ paletteOpen: false, sheetOpen: false, contextMenu: null, exportOpen: false, jobsOpen: false }),
    () => true,
  ),
  'play.toggle': ui(
    'play.toggle',
    'editor.play.toggle',
    'playback',
    ['Space'],
    (s) => {
      const playing = editorUi.getState().rate !== 0;
      if (!playing && getPlayhead() >= end(s) - 1) setPlayhead(0);
      setEditorUi({ rate: playing ? 0 : 1 });
    },
    hasShots,
  ),
  'play.reverse': ui(
    'play.reverse',
    'editor.play.reverse',
    'playback',
    ['J'],
    () => setEditorUi({ rate: faster(editorUi.getState().rate, -1) }),
    hasShots,
  ),
  'play.pause': ui('play.pause', 'editor.play.pause', 'playback', ['K'], () => setEditorUi({ rate: 0 }), hasShots),
  'play.forward': ui(
    'play.forward',
    'editor.play.forward',
    'playback',
    ['L'],
    () => setEditorUi({ rate: faster(editorUi.getState().rate, 1) }),
    hasShots,
  ),
  'frame.prev': ui('frame.prev', 'editor.frame.prev', 'playback', ['ArrowLeft'], (s) => step(s, -1), hasShots),
  'frame.next': ui('frame.next', 'editor.frame.next', 'playback', ['ArrowRight'], (s) => step(s, 1), hasShots),
  'frame.back10': ui(
    'frame.back10',
    'editor.frame.back10',
    'playback',
    ['Shift+ArrowLeft'],
    (s) => step(s, -10),
    hasShots,
  ),
  'frame.forward10': ui(
    'frame.forward10',
    'editor.frame.forward10',
    'playback',
    ['Shift+ArrowRight'],
    (s) => step(s, 10),
    hasShots,
  ),
  'frame.start': ui(
    'frame.start',
    'editor.frame.start',
    'playback',
    ['Home'],
    () => {
      setEditorUi({ rate: 0 });
      setPlayhead(0);
    },
    hasShots,
  ),
  'frame.end': ui(
    'frame.end',
    'editor.frame.end',
    'playback',
    ['End'],
    (s) => step(s, Number.MAX_SAFE_INTEGER),
    hasShots,
  ),
  'shot.prevEdit': ui(
    'shot.prevEdit',
    'editor.frame.prevShot',
    'playback',
    ['ArrowUp'],
    (s) => jumpShot(s, -1),
    hasShots,
  ),
  'shot.nextEdit': ui(
    'shot.nextEdit',
    'editor.frame.nextShot',
    'playback',
    ['ArrowDown'],
    (s) => jumpShot(s, 1),
    hasShots,
  ),
  'player.fullscreen': ui(
    'player.fullscreen',
    'editor.player.fullscreen',
    'view',
    ['F'],
    () => {
      const el = document.querySelector<HTMLElement>('[data-player-stage]');
      if (document.fullscreenElement) void document.exitFullscreen();
      else void el?.requestFullscreen();
    },
    hasShots,
  ),
  'shot.new': ui('shot.new', 'editor.shot.new', 'edit', ['N'], () =>
    setEditorUi({ focusAddShot: editorUi.getState().focusAddShot + 1 }),
  ),
  'select.all': ui(
    'select.all',
    'editor.select.all',
    'edit',
    ['Mod+A'],
    (s) => {
      const order = s.snapshot ? orderedIds(s.snapshot) : [];
      selection.getState().select(order, 'replace', order);
    },
    hasShots,
  ),
  'export.open': ui(
    'export.open',
    'workspace.export.open',
    'file',
    ['Mod+E'],
    () => setEditorUi({ exportOpen: true, jobsOpen: false }),
    hasShots,
  ),
  'jobs.toggle': ui('jobs.toggle', 'workspace.jobs.toggle', 'view', ['Mod+J'], () =>
    setEditorUi({ jobsOpen: !editorUi.getState().jobsOpen }),
  ),
} as const;
