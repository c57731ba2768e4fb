/**
 * "What will be sent" for the selected shot: the keyframe request for the chosen image model and
 * the video request for the chosen video provider (the shot's own by default), each with the
 * prompt in that model's style (shot size, element descriptions, template variables resolved)
 * and the pictures it receives by role. Read from the services' pure planners (keyframes.preview,
 * preview.video): nothing is sent. Asked again whenever the shot, the choice or the document changes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { localizedText, uiErrorOf } from '../components/serviceText';
import type { UiError } from '../store/state';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { projectFile } from '../api/client';
import { useAppContext } from '../app/context';
import { Field } from '../components/Field';
import { keyframeRequest, keyframeUi } from '../store/keyframeUi';
import { useProviders } from './ShotProviderFields';
import { providerName } from './providerName';
import { imageProviderLabel } from './imageProviders';
import { keyframeSentView, videoSentView, type SentRequestView } from '../../../shared/generation/sentView';

type Loaded = { view: SentRequestView } | { error: UiError } | null;

/** The services' answer for `asked` (a key of what was asked); null until the answer for it came. */
function usePreview<T>(load: () => Promise<T>, toView: (v: T) => SentRequestView, asked: string): Loaded {
  const [state, setState] = useState<{ asked: string; loaded: NonNullable<Loaded> } | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (v) => live && setState({ asked, loaded: { view: toView(v) } }),
      (err: unknown) => live && setState({ asked, loaded: { error: uiErrorOf(err) } }),
    );
    return () => {
      live = false;
    };
  }, [asked]); // eslint-disable-line react-hooks/exhaustive-deps -- `asked` names everything load reads
  return state?.asked === asked ? state.loaded : null;
}

export function KeyframeSentView({ shot, snapshot }: { shot: Shot; snapshot: ProjectSnapshot }) {
  const { t, i18n } = useTranslation();
  const { api } = useAppContext();
  const providers = useProviders();
  const ui = useStore(keyframeUi);
  const [videoProvider, setVideoProvider] = useState('');
  const videoLabel = (p: { id: string; label: string; offline?: boolean }) => providerName(t, p, (k) => i18n.exists(k));
  const image = usePreview(
    () => api.call('keyframes.preview', { ...keyframeRequest(shot.id, ui), variations: 1 }),
    (v) => keyframeSentView(v, snapshot),
    JSON.stringify(['keyframe', shot.id, ui.provider, ui.model, snapshot.history.revision, snapshot.takes.length]),
  );
  const video = usePreview(
    () => api.call('preview.video', { shotId: shot.id, ...(videoProvider ? { provider: videoProvider } : {}) }),
    (v) => videoSentView(v, snapshot),
    JSON.stringify(['video', shot.id, videoProvider, snapshot.history.revision, snapshot.takes.length]),
  );
  return (
    <div className="sent-view" data-testid="sent-view">
      <h4>{t('keyframe.sent.title')}</h4>
      <SentBlock
        title={t('keyframe.sent.keyframe')}
        loaded={image}
        testId="sent-keyframe"
        dir={snapshot.dir}
        label={(id) => imageProviderLabel(t, ui.providers?.find((p) => p.id === id) ?? { id, label: id })}
      />
      <Field label={t('keyframe.sent.videoProvider')}>
        <select
          value={videoProvider}
          data-testid="sent-video-provider"
          onChange={(e) => setVideoProvider(e.target.value)}
        >
          <option value="">{t('keyframe.sent.shotProvider')}</option>
          {(providers ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {videoLabel(p)}
            </option>
          ))}
        </select>
      </Field>
      <SentBlock
        title={t('keyframe.sent.video')}
        loaded={video}
        testId="sent-video"
        dir={snapshot.dir}
        label={(id) => videoLabel(providers?.find((p) => p.id === id) ?? { id, label: id })}
      />
    </div>
  );
}

function SentBlock({
  title,
  loaded,
  testId,
  dir,
  label,
}: {
  title: string;
  loaded: Loaded;
  testId: string;
  dir: string;
  /** The provider's name in the UI's language. */
  label: (providerId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useAppContext();
  if (loaded === null)
    return (
      <div className="sent-block" data-testid={testId} aria-busy="true">
        <span className="muted small">{t('keyframe.sent.loading')}</span>
      </div>
    );
  if ('error' in loaded)
    return (
      <div className="sent-block" data-testid={testId}>
        <strong>{title}</strong>
        <p className="error small">{localizedText(i18n, loaded.error.localized, loaded.error.message)}</p>
      </div>
    );
  const v = loaded.view;
  return (
    <div className="sent-block" data-testid={testId} data-provider={v.provider}>
      <div className="sent-head">
        <strong>{title}</strong>
        <span className="muted small">
          {label(v.provider)}
          {v.model ? ` · ${v.model}` : ''}
        </span>
      </div>
      {v.problem && <p className="error small">{v.problem}</p>}
      <pre className="sent-prompt" data-testid={`${testId}-prompt`}>
        {v.prompt || t('keyframe.sent.noPrompt')}
      </pre>
      {v.pictures.length === 0 ? (
        <p className="muted small">{t('keyframe.sent.noPictures')}</p>
      ) : (
        <ul className="sent-pictures">
          {v.pictures.map((p, i) => (
            <li
              key={`${p.role}-${p.assetId}-${i}`}
              data-testid={`${testId}-picture`}
              data-role={p.role}
              data-asset-id={p.assetId}
            >
              {p.path ? <img src={api.mediaUrl(projectFile(dir, p.path))} alt="" /> : <span className="muted">?</span>}
              <span className="small">
                {t(`keyframe.sent.role.${p.role}`, {
                  n: v.pictures.slice(0, i + 1).filter((x) => x.role === p.role).length,
                })}
                {p.name ? ` · ${p.name}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
