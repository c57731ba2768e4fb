/**
 * THE SLOT for the subtitle / dialogue track of the timeline (owned by the dialogue work).
 * The timeline pane renders <DialogueTrack /> between the shot track and the audio tracks'
 * toolbar, at the timeline's zoom and scroll; replace this placeholder's body with the real
 * lane. It gets the same coordinates as the canvas: x = (frame - scrollFrame) * pxPerFrame,
 * starting LAYOUT.gutter px from its left edge (timeline/geometry.ts).
 */
import { useTranslation } from 'react-i18next';
import { LAYOUT } from '../geometry';

export const DIALOGUE_TRACK_HEIGHT = 26;

export function DialogueTrack() {
  const { t } = useTranslation();
  return (
    <div className="track-row dialogue-track" role="group" aria-label={t('workspace.tracks.dialogue')} data-testid="dialogue-track" style={{ height: DIALOGUE_TRACK_HEIGHT }}>
      <div className="track-head" style={{ width: LAYOUT.gutter }}>{t('workspace.tracks.dialogue')}</div>
      <div className="track-body muted small">{t('workspace.tracks.dialogueEmpty')}</div>
    </div>
  );
}
