/**
 * The shot inspector: what it extends, frames, prompt, negative prompt, duration, camera, shot
 * size, provider, model, elements, seed, notes, trim, transition in (not on the first shot) and scene; then the takes.
 * Every field commits on its own (blur, Enter or a choice), one undo step each.
 */
import { memo, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShotPatch } from '../../../shared/api/contract';
import { SHOT_SIZES, type CameraMove, type ProjectSnapshot, type Shot } from '../../../shared/model/entities';
import { framesToSeconds, secondsToFrames } from '../../../shared/model/time';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { timelineModel } from '../timeline/model';
import { primaryShot } from '../store/selection';
import { useSelection } from '../app/useEditor';
import { CameraSelect, parseDuration } from './AddShotForm';
import { CommitField } from './CommitField';
import { FrameSlot } from './FrameSlot';
import { TakesGallery } from './TakesGallery';
import { ProviderHints, RestyleNote, ShotProviderFields, useProviderGaps, useShotProvider } from './ShotProviderFields';
import { TrimFields } from './TrimFields';
import { TransitionFields } from './TransitionFields';
import { DialogueLinesField } from './DialogueLinesField';
import { FramingFields } from './FramingFields';
import { ExtendsLine } from './ExtendsLine';
import { ShotElementsField } from './ShotElementsField';
import { useCameraNote } from './CameraNote';
import { KeyframeMaker } from './KeyframeMaker';
import { PromptEnhance } from './PromptEnhance';

export function ShotInspector() {
  const { t } = useTranslation();
  const snapshot = useAppState((s) => s.snapshot);
  const shotId = useSelection(primaryShot);
  const shot = snapshot?.shots.find((s) => s.id === shotId);
  if (!snapshot || !shot) {
    return (
      <section className="panel detail detail-empty" data-testid="shot-detail-empty">
        <ErrorMessage place="shot" />
        <p className="muted">{(snapshot?.shots.length ?? 0) > 0 ? t('shot.pick') : t('shot.none')}</p>
      </section>
    );
  }
  const index = timelineModel(snapshot).order.indexOf(shot.id);
  return <Inspector shot={shot} index={index} snapshot={snapshot} />;
}

const badSeconds = (s: string) => parseDuration(s) === 'invalid' || s.trim() === '';
const badSeed = (s: string) => s.trim() !== '' && !/^-?\d{1,15}$/.test(s.trim());

interface InspectorProps {
  shot: Shot;
  index: number;
  snapshot: ProjectSnapshot;
}

/**
 * A selection change paints, in the frame it happens, everything the inspector shows on screen:
 * the head (number, moves, frames) and the fields from the prompt to the provider. The sections
 * below them (elements, dialogue, seed and trim, transition, framing, notes, keyframes, takes)
 * follow in a deferred render (React useDeferredValue: the urgent render keeps their previous
 * props, so the memoised sections are skipped, then re-render in a transition after that frame:
 * https://react.dev/reference/react/useDeferredValue) — but only while they are below the
 * visible part of the pane. Until then they are hidden, never showing another shot's values;
 * if the new layout puts their top inside the visible part (a scrolled pane, a shorter head), a
 * layout effect renders them before that frame paints (a state update in useLayoutEffect is
 * rendered synchronously, before the browser paints: https://react.dev/reference/react/useLayoutEffect).
 * UI-3b: selection -> inspector painted <= 16 ms.
 */
function Inspector({ shot, index, snapshot }: InspectorProps) {
  const { t } = useTranslation();
  const now = useMemo(() => ({ shot, index, snapshot }), [shot, index, snapshot]);
  const later = useDeferredValue(now);
  const [eagerFor, setEagerFor] = useState<string | null>(null);
  const rest = later.shot.id === shot.id || eagerFor === shot.id ? now : later;
  const stale = rest.shot.id !== shot.id;
  const fields = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    if (stale && !endsBelowView(fields.current)) setEagerFor(shot.id);
  }, [stale, shot.id]);
  return (
    <section
      className="panel detail inspector"
      aria-labelledby="detail-title"
      data-testid="shot-detail"
      data-shot-id={shot.id}
    >
      <div className="detail-head">
        <h2 id="detail-title">{t('shot.heading', { number: index + 1 })}</h2>
        <div className="btn-group">
          <ActionButton
            action="shot.move"
            payload={{ shotId: shot.id, delta: -1 }}
            variant="ghost"
            label="←"
            testId="move-up"
          />
          <ActionButton
            action="shot.move"
            payload={{ shotId: shot.id, delta: 1 }}
            variant="ghost"
            label="→"
            testId="move-down"
          />
          <ActionButton action="shot.remove" payload={{ shotId: shot.id }} variant="danger" testId="remove-shot" />
        </div>
      </div>
      <ErrorMessage place="shot" />
      <ExtendsLine shot={shot} snapshot={snapshot} />
      <div className="frames">
        {(['first', 'last'] as const).map((which) => (
          <FrameSlot
            key={which}
            shot={shot}
            snapshot={snapshot}
            which={which}
            isFirstShot={index === 0}
            isLastShot={index === snapshot.shots.length - 1}
          />
        ))}
      </div>
      <div ref={fields} data-testid="shot-detail-fields" data-shot-id={shot.id}>
        <InspectorFields {...now} />
      </div>
      <div hidden={stale} data-testid="shot-detail-more" data-shot-id={rest.shot.id}>
        <InspectorMore {...rest} />
      </div>
    </section>
  );
}

