/** Add a shot from a prompt, from a first frame to animate, or from an existing clip. */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { CAMERA_MOVES, type CameraMove } from '../../../shared/model/entities';
import { useAction } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { FilePicker } from '../components/FilePicker';
import { addShotPayload, addShotPrefs, type ShotSource as Source } from '../store/addShotPrefs';
import { providerName } from './providerName';
import { TagTextarea } from './promptTags/TagTextarea';
import { useProviders } from './ShotProviderFields';

const NO_DURATIONS: Record<Source, string> = { text: '', image: '', clip: '' };
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
  // The options change only with the language (t): not translated again on every render.
  const options = useMemo(
    () =>
      CAMERA_MOVES.map((m) => (
        <option key={m} value={m}>
          {t(`camera.${m}`)}
        </option>
      )),
    [t],
  );
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as CameraMove)}>
      {options}
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
  const { t, i18n } = useTranslation();
  const [source, setSource] = useState<Source>('text');
  const [prompt, setPrompt] = useState('');
  // One duration per source: a prompt shot's length never reaches an imported clip.
  const [durations, setDurations] = useState(NO_DURATIONS);
  const duration = durations[source];
  const setDuration = (text: string) => setDurations((d) => ({ ...d, [source]: text }));
  // Camera move and provider are remembered across shots and sessions (store/addShotPrefs.ts).
  const prefs = useStore(addShotPrefs);
  const providers = useProviders();
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
  const payload = addShotPayload({ source, prompt, durations, file }, prefs, parseDuration);
  const add = useAction('shot.add', payload);
  const needsFile = source !== 'text' && file === null;
  const enabled = add.enabled && seconds !== 'invalid' && !needsFile;

  const reset = () => {
    setPrompt('');
    // A clip's length is its own: a length typed for one clip is not kept for the next.
    setDurations((d) => ({ ...d, clip: '' }));
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
        <TagTextarea
          ref={promptInput}
          value={prompt}
          onValueChange={setPrompt}
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
            <CameraSelect value={prefs.camera} onChange={prefs.setCamera} />
          </Field>
        )}
      </div>
      {source !== 'clip' && (
        <Field label={t('editor.inspector.provider')}>
          <select
            value={prefs.provider ?? ''}
            onChange={(e) => prefs.setProvider(e.target.value || null)}
            data-testid="add-shot-provider"
          >
            <option value="">{t('editor.inspector.projectDefault')}</option>
            {(providers ?? [])
              .filter((p) => p.enabled || p.id === prefs.provider)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {providerName(t, p, (k) => i18n.exists(k))}
                </option>
              ))}
          </select>
        </Field>
      )}
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
