/**
 * Who speaks with which voice: one picker per speaker of the shot (its characters and the
 * narrator), listing the offline voices (eSpeak NG: every installed language and a few
 * variants) and keeping a cloud voice set elsewhere (CLI `storyboard cast`). One undo step each.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract';
import { formatVoice, parseVoice } from '../../../shared/model/dialogue';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';

type Providers = MethodOutput<'dialogue.providers'>;
/** Offline voices offered first (the rest follow): Mandarin, Cantonese, English, with variants. */
const PREFERRED = ['cmn', 'cmn+f3', 'cmn+m3', 'yue', 'en-us', 'en-us+f3', 'en-us+m3', 'en-gb', 'en-gb+f3'];

export function DialogueVoices({ speakerIds, snapshot }: { speakerIds: (string | null)[]; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const [providers, setProviders] = useState<Providers | null>(null);
  useEffect(() => {
    let live = true;
    ctx.api.call('dialogue.providers', {}).then(
      (p) => live && setProviders(p),
      () => live && setProviders([]),
    );
    return () => {
      live = false;
    };
  }, [ctx.api]);
  const offline = providers?.find((p) => p.offline);
  const ids = offline ? [...PREFERRED, ...offline.voices.map((v) => v.id).filter((id) => !PREFERRED.includes(id))] : [];
  return (
    <div className="row dialogue-voices" data-testid="dialogue-voices">
      {[...new Set(speakerIds)].map((id) => {
        const el = id ? snapshot.elements.find((e) => e.id === id) : null;
        const current = parseVoice(id ? el?.voice : snapshot.project.narratorVoice);
        const value = current ? formatVoice(current) : '';
        const name = el?.name ?? t('dialogue.narrator');
        return (
          <label key={id ?? 'narrator'} className="small">
            {t('dialogue.voiceOf', { name })}
            <select
              value={value}
              data-testid="dialogue-voice-pick"
              aria-label={t('dialogue.voiceOf', { name })}
              onChange={(e) =>
                void runAction(ctx, actions['dialogue.setVoice'], {
                  ...(id ? { elementId: id } : {}),
                  voice: e.target.value ? parseVoice(e.target.value) : null,
                })
              }
            >
              <option value="">{t('dialogue.defaultVoice')}</option>
              {current && current.provider !== offline?.id && (
                <option value={value}>{`${current.provider}: ${current.voiceId}`}</option>
              )}
              {offline &&
                ids.map((v) => {
                  const text = formatVoice({ provider: offline.id, voiceId: v, speed: current?.speed ?? 1 });
                  return <option key={v} value={text}>{`${v}`}</option>;
                })}
            </select>
          </label>
        );
      })}
    </div>
  );
}
