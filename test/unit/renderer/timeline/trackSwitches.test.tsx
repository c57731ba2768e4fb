/**
 * A track's mute/solo/lock switches are memoised on their track: the dialogue track re-renders
 * with every edit of the document (and did on every zoom step, before its cues followed the
 * zoom through CSS) and its switches must not look their labels up again (i18next lookups
 * were 141 ms of a 2.3 s zoom in the UI bench's profile); a change of the
 * track's own state still reaches them. Rendered live (liveRoot), counting i18next lookups.
 */
import i18next from 'i18next';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../../renderer/src/api/client';
import { AppProvider } from '../../../../renderer/src/app/context';
import { initI18n } from '../../../../renderer/src/i18n';
import type { AppStore } from '../../../../renderer/src/store/store';
import { TrackSwitches } from '../../../../renderer/src/timeline/TrackHeaders';
import { fakeApi, makeSnapshot, makeStore } from '../fixtures';
import { liveRoot } from '../liveRoot';

/** Stands in for DialogueTrack: a new render at each zoom step, the switches in its head. */
function ZoomedTrack({ zoom }: { zoom: number }) {
  return (
    <div data-testid="track" data-zoom={zoom}>
      <TrackSwitches track="dialogue" />
    </div>
  );
}

/** The track at `zoom` in the app's context (one context value, as the app keeps it). */
const inApp = (ctx: { api: ApiClient; store: AppStore }, zoom: number) => (
  <AppProvider value={ctx}>
    <ZoomedTrack zoom={zoom} />
  </AppProvider>
);

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
});

it('a zoom step re-renders the track, not its switches; muting the track re-renders them', () => {
  const store = makeStore(makeSnapshot([]));
  const ctx = { api: fakeApi({}).api, store };
  const lookups = vi.spyOn(i18next, 't');
  const root = liveRoot(inApp(ctx, 1));
  const once = lookups.mock.calls.length;
  expect(once).toBeGreaterThan(0);
  expect(root.byTestId('track-muted-dialogue')?.props['aria-pressed']).toBe(false);

  for (const zoom of [2, 3, 4]) root.render(inApp(ctx, zoom));
  expect(root.byTestId('track')?.props['data-zoom']).toBe(4);
  expect(lookups.mock.calls.length).toBe(once);

  const project = { ...store.getState().snapshot!.project, trackStates: { dialogue: { muted: true } } };
  root.act(() => store.getState().setSnapshot({ ...store.getState().snapshot!, project }));
  expect(root.byTestId('track-muted-dialogue')?.props['aria-pressed']).toBe(true);
  expect(lookups.mock.calls.length).toBe(2 * once);
  root.unmount();
});