/** True when `el` reaches past the visible part of its scrolling pane (nothing after it shows). */
function endsBelowView(el: HTMLElement | null): boolean {
  const pane = el?.closest('.pane-scroll');
  if (!el || !pane) return false;
  return el.getBoundingClientRect().bottom >= pane.getBoundingClientRect().bottom;
}

const InspectorFields = memo(function InspectorFields({ shot, snapshot }: InspectorProps) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const provider = useShotProvider(shot, snapshot);
  const gaps = useProviderGaps(shot, snapshot, provider);
  const cameraNote = useCameraNote(shot, provider);
  const fps = snapshot.project.fps;
  const update = (patch: ShotPatch) => void runAction(ctx, actions['shot.update'], { shotId: shot.id, patch });
  const scenes = [...snapshot.scenes].sort((a, b) => a.position - b.position);
  return (
    <>
      <ProviderHints hints={gaps.frames} />
      <RestyleNote note={gaps.restyle} />
      <Field label={t('addShot.prompt')}>
        <CommitField
          multiline
          tagged
          rows={4}
          value={shot.prompt}
          onCommit={(prompt) => update({ prompt })}
          testId="detail-prompt"
        />
      </Field>
      <PromptEnhance key={shot.id} shot={shot} provider={provider} />
      <Field label={t('editor.inspector.negative')}>
        <CommitField
          multiline
          rows={2}
          value={shot.negativePrompt}
          onCommit={(negativePrompt) => update({ negativePrompt })}
          testId="detail-negative"
        />
      </Field>
      <div className="row">
        <Field label={t('shot.targetDuration')} hint={shot.selectedTakeId ? t('shot.durationWithTake') : gaps.duration}>
          <CommitField
            type="number"
            min={0.1}
            step={0.1}
            value={String(framesToSeconds(shot.durationFrames, fps))}
            invalid={badSeconds}
            testId="detail-duration"
            onCommit={(s) => update({ durationFrames: Math.max(1, secondsToFrames(Number(s), fps)) })}
          />
        </Field>
        <Field label={t('addShot.camera')} hint={cameraNote}>
          <CameraSelect value={shot.camera} onChange={(camera: CameraMove) => update({ camera })} />
        </Field>
      </div>
      <div className="row">
        <Field label={t('editor.inspector.shotSize')}>
          <select
            value={shot.shotSize ?? ''}
            onChange={(e) => update({ shotSize: e.target.value === '' ? null : (e.target.value as Shot['shotSize']) })}
          >
            <option value="">{t('editor.inspector.unset')}</option>
            {SHOT_SIZES.map((s) => (
              <option key={s} value={s}>
                {t(`editor.shotSize.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('editor.inspector.scene')}>
          <select
            value={shot.sceneId ?? ''}
            data-testid="detail-scene"
            onChange={(e) =>
              void runAction(ctx, actions['shot.setScene'], { shotIds: [shot.id], sceneId: e.target.value || null })
            }
          >
            <option value="">{t('editor.scene.none')}</option>
            {scenes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.heading}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ShotProviderFields shot={shot} snapshot={snapshot} provider={provider} update={update} />
    </>
  );
});

/** The sections below the provider: elements, dialogue, seed and trim, transition, framing, notes, keyframes, takes. */
const InspectorMore = memo(function InspectorMore({ shot, index, snapshot }: InspectorProps) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const provider = useShotProvider(shot, snapshot);
  const update = (patch: ShotPatch) => void runAction(ctx, actions['shot.update'], { shotId: shot.id, patch });
  return (
    <>
      <ShotElementsField shot={shot} snapshot={snapshot} provider={provider} />
      <DialogueLinesField shot={shot} snapshot={snapshot} />
      <div className="row">
        <Field label={t('editor.inspector.seed')}>
          <CommitField
            value={shot.seed === null ? '' : String(shot.seed)}
            placeholder={t('editor.inspector.seedRandom')}
            invalid={badSeed}
            onCommit={(s) => update({ seed: s.trim() === '' ? null : Number(s) })}
          />
        </Field>
        <TrimFields shot={shot} snapshot={snapshot} />
      </div>
      {index > 0 && <TransitionFields shot={shot} snapshot={snapshot} />}
      {shot.selectedTakeId && <FramingFields shot={shot} snapshot={snapshot} />}
      <Field label={t('editor.inspector.notes')}>
        <CommitField multiline rows={2} value={shot.notes} onCommit={(notes) => update({ notes })} />
      </Field>
      <KeyframeMaker shot={shot} />
      <TakesGallery shot={shot} snapshot={snapshot} />
    </>
  );
});
