/**
 * The inspector of an audio item: gain, fade in, fade out and "duck under voice-over". Each
 * field commits on its own (blur, Enter, a click) through the `audio.update` action: one undo
 * step each.
 */
import { useTranslation } from 'react-i18next';
import { AUDIO_GAIN_MAX_DB, AUDIO_GAIN_MIN_DB, type AudioPatch } from '../../../shared/api/contract';
import type { AudioItem, ProjectSnapshot } from '../../../shared/model/entities';
import { framesToSeconds, secondsToFrames } from '../../../shared/model/time';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { CommitField } from '../panels/CommitField';

const badNumber = (lo: number, hi: number) => (s: string) =>
  s.trim() === '' || !Number.isFinite(Number(s)) || Number(s) < lo || Number(s) > hi;

export function AudioInspector({ item, snapshot }: { item: AudioItem; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const fps = snapshot.project.fps;
  const name = snapshot.assets.find((a) => a.id === item.assetId)?.originalName ?? item.assetId;
  const update = (patch: AudioPatch) => void runAction(ctx, actions['audio.update'], { id: item.id, patch });
  const sec = (frames: number) => String(Number(framesToSeconds(frames, fps).toFixed(2)));
  return (
    <section
      className="inspector-body"
      aria-labelledby="audio-inspector-title"
      data-testid="audio-inspector"
      data-id={item.id}
    >
      <div className="detail-head">
        <h2 id="audio-inspector-title">{t(`timeline.lanes.${item.lane}`)}</h2>
        <button
          type="button"
          className="btn btn-danger btn-small"
          onClick={() => void runAction(ctx, actions['audio.remove'], { id: item.id })}
          data-testid="audio-remove"
        >
          {t('workspace.audio.remove')}
        </button>
      </div>
      <p className="muted small mono" title={name}>
        {name}
      </p>
      <ErrorMessage place="audio" />
      <Field
        label={t('workspace.audio.gain')}
        hint={t('workspace.audio.gainHint', { min: AUDIO_GAIN_MIN_DB, max: AUDIO_GAIN_MAX_DB })}
      >
        <CommitField
          type="number"
          step={0.5}
          value={String(item.gainDb)}
          invalid={badNumber(AUDIO_GAIN_MIN_DB, AUDIO_GAIN_MAX_DB)}
          onCommit={(s) => update({ gainDb: Number(s) })}
          testId="audio-gain"
        />
      </Field>
      <div className="row">
        <Field label={t('workspace.audio.fadeIn')}>
          <CommitField
            type="number"
            step={0.1}
            min={0}
            value={sec(item.fadeInFrames)}
            invalid={badNumber(0, 600)}
            onCommit={(s) => update({ fadeInFrames: secondsToFrames(Number(s), fps) })}
            testId="audio-fade-in"
          />
        </Field>
        <Field label={t('workspace.audio.fadeOut')}>
          <CommitField
            type="number"
            step={0.1}
            min={0}
            value={sec(item.fadeOutFrames)}
            invalid={badNumber(0, 600)}
            onCommit={(s) => update({ fadeOutFrames: secondsToFrames(Number(s), fps) })}
            testId="audio-fade-out"
          />
        </Field>
      </div>
      {item.lane !== 'voiceover' && (
        <label className="check styled" title={t('timeline.audio.duckHint')}>
          <input
            type="checkbox"
            className="styled-check"
            checked={item.duck}
            onChange={(e) => update({ duck: e.target.checked })}
            data-testid="audio-inspector-duck"
          />
          {t('timeline.audio.duck')}
        </label>
      )}
    </section>
  );
}
