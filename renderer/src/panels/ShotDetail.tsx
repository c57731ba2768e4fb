/** The selected shot: preview, prompt/duration/camera, takes, order and removal. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShotPatch } from '../../../shared/api/contract';
import type { CameraMove, ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { framesToSeconds, secondsToFrames } from '../../../shared/model/time';
import { useAction, useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { orderedCut } from '../store/selectors';
import { CameraSelect, parseDuration } from './AddShotForm';
import { TakeList } from './TakeList';

export function ShotDetail() {
  const { t } = useTranslation();
  const snapshot = useAppState((s) => s.snapshot);
  const shotId = useAppState((s) => s.selectedShotId);
  const shot = snapshot?.shots.find((s) => s.id === shotId);
  if (!snapshot || !shot) {
    return (
      <section className="panel detail detail-empty" data-testid="shot-detail-empty">
        <p className="muted">{(snapshot?.shots.length ?? 0) > 0 ? t('shot.pick') : t('shot.none')}</p>
      </section>
    );
  }
  const index = orderedCut(snapshot).findIndex((c) => c.shot.id === shot.id);
  // The form restarts from the document when the shot's own fields change (save, undo),
  // not on unrelated changes such as another shot's generation finishing.
  const key = [shot.id, shot.durationFrames, shot.camera, shot.prompt].join('\u0000');
  return <ShotEditor key={key} shot={shot} index={index} snapshot={snapshot} />;
}

function ShotEditor({ shot, index, snapshot }: { shot: Shot; index: number; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const fps = snapshot.project.fps;
  const [prompt, setPrompt] = useState(shot.prompt);
  const [duration, setDuration] = useState(String(framesToSeconds(shot.durationFrames, fps)));
  const [camera, setCamera] = useState<CameraMove>(shot.camera);
  const seconds = parseDuration(duration);
  const patch: ShotPatch = {};
  if (prompt !== shot.prompt) patch.prompt = prompt;
  if (camera !== shot.camera) patch.camera = camera;
  if (typeof seconds === 'number') {
    const frames = Math.max(1, secondsToFrames(seconds, fps));
    if (frames !== shot.durationFrames) patch.durationFrames = frames;
  }
  const save = useAction('shot.update', { shotId: shot.id, patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (seconds !== 'invalid') void save.run();
  };
  return (
    <section className="panel detail" aria-labelledby="detail-title" data-testid="shot-detail">
      <div className="detail-head">
        <h2 id="detail-title">{t('shot.heading', { number: index + 1 })}</h2>
        <div className="btn-group">
          <ActionButton action="shot.move" payload={{ shotId: shot.id, delta: -1 }} variant="ghost" label={t('shot.moveEarlier')} testId="move-up" />
          <ActionButton action="shot.move" payload={{ shotId: shot.id, delta: 1 }} variant="ghost" label={t('shot.moveLater')} testId="move-down" />
          <ActionButton action="shot.remove" payload={{ shotId: shot.id }} variant="danger" testId="remove-shot" />
        </div>
      </div>
      <ErrorMessage place="shot" />
      <div className="detail-body">
        <TakeList shot={shot} snapshot={snapshot} />
        <form className="detail-form" onSubmit={submit}>
          <Field label={t('addShot.prompt')}>
            <textarea value={prompt} onChange={(e) => setPrompt(e.target.value)} rows={5} maxLength={20000} data-testid="detail-prompt" />
          </Field>
          <div className="row">
            <Field label={t('shot.targetDuration')} hint={shot.selectedTakeId ? t('shot.durationWithTake') : undefined}>
              <input type="number" min={0.1} max={600} step={0.1} value={duration} onChange={(e) => setDuration(e.target.value)} aria-invalid={seconds === 'invalid'} data-testid="detail-duration" />
            </Field>
            <Field label={t('addShot.camera')}>
              <CameraSelect value={camera} onChange={setCamera} />
            </Field>
          </div>
          {seconds === 'invalid' && <p className="field-error">{t('addShot.durationInvalid')}</p>}
          <button type="submit" className="btn btn-primary" disabled={!save.enabled || seconds === 'invalid'} data-testid="detail-save">
            {save.label}
          </button>
        </form>
      </div>
    </section>
  );
}
