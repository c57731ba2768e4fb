/**
 * Track header switches: mute, solo and lock buttons for each timeline track (shared/model/
 * tracks.ts), as in Premiere's and Resolve's track headers. Each press runs `track.set`: one
 * undo step. `TrackHeaders` lays them over the canvas's lane gutter (shots, music, voice-over,
 * sound); the dialogue track puts `TrackSwitches` in its own DOM head. A lane that is not heard
 * is dimmed, a locked one hatched, over its content (pointer events pass through).
 */
import { memo, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { trackState, tracksSound, TRACK_SWITCHES, type TrackId, type TrackSwitch } from '../../../shared/model/tracks';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { LAYOUT } from './geometry';

/** Lock, speaker (mute) and headphones (solo) as inline SVG: no words to translate. */
const ICONS: Record<TrackSwitch, string> = {
  muted: 'M4 9h4l5-4v14l-5-4H4zM16 9l5 6M21 9l-5 6',
  solo: 'M4 15v-3a8 8 0 0 1 16 0v3M4 15h3v5H4zM17 15h3v5h-3z',
  locked: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v9H5z',
};
const LABEL: Record<TrackSwitch, [on: string, off: string]> = {
  muted: ['tracks.unmute', 'tracks.mute'],
  solo: ['tracks.unsolo', 'tracks.solo'],
  locked: ['tracks.unlock', 'tracks.lock'],
};

export function trackName(t: (k: string) => string, track: TrackId): string {
  return track === 'dialogue' ? t('workspace.tracks.dialogue') : t(`timeline.lanes.${track}`);
}

const stop = (e: ReactPointerEvent) => e.stopPropagation();

/**
 * Memoised on its track: the dialogue track re-renders with every edit of the document (its
 * cues), and its switches' labels (seven i18next lookups) do not change with those.
 */
export const TrackSwitches = memo(function TrackSwitches({ track }: { track: TrackId }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const states = useAppState((s) => s.snapshot?.project.trackStates);
  const state = trackState(states, track);
  const name = trackName(t, track);
  return (
    <span className="track-switches" role="group" aria-label={t('tracks.header', { track: name })}>
      {TRACK_SWITCHES.map((sw) => {
        const on = state[sw];
        const label = t(LABEL[sw][on ? 0 : 1], { track: name });
        return (
          <button
            key={sw}
            type="button"
            className={`track-switch ${sw}${on ? ' on' : ''}`}
            aria-pressed={on}
            aria-label={label}
            title={label}
            data-testid={`track-${sw}-${track}`}
            onPointerDown={stop}
            onClick={() => void runAction(ctx, actions['track.set'], { track, switch: sw, on: !on })}
          >
            <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false">
              <path d={ICONS[sw]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
            </svg>
          </button>
        );
      })}
    </span>
  );
});

/** Where each canvas lane sits (CSS px in the timeline box): the shot lane, then the audio lanes. */
const CANVAS_LANES: { track: TrackId; top: number; height: number }[] = [
  { track: 'shots', top: LAYOUT.shotTop, height: LAYOUT.shotHeight },
  ...LAYOUT.audioLanes.map((lane, i) => ({
    track: lane as TrackId,
    top: LAYOUT.audioTop + i * LAYOUT.audioLaneHeight,
    height: LAYOUT.audioLaneHeight - 4,
  })),
];

/** Row of switches under each lane's label (StaticLayer draws the label at the lane's top). */
export const SWITCH_ROW_OFFSET = 17;

export function TrackHeaders({ width }: { width: number }) {
  const states = useAppState((s) => s.snapshot?.project.trackStates);
  return (
    <>
      {CANVAS_LANES.map((lane) => {
        const heard = tracksSound(states, [lane.track]);
        const locked = trackState(states, lane.track).locked;
        return (
          <div key={lane.track}>
            <div className="track-head-switches" style={{ top: lane.top + SWITCH_ROW_OFFSET, left: 6 }}>
              <TrackSwitches track={lane.track} />
            </div>
            {(!heard || locked) && (
              <div
                className={`track-veil${heard ? '' : ' silenced'}${locked ? ' locked' : ''}`}
                data-testid={`track-veil-${lane.track}`}
                style={{
                  top: lane.top,
                  left: LAYOUT.gutter,
                  width: Math.max(0, width - LAYOUT.gutter),
                  height: lane.height,
                }}
              />
            )}
          </div>
        );
      })}
    </>
  );
}
