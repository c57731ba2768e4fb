/** Add a shot from a prompt, from a first frame to animate, or from an existing clip. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMERA_MOVES, type CameraMove } from '../../../shared/model/entities';
import type { AddShotPayload } from '../actions/payloads';
import { useAction } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { FilePicker } from '../components/FilePicker';

type Source = 'text' | 'image' | 'clip';
const SOURCES: readonly Source[] = ['text', 'image', 'clip'];

export function CameraSelect({
  value,
  onChange,
  id,
}: {
  value: CameraMove;
  onChange(v: CameraMove): void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as CameraMove)}>
      {CAMERA_MOVES.map((m) => (
        <option key={m} value={m}>
          {t(`camera.${m}`)}
        </option>
      ))}
    </select>
  );
}

/** '' means "not given"; anything else must be a positive number of seconds. */
export function parseDuration(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const v = Number(text);
  return Number.isFinite(v) && v > 0 && v <= 600 ? v : 'invalid';
}

export function AddShotForm() {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>('text');
  const [prompt, setPrompt] = useState('');
  const [duration, setDuration] = useState('');
  const [camera, setCamera] = useState<CameraMove>('static');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const promptInput = useRef<HTMLTextAreaElement>(null);
  // "New shot" (N, palette) asks for the focus by bumping a counter in the editor UI store.
  const focusRequest = useEditorUi((s) => s.focusAddShot);
  useEffect(() => {
    if (focusRequest === 0) return;
    promptInput.current?.scrollIntoView({ block: 'center' });
    promptInput.current?.focus();
  }, [focusRequest]);
  const seconds = parseDuration(duration);
  const payload: AddShotPayload = {
    prompt,
    durationSec: seconds === 'invalid' ? null : seconds,
    // An imported clip is used as it is: a camera move means nothing for it.
    camera: source === 'clip' ? 'static' : camera,
    firstFrame: source === 'image' ? file : null,
    clip: source === 'clip' ? file : null,
  };
  const add = useAction('shot.add', payload);
  const needsFile = source !== 'text' && file === null;
  const enabled = add.enabled && seconds !== 'invalid' && !needsFile;

  const reset = () => {
    setPrompt('');
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!enabled) return;
    // Keep what the user entered when the shot is refused, so they can fix and retry.
    if (await add.run()) reset();
  };
  const pickSource = (s: Source) => {
    setSource(s);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="add-shot-title" data-testid="add-shot">
      <h2 id="add-shot-title">{t('addShot.title')}</h2>
      <div className="segmented" role="radiogroup" aria-label={t('addShot.source')}>
        {SOURCES.map((s) => (
          <label key={s} className={s === source ? 'seg selected' : 'seg'}>
            <input
              type="radio"
              name="shot-source"
              value={s}
              checked={s === source}
              onChange={() => pickSource(s)}
              data-testid={`source-${s}`}
            />
            {t(`addShot.sources.${s}`)}
          </label>
        ))}
      </div>
      {source !== 'text' && (
        <Field
          label={source === 'image' ? t('addShot.firstFrame') : t('addShot.clip')}
          hint={source === 'image' ? t('addShot.firstFrameHint') : t('addShot.clipHint')}
        >
          <FilePicker
            inputRef={fileInput}
            accept={source === 'image' ? 'image/png,image/jpeg,image/webp' : 'video/*,.mp4,.mov,.webm,.mkv'}
            file={file}
            onChange={setFile}
            testId="shot-file"
          />
        </Field>
      )}
      <Field label={t('addShot.prompt')}>
        <textarea
          ref={promptInput}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          rows={3}
          maxLength={20000}
          placeholder={t('addShot.promptPlaceholder')}
          data-testid="shot-prompt-input"
        />
      </Field>
      <div className="row">
        <Field label={t('addShot.duration')}>
          <input
            type="number"
            min={0.1}
            max={600}
            step={0.1}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            placeholder={source === 'clip' ? t('addShot.durationWholeClip') : t('addShot.durationDefault')}
            aria-invalid={seconds === 'invalid'}
            data-testid="shot-duration"
          />
        </Field>
        {source !== 'clip' && (
          <Field label={t('addShot.camera')}>
            <CameraSelect value={camera} onChange={setCamera} />
          </Field>
        )}
      </div>
      {seconds === 'invalid' && <p className="field-error">{t('addShot.durationInvalid')}</p>}
      <ErrorMessage place="addShot" />
      <button
        type="submit"
        className="btn btn-primary"
        disabled={!enabled}
        aria-busy={add.busy}
        data-testid="add-shot-submit"
      >
        {add.busy ? t('addShot.adding') : add.label}
      </button>
    </form>
  );
}
