/**
 * The library's Audio tab: "Add music / voice-over" (a lane and a file, uploaded and placed at
 * the playhead by the audio.add action, ONE contract call) with its error shown right
 * here; a "Duck under voice-over" toggle per music item (ONE audio.update each); and a visually hidden list mirroring the audio items, so screen readers (and tests)
 * can read what the canvas draws.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { framesToSeconds } from '../../../shared/model/time';
import { useAppState } from '../app/context';
import { FilePicker } from '../components/FilePicker';
import { getPlayhead } from '../player/playhead';
import { actions, runAction, type ActionContext } from '../actions';
import { audioModel, type AudioLane } from './audioModel';
import { LAYOUT } from './geometry';

export function AudioList() {
  const { t } = useTranslation();
  const boxes = useAppState((s) => audioModel(s.snapshot));
  const fps = useAppState((s) => s.snapshot?.project.fps ?? null);
  return (
    <ul className="visually-hidden" aria-label={t('timeline.audio.list')} data-testid="audio-items">
      {boxes.map((b) => (
        <li
          key={b.id}
          data-testid="audio-item"
          data-id={b.id}
          data-lane={b.lane}
          data-start={b.start}
          data-frames={b.frames}
        >
          {t('timeline.audio.item', {
            lane: t(`timeline.lanes.${b.lane}`),
            name: b.name,
            start: fps ? framesToSeconds(b.start, fps).toFixed(2) : b.start,
            seconds: fps ? framesToSeconds(b.frames, fps).toFixed(2) : b.frames,
            gain: b.gainDb.toFixed(1),
          })}
        </li>
      ))}
    </ul>
  );
}

/** Turns ducking on or off for one item: the audio.update action (one undo step). Answers the error message, or null. */
export async function setDuck(ctx: ActionContext, id: string, duck: boolean): Promise<string | null> {
  const ok = await runAction(ctx, actions['audio.update'], { id, patch: { duck } });
  return ok ? null : (ctx.store.getState().errors.audio?.message ?? null);
}

/** Music items lower under voice-over when ducking is on (shared/export/ducking.ts; export and preview alike). */
function DuckToggles({ ctx, onError }: { ctx: ActionContext; onError: (message: string | null) => void }) {
  const { t } = useTranslation();
  // Stable references from the store; filtered here (a selector building a new array would re-render forever).
  const items = useAppState((s) => s.snapshot?.audioItems);
  const names = useAppState((s) => s.snapshot?.assets);
  const music = (items ?? []).filter((i) => i.lane === 'music');
  // The value asked for, shown until the call answers (the box follows the click at once, as a checkbox should).
  const [pending, setPending] = useState<{ id: string; duck: boolean } | null>(null);
  if (music.length === 0) return null;
  const toggle = async (id: string, duck: boolean) => {
    setPending({ id, duck });
    onError(null);
    onError(await setDuck(ctx, id, duck));
    setPending(null);
  };
  return (
    <div className="timeline-audio-add" role="group" aria-label={t('timeline.audio.duck')} data-testid="audio-duck">
      {music.map((item) => {
        const name = names?.find((a) => a.id === item.assetId)?.originalName ?? item.assetId.slice(0, 12);
        return (
          <label key={item.id} className="small" title={t('timeline.audio.duckHint')}>
            <input
              type="checkbox"
              className="styled-check"
              checked={pending?.id === item.id ? pending.duck : item.duck}
              disabled={pending?.id === item.id}
              onChange={(e) => void toggle(item.id, e.target.checked)}
              data-testid="audio-duck-toggle"
              data-id={item.id}
            />{' '}
            {t('timeline.audio.duckItem', { name })}
          </label>
        );
      })}
    </div>
  );
}

export function AudioPanel({ ctx }: { ctx: ActionContext }) {
  const { t } = useTranslation();
  const id = useId();
  const [lane, setLane] = useState<AudioLane>('music');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const open = useAppState((s) => s.snapshot !== null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    // The audio.add action uploads, then adds at the playhead (one undo step). A refusal is
    // kept here with the file still chosen, so the user can pick another lane or file.
    const ok = await runAction(ctx, actions['audio.add'], {
      lane,
      file,
      startFrame: Math.max(0, Math.round(getPlayhead())),
    });
    const err = ctx.store.getState().errors.audio;
    ctx.store.getState().setError('audio', null);
    if (ok) {
      setFile(null);
      if (input.current) input.current.value = '';
    } else setError(err?.message ?? null);
    setBusy(false);
  };

  return (
    <>
      <form
        className="timeline-audio-add"
        onSubmit={(e) => void submit(e)}
        aria-label={t('timeline.audio.add')}
        data-testid="add-audio"
      >
        <label htmlFor={`${id}-lane`} className="small muted">
          {t('timeline.audio.lane')}
        </label>
        <select
          id={`${id}-lane`}
          value={lane}
          onChange={(e) => setLane(e.target.value as AudioLane)}
          data-testid="audio-lane"
        >
          {LAYOUT.audioLanes.map((l) => (
            <option key={l} value={l}>
              {t(`timeline.lanes.${l}`)}
            </option>
          ))}
        </select>
        <FilePicker
          id={`${id}-file`}
          inputRef={input}
          accept="audio/*,.wav,.mp3,.m4a,.aac,.flac,.ogg,.opus"
          file={file}
          onChange={setFile}
          testId="audio-file"
        />
        <button
          type="submit"
          className="btn btn-secondary"
          disabled={!open || !file || busy}
          aria-busy={busy}
          data-testid="audio-add"
        >
          {busy ? t('timeline.audio.adding') : t('timeline.audio.add')}
        </button>
        {error !== null && (
          <p className="field-error" role="alert" data-testid="error-audio">
            {error}
          </p>
        )}
      </form>
      <DuckToggles ctx={ctx} onError={setError} />
    </>
  );
}
