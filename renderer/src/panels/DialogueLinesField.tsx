/**
 * The shot's dialogue in the inspector: ordered lines (speaker = a character or the narrator,
 * text, language, optional offset and translation), saved as one undo step; "Voice lines" and
 * "Fit shot to dialogue"; the timing warning; and the take's own sound (mute, gain).
 * Self-contained (takes the shot and the snapshot); bad input is caught here with a translated
 * message before anything is sent (the services refuse it too).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guessLanguage, MAX_LINE_CHARS, MAX_LINES_PER_SHOT, type DialogueLine } from '../../../shared/model/dialogue';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { framesToSeconds, secondsToFrames } from '../../../shared/model/time';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { DialogueVoices } from './DialogueVoices';
import { tooShortOf } from '../store/selectors';
import { formatDecimal } from './format';

interface Draft {
  id?: string;
  speakerId: string | null;
  text: string;
  language: string;
  offset: string;
  translation: string;
  voiced: boolean;
}

export function DialogueLinesField({ shot, snapshot }: { shot: Shot; snapshot: ProjectSnapshot }) {
  const stored = useMemo(
    () => (snapshot.dialogueLines ?? []).filter((l) => l.shotId === shot.id),
    [snapshot.dialogueLines, shot.id],
  );
  // The drafts start again from what is stored whenever that changes (a save, an undo, a voice).
  return <LinesEditor key={`${shot.id}:${JSON.stringify(stored)}`} shot={shot} snapshot={snapshot} stored={stored} />;
}

function LinesEditor({ shot, snapshot, stored }: { shot: Shot; snapshot: ProjectSnapshot; stored: DialogueLine[] }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const fps = snapshot.project.fps;
  const toDrafts = (): Draft[] =>
    stored.map((l) => ({
      id: l.id,
      speakerId: l.speakerId,
      text: l.text,
      language: l.language,
      translation: l.translation,
      voiced: l.voiceItemId !== null,
      offset: l.offsetFrames === null ? '' : framesToSeconds(l.offsetFrames, fps).toFixed(2),
    }));
  const [drafts, setDrafts] = useState<Draft[]>(toDrafts);
  const [problem, setProblem] = useState<string | null>(null);
  const characters = snapshot.elements.filter((e) => e.kind === 'character');
  const warning = tooShortOf(snapshot).find((w) => w.shotId === shot.id);
  const take = snapshot.takes.find((k) => k.id === shot.selectedTakeId);
  const takeAsset = take ? snapshot.assets.find((a) => a.id === take.assetId) : undefined;

  const edit = (i: number, patch: Partial<Draft>) =>
    setDrafts((d) => d.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = () => {
    for (const [i, d] of drafts.entries()) {
      const n = i + 1;
      if (!d.text.trim()) return setProblem(t('dialogueErrors.empty', { line: n }));
      if ([...d.text.trim()].length > MAX_LINE_CHARS)
        return setProblem(
          t('dialogueErrors.tooLong', { line: n, length: [...d.text.trim()].length, max: MAX_LINE_CHARS }),
        );
      if (d.offset.trim() && !(Number(d.offset) >= 0)) return setProblem(t('dialogueErrors.offset', { line: n }));
    }
    setProblem(null);
    void runAction(ctx, actions['dialogue.setLines'], {
      shotId: shot.id,
      lines: drafts.map((d) => ({
        ...(d.id ? { id: d.id } : {}),
        speakerId: d.speakerId,
        text: d.text.trim(),
        language: d.language || guessLanguage(d.text),
        offsetFrames: d.offset.trim() ? secondsToFrames(Number(d.offset), fps) : null,
        translation: d.translation.trim(),
      })),
    });
  };
  const dirty = JSON.stringify(drafts) !== JSON.stringify(toDrafts());

  return (
    <div className="dialogue-lines" data-testid="dialogue-lines">
      <div className="row">
        <strong>{t('dialogue.title')}</strong>
        <span className="muted small">{t('dialogue.count', { count: stored.length })}</span>
      </div>
      {warning && (
        <p className="warning small" role="status" data-testid="dialogue-warning">
          {t('dialogue.tooShort', {
            need: formatDecimal(framesToSeconds(warning.needed, fps), 1),
            have: formatDecimal(framesToSeconds(warning.frames, fps), 1),
          })}
        </p>
      )}
      <ol className="dialogue-list">
        {drafts.map((d, i) => (
          <li key={d.id ?? `new-${i}`} className="dialogue-line" data-testid="dialogue-line">
            <div className="row">
              <select
                aria-label={t('dialogue.speaker')}
                value={d.speakerId ?? ''}
                data-testid="dialogue-speaker"
                onChange={(e) => edit(i, { speakerId: e.target.value || null })}
              >
                <option value="">{t('dialogue.narrator')}</option>
                {characters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <input
                className="dialogue-lang"
                aria-label={t('dialogue.language')}
                value={d.language}
                size={5}
                onChange={(e) => edit(i, { language: e.target.value.trim() })}
              />
              <input
                className="dialogue-offset"
                aria-label={t('dialogue.offset')}
                placeholder={t('dialogue.offsetAuto')}
                value={d.offset}
                size={5}
                onChange={(e) => edit(i, { offset: e.target.value })}
              />
              <span className={`badge small${d.voiced ? '' : ' muted'}`} data-testid="dialogue-voiced">
                {d.voiced ? t('dialogue.voiced') : t('dialogue.notVoiced')}
              </span>
              <button
                type="button"
                className="btn btn-ghost btn-tiny"
                aria-label={t('dialogue.remove')}
                onClick={() => setDrafts((x) => x.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
            <textarea
              rows={2}
              aria-label={t('dialogue.text')}
              value={d.text}
              data-testid="dialogue-text"
              onChange={(e) =>
                edit(i, { text: e.target.value, language: d.id ? d.language : guessLanguage(e.target.value) })
              }
            />
            <input
              aria-label={t('dialogue.translation')}
              placeholder={t('dialogue.translation')}
              value={d.translation}
              onChange={(e) => edit(i, { translation: e.target.value })}
            />
          </li>
        ))}
      </ol>
      {stored.length > 0 && <DialogueVoices speakerIds={stored.map((l) => l.speakerId)} snapshot={snapshot} />}
      {problem && (
        <p className="error small" role="alert" data-testid="dialogue-problem">
          {problem}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="dialogue-add"
          disabled={drafts.length >= MAX_LINES_PER_SHOT}
          onClick={() =>
            setDrafts((d) => [
              ...d,
              {
                speakerId: characters[0]?.id ?? null,
                text: '',
                language: snapshot.project.language.startsWith('zh') ? 'zh' : 'en',
                offset: '',
                translation: '',
                voiced: false,
              },
            ])
          }
        >
          {t('dialogue.add')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="dialogue-save"
          disabled={!dirty}
          onClick={save}
        >
          {t('dialogue.save')}
        </button>
        <ActionButton action="dialogue.voice" payload={{ shotIds: [shot.id] }} testId="dialogue-voice" />
        <ActionButton action="dialogue.fit" payload={{ shotIds: [shot.id] }} testId="dialogue-fit" />
      </div>
      {take && takeAsset?.info.hasAudio && (
        <div className="row" data-testid="take-audio">
          <label className="small">
            <input
              type="checkbox"
              checked={take.audioMuted === true}
              data-testid="take-mute"
              onChange={(e) =>
                void runAction(ctx, actions['take.setAudio'], { takeId: take.id, muted: e.target.checked })
              }
            />
            {t('dialogue.muteTake')}
          </label>
          <label className="small">
            {t('dialogue.takeGain')}
            <input
              type="number"
              min={-60}
              max={12}
              step={1}
              value={take.audioGainDb ?? 0}
              data-testid="take-gain"
              onChange={(e) =>
                void runAction(ctx, actions['take.setAudio'], {
                  takeId: take.id,
                  gainDb: Math.max(-60, Math.min(12, Number(e.target.value) || 0)),
                })
              }
            />
          </label>
        </div>
      )}
    </div>
  );
}
