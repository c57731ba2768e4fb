/**
 * The Timeline region: a toolbar (zoom out / slider / in, fit, the in–out range), then the
 * canvas (ruler, shot track, music, voice-over and sound tracks with their headers) and the
 * dialogue track slot (timeline/tracks/DialogueTrack.tsx).
 */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import { TimelineMount } from '../app/TimelineMount';
import { ActionButton } from '../components/ActionButton';
import { PaneHeader } from './Splitter';
import { ZoomSlider } from './ZoomSlider';
import { MarksLabel } from './MarksLabel';

export function TimelinePane() {
  const { t } = useTranslation();
  const hasShots = useAppState((s) => (s.snapshot?.shots.length ?? 0) > 0);
  return (
    <div className="pane-column">
      <PaneHeader pane="timeline" title={t('workspace.regions.timeline')}>
        <MarksLabel />
        <ActionButton
          action="timeline.zoomOut"
          payload={undefined}
          variant="ghost"
          className="btn-tiny"
          label="−"
          testId="zoom-out"
        />
        <ZoomSlider disabled={!hasShots} />
        <ActionButton
          action="timeline.zoomIn"
          payload={undefined}
          variant="ghost"
          className="btn-tiny"
          label="+"
          testId="zoom-in"
        />
        <ActionButton
          action="timeline.zoomFit"
          payload={undefined}
          variant="ghost"
          className="btn-tiny"
          testId="zoom-fit"
        />
      </PaneHeader>
      <div className="pane-scroll timeline-scroll">
        <TimelineMount />
      </div>
    </div>
  );
}
